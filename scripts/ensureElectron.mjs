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

/**
 * Makes sure the Electron binary of the project in the working folder (as npm runs scripts) is
 * installed. Returns `{ binary }`, or `{ problem }`: one sentence for the person who ran the command.
 */
function ensureElectron() {
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
  return {
    problem:
      `WHOOP Desktop needs the Electron ${version} binary for ${process.platform}-${process.arch}, which is not installed ` +
      `and could not be downloaded (${failureReason(`${install.stdout}\n${install.stderr}`)}). ` +
      'Connect to the internet and run the command again; behind a proxy set HTTPS_PROXY, or point ELECTRON_MIRROR at a mirror of Electron releases.'
  }
}

const { problem } = ensureElectron()
if (problem) {
  console.error(problem)
  process.exit(1)
}
