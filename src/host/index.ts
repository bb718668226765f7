import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import { startAppCore } from '../main/appCore'
import { obfuscatingCipher } from '../main/auth/cipher'
import { importInWorker } from '../main/exchange/importInWorker'
import { settingsBackendOptions, type SettingsBackend } from '../main/settings/settingsStore'
import { whoopEndpointsFromEnv } from '../main/whoop/whoopEndpoints'
import { startBrowserHost, type BrowserHost } from './browserHost'
import { nodeVersionProblem } from '../../scripts/nodeVersion.mjs'
import { chosenClock } from './chosenNow'
import { chooseHostDataDir } from './hostDataDir'
import { createHostFiles } from './hostFiles'

/**
 * `npm run dev:browser`: the real app core behind the real renderer, in any browser.
 * Honours `--data <folder>` or WHOOP_DESKTOP_DATA_DIR (default: a temporary folder, removed on
 * stop), PORT (default 5199; 0 picks a free one), WHOOP_API_BASE_URL, WHOOP_OAUTH_BASE_URL and
 * WHOOP_DESKTOP_NOW.
 */
async function main(): Promise<void> {
  const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'))
  const tooOld = nodeVersionProblem(packageJson.engines.node)
  if (tooOld) throw new Error(tooOld)
  const port = Number(process.env.PORT ?? 5199)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT must be a port number, not "${process.env.PORT}".`)
  const { clock, chosen } = chosenClock(process.env)
  const { dataDir, temporary } = chooseHostDataDir(process.argv.slice(2), process.env)
  // Whether the host stops or fails to start, a folder made for this run goes with it.
  if (temporary) process.once('exit', () => fs.rmSync(dataDir, { recursive: true, force: true, maxRetries: 3 }))
  let host: BrowserHost | undefined
  const files = createHostFiles()
  const core = await startAppCore({
    appName: packageJson.productName,
    appVersion: packageJson.version,
    dataDir,
    settingsBackend: new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend,
    whoopEndpoints: whoopEndpointsFromEnv(process.env),
    clock,
    // No OS secret store here: the vault treats this as weak and keeps the sign-in in memory.
    cipher: obfuscatingCipher,
    // The page opens WHOOP's sign-in itself, and whoop-desktop:// links cannot reach this process.
    deepLinks: { reachesApp: false, reason: 'the app is running in your browser' },
    files: files.exchange,
    runImport: importInWorker(path.join(__dirname, 'importWorker.js')),
    emit: (event, payload) => host?.emit(event, payload),
    echoLog: (line) => console.error(line),
    // The MCP server beside this bundle, under the same Node, on the same data folder.
    assistantCommand: {
      command: process.execPath,
      args: [path.join(__dirname, 'mcp.js')],
      env: { WHOOP_DESKTOP_DATA_DIR: dataDir }
    }
  })
  host = await startBrowserHost({
    port,
    rendererDir: path.join(__dirname, '../renderer'),
    handlers: core.handlers,
    files,
    logInternalError: (method, error) => core.log.error(`API method ${method} failed`, error)
  })
  if (chosen) console.log(`Clock: running from ${chosen} (WHOOP_DESKTOP_NOW)`)
  console.log(`WHOOP Desktop browser host: ${host.url}`)
  console.log(
    temporary
      ? `Data folder: ${dataDir} (temporary, removed when you stop with Ctrl+C; to keep your data, give a folder: npm run dev:browser -- --data <folder>)`
      : `Data folder: ${dataDir}`
  )

  const running = host
  const stop = async (): Promise<void> => {
    await running.close()
    core.close()
    files.removeAll()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
