import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import { startAppCore } from '../main/appCore'
import { defaultUserDataDir, resolveDataDir } from '../main/dataDir'
import { settingsBackendOptions, type SettingsBackend } from '../main/settings/settingsStore'
import { startBrowserHost } from './browserHost'

/**
 * `npm run dev:browser`: the real app core behind the real renderer, in any browser.
 * Honours PORT (default 5199; 0 picks a free one) and WHOOP_DESKTOP_DATA_DIR (default: the same
 * folder the desktop app uses).
 */
async function main(): Promise<void> {
  const packageJson = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'))
  const dataDir = resolveDataDir(process.env, defaultUserDataDir(process.platform, process.env))
  const core = startAppCore({
    appName: packageJson.productName,
    appVersion: packageJson.version,
    dataDir,
    settingsBackend: new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend
  })
  const host = await startBrowserHost({
    port: Number(process.env.PORT ?? 5199),
    rendererDir: path.join(__dirname, '../renderer'),
    handlers: core.handlers,
    logInternalError: (method, error) => console.error(`API method ${method} failed:`, error)
  })
  console.log(`WHOOP Desktop browser host: ${host.url}`)
  console.log(`Data folder: ${dataDir}`)

  const stop = async (): Promise<void> => {
    await host.close()
    core.close()
    process.exit(0)
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
