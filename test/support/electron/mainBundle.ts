import { apiChannels, type ApiMethod } from '../../../src/shared/channels'
import { createFakeElectron, ipcEventFrom, type FakeElectronOptions } from './fakeElectron'
import { APP_PAGE, loadMainBundle } from './loadMainBundle'
import { makeTempDir } from '../harness/tempDir'

export { APP_PAGE,  mainBundle, outDir } from './loadMainBundle'

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
