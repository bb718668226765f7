import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import { apiChannels, type ApiMethod } from '../../src/shared/channels'
import { createFakeElectron, ipcEventFrom, type FakeElectron, type FakeElectronOptions } from './fakeElectron'
import { makeTempDir } from './tempDir'

export const outDir = path.resolve(__dirname, '../../out')
export const mainBundle = path.join(outDir, 'main/index.js')
export const APP_PAGE = 'app://whoop-desktop/index.html'

/**
 * Loads the built `out/main/index.js` under plain Node, the way Electron would start it, with
 * `require('electron')` answered by the fake. Everything else it requires is real.
 */
export function loadMainBundle(fake: FakeElectron): void {
  if (!fs.existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run \`npm run build\` first.`)
  const nodeRequire = createRequire(mainBundle)
  for (const file of Object.keys(nodeRequire.cache)) {
    if (file.startsWith(outDir)) delete nodeRequire.cache[file]
  }
  const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const originalLoad = moduleInternals._load
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest)
  }
  try {
    nodeRequire(mainBundle)
  } finally {
    moduleInternals._load = originalLoad
  }
}

/**
 * The built app as the OS starts it, against a fake Electron and a fresh data folder, not yet
 * ready (`fake.becomeReady()` lets it start). `argv` is the command line it is started with.
 */
export function launchBuiltApp(options: { dataDir?: string; argv?: string[] } & Partial<FakeElectronOptions> = {}) {
  const dataDir = options.dataDir ?? makeTempDir()
  process.env.WHOOP_DESKTOP_DATA_DIR = dataDir
  const fake = createFakeElectron({ userDataDir: makeTempDir(), ...options })
  const originalArgv = process.argv
  if (options.argv) process.argv = options.argv
  try {
    loadMainBundle(fake)
  } finally {
    process.argv = originalArgv
  }
  /** An API call over IPC, as the app's page (or the frame at `from`) makes it. */
  const call = (method: ApiMethod, args: unknown[] = [], from = APP_PAGE) =>
    fake.recorded.ipcHandlers.get(apiChannels[method])!(ipcEventFrom(from), ...args) as Promise<any>
  return { fake, dataDir, call }
}
