import { apiChannels, type ApiMethod } from '../../../src/shared/channels'
import { createFakeElectron, ipcEventFrom, type FakeElectronOptions } from './fakeElectron'
import { APP_PAGE, loadMainBundle } from './loadMainBundle'
import { afterAll, beforeAll } from 'vitest'
import { startFakeWhoop, type FakeWhoop, type FakeWhoopOptions } from '../fakeWhoop/fakeWhoopServer'
import { makeTempDir } from '../harness/tempDir'
import { systemClock } from '../../../src/main/clock'

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

/**
 * A fake WHOOP for the built apps of a test file, started before its tests and named to them in the
 * environment the app reads; `whoop()` is it, once started. Its member lives on the system clock, as
 * the built app does (only the browser host can be moved to the instant `npm run test:dates` pins):
 * at a pinned instant in March, a history ending then would be months away from the app's today.
 */
export function fakeWhoopForBuiltApps(options: FakeWhoopOptions): () => FakeWhoop {
  let whoop: FakeWhoop
  beforeAll(async () => {
    whoop = await startFakeWhoop({ clock: systemClock, ...options })
    process.env.WHOOP_API_BASE_URL = whoop.endpoints.apiBaseUrl
    process.env.WHOOP_OAUTH_BASE_URL = whoop.endpoints.oauthBaseUrl
  })
  afterAll(async () => {
    delete process.env.WHOOP_API_BASE_URL
    delete process.env.WHOOP_OAUTH_BASE_URL
    await whoop.close()
  })
  return () => whoop
}
