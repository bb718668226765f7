import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiChannels } from '../../src/shared/channels'
import { startFakeWhoop, type FakeWhoop } from '../fakeWhoop/fakeWhoopServer'
import { createFakeElectron, ipcEventFrom } from '../support/fakeElectron'
import { loadMainBundle, settle } from '../support/mainBundle'
import { makeTempDir } from '../support/tempDir'

let fake: FakeWhoop
beforeAll(async () => {
  fake = await startFakeWhoop({ days: 20, rateLimit: false })
  process.env.WHOOP_API_BASE_URL = fake.endpoints.apiBaseUrl
  process.env.WHOOP_OAUTH_BASE_URL = fake.endpoints.oauthBaseUrl
})
afterAll(async () => {
  delete process.env.WHOOP_API_BASE_URL
  delete process.env.WHOOP_OAUTH_BASE_URL
  await fake.close()
})

const page = 'app://whoop-desktop/index.html'

/** The built app, as the OS starts it, with sign-in begun from its window. */
async function appWithPendingSignIn(argv?: string[]) {
  process.env.WHOOP_DESKTOP_DATA_DIR = makeTempDir()
  const fake_ = createFakeElectron({ userDataDir: makeTempDir() })
  const originalArgv = process.argv
  if (argv) process.argv = argv
  try {
    loadMainBundle(fake_)
  } finally {
    process.argv = originalArgv
  }
  const call = (method: keyof typeof apiChannels, ...args: unknown[]) =>
    fake_.recorded.ipcHandlers.get(apiChannels[method])!(ipcEventFrom(page), ...args) as Promise<any>
  return { electron: fake_, call }
}

async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read()
    if (done(value)) return value
    await settle()
  }
  throw new Error('timed out waiting')
}

describe('signing in through the built app, with the redirect arriving as the OS delivers it', () => {
  it('macOS: open-url, including one that arrives before the app is ready', async () => {
    const { electron, call } = await appWithPendingSignIn()
    electron.becomeReady()
    await settle()
    const started = await call('startSignIn', { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, redirect: 'custom-scheme' })
    expect(started.ok).toBe(true)
    expect(electron.recorded.openedExternally).toEqual([started.value.authorizationUrl])
    const redirect = await fake.answerConsent(started.value.authorizationUrl)
    let prevented = false
    electron.electron.app.emit('open-url', { preventDefault: () => (prevented = true) }, redirect)
    expect(prevented).toBe(true)
    const status = await waitFor(() => call('getConnection'), (result) => result.value.state === 'connected')
    expect(status.value.account).toMatchObject({ firstName: 'Alex' })
    // The outcome was pushed to the window.
    expect(electron.windows[0].webContents.sent).toContainEqual(['connection:sign-in-outcome', expect.objectContaining({ ok: true })])
  })

  it('macOS: a link delivered before ready waits for the app, then is refused as no sign-in is pending', async () => {
    const { electron, call } = await appWithPendingSignIn()
    electron.electron.app.emit('open-url', { preventDefault: () => {} }, 'whoop-desktop://oauth/callback?code=x&state=abcdefgh1')
    electron.becomeReady()
    await settle()
    await settle()
    expect((await call('getConnection')).value.state).toBe('not-connected')
    expect(electron.windows[0].webContents.sent).toContainEqual(['connection:sign-in-outcome', expect.objectContaining({ reason: 'no-pending' })])
  })

  it('Windows/Linux: the link in a second instance’s argv, dev-mode form included', async () => {
    const { electron, call } = await appWithPendingSignIn(['/opt/WHOOP Desktop/whoop-desktop'])
    electron.becomeReady()
    await settle()
    const started = await call('startSignIn', { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, redirect: 'custom-scheme' })
    const redirect = await fake.answerConsent(started.value.authorizationUrl)
    electron.electron.app.emit('second-instance', {}, ['/repo/node_modules/electron/dist/electron', '/repo', redirect], '/repo')
    const status = await waitFor(() => call('getConnection'), (result) => result.value.state === 'connected')
    expect(status.value.account.userId).toBe(10129)
    expect(electron.windows[0].focused).toBe(true)
  })
})
