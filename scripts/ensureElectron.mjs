// Runs before `npm start` and `npm run dev`. Since Electron 42 the `electron` package downloads its
// binary only on the first `require('electron')`, while electron-vite reads the package's `path.txt`
// and fails with "Electron uninstall" when it is missing. So this installs the binary when it is not
// there yet (through Electron's own install.js, which honours ELECTRON_MIRROR, proxies and its cache
// and checks the archive's checksum), or says in one line why it could not and how to fix it.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

/** The path electron-vite starts: `<electron package>/dist/<path.txt>`, when both exist. */
function installedElectronBinary(electronDir) {
  const pathFile = path.join(electronDir, 'path.txt')
  if (!fs.existsSync(pathFile)) return undefined
  const binary = path.join(electronDir, 'dist', fs.readFileSync(pathFile, 'utf8'))
  return fs.existsSync(binary) ? binary : undefined
}

/** The last line of install.js's output that names an error, without its stack frames. */
function failureReason(output) {
  const lines = output.split('\n').map((line) => line.trim()).filter((line) => line && !line.startsWith('at '))
  return (lines.findLast((line) => /error/i.test(line)) ?? lines.at(-1) ?? 'no reason given').replace(/\.$/, '')
}

/** What went wrong reaching `host`, in words, from the code Node's fetch gives as the cause. */
function describeNetworkError(code, host) {
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return `${host} could not be found (is this computer offline?)`
  if (code === 'ECONNREFUSED') return `${host} refused the connection`
  if (code === 'ECONNRESET') return `the connection to ${host} was cut`
  if (code === 'ETIMEDOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'TimeoutError') return `${host} did not answer`
  if (/CERT|SELF_SIGNED/.test(code ?? '')) return `${host}'s certificate is not trusted here (a proxy that inspects traffic needs its certificate in NODE_EXTRA_CA_CERTS)`
  return `${host} could not be reached (${code ?? 'no reason given'})`
}

/**
 * install.js says only "fetch failed" when the network fails; this asks the download server
 * itself (ELECTRON_MIRROR or GitHub) and says why it cannot be reached, or undefined when it can.
 */
async function networkProblem() {
  const server = new URL(process.env.ELECTRON_MIRROR || process.env.npm_config_electron_mirror || 'https://github.com/electron/electron/releases/download/')
  try {
    await fetch(server, { method: 'HEAD', signal: AbortSignal.timeout(10_000) })
    return undefined
  } catch (error) {
    return describeNetworkError(error.cause?.code ?? error.cause?.message ?? error.name, server.host)
  }
}

/**
 * Makes sure the Electron binary of the project in the working folder (as npm runs scripts) is
 * installed. Returns `{ binary }`, or `{ problem }`: one sentence for the person who ran the command.
 */
async function ensureElectron() {
  const electronDir = path.dirname(createRequire(path.join(process.cwd(), 'package.json')).resolve('electron/package.json'))
  // electron-vite starts ELECTRON_EXEC_PATH instead, when it is set.
  if (process.env.ELECTRON_EXEC_PATH) return { binary: process.env.ELECTRON_EXEC_PATH }
  const installed = installedElectronBinary(electronDir)
  if (installed) return { binary: installed }

  const { version } = JSON.parse(fs.readFileSync(path.join(electronDir, 'package.json'), 'utf8'))
  console.log(`Downloading Electron ${version} (about 100 MB, first start only)…`)
  const install = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8' })
  const binary = install.status === 0 ? installedElectronBinary(electronDir) : undefined
  if (binary) return { binary }
  const reason = failureReason(`${install.stdout}\n${install.stderr}`)
  const unreachable = /fetch failed|ENOTFOUND|ECONN|ETIMEDOUT/i.test(reason) ? await networkProblem() : undefined
  return {
    problem:
      `WHOOP Desktop needs the Electron ${version} binary for ${process.platform}-${process.arch}, which is not installed ` +
      `and could not be downloaded: ${unreachable ?? reason}. ` +
      'Connect to the internet and run the command again; behind a proxy set HTTPS_PROXY, or point ELECTRON_MIRROR at a mirror of Electron releases. ' +
      'To look at the app without Electron: npm run dev:browser'
  }
}

const { problem } = await ensureElectron()
if (problem) {
  console.error(problem)
  process.exit(1)
}
