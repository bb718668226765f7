import { describe, expect, it } from 'vitest'
import { apiEventChannels } from '../../src/shared/channels'
import { fakeWhoopForBuiltApps, launchBuiltApp } from '../support/electron/mainBundle'

const whoop = fakeWhoopForBuiltApps({ days: 20, rateLimit: false })

const credentials = () => ({ clientId: whoop().app.clientId, clientSecret: whoop().app.clientSecret, redirect: 'custom-scheme' })
/** The outcome of the sign-in, as the app pushes it to its window. */
const signInOutcome = (app: ReturnType<typeof launchBuiltApp>, matches?: (outcome: any) => boolean) =>
  app.fake.windows[0].webContents.message(apiEventChannels.onSignInOutcome, matches) as Promise<any>

describe('signing in through the built app, with the redirect arriving as the OS delivers it', () => {
  it('macOS: open-url; WHOOP is reached through Electron’s network stack', async () => {
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    const started = await app.call('startSignIn', [credentials()])
    expect(started.ok).toBe(true)
    expect(app.fake.recorded.openedExternally).toEqual([started.value.authorizationUrl])
    const redirect = await whoop().answerConsent(started.value.authorizationUrl)
    let prevented = false
    app.fake.electron.app.emit('open-url', { preventDefault: () => (prevented = true) }, redirect)
    expect(prevented).toBe(true)

    expect(await signInOutcome(app)).toMatchObject({ ok: true })
    const status = await app.call('getConnection')
    expect(status.value).toMatchObject({ state: 'connected', account: { firstName: 'Alex' } })
    // The token exchange (openid-client) and the WHOOP API calls all went through net.fetch.
    const fetched = app.fake.recorded.fetched
    expect(fetched).toContain(`${whoop().endpoints.oauthBaseUrl}/oauth2/token`)
    expect(fetched.some((url) => url.startsWith(`${whoop().endpoints.apiBaseUrl}/v2/user/profile/basic`))).toBe(true)
  })

  it('macOS: a link delivered before ready waits for the app, then is refused as no sign-in is pending', async () => {
    const app = launchBuiltApp()
    app.fake.electron.app.emit('open-url', { preventDefault: () => {} }, 'whoop-desktop://oauth/callback?code=x&state=abcdefgh1')
    await app.fake.becomeReady()
    expect(await signInOutcome(app)).toMatchObject({ ok: false, reason: 'no-pending' })
    expect((await app.call('getConnection')).value.state).toBe('not-connected')
  })

  it('Windows/Linux: the link in a second instance’s argv, dev-mode form included', async () => {
    const app = launchBuiltApp({ argv: ['/opt/WHOOP Desktop/whoop-desktop'] })
    await app.fake.becomeReady()
    const started = await app.call('startSignIn', [credentials()])
    const redirect = await whoop().answerConsent(started.value.authorizationUrl)
    app.fake.electron.app.emit('second-instance', {}, ['/repo/node_modules/electron/dist/electron', '/repo', redirect], '/repo')
    expect(await signInOutcome(app)).toMatchObject({ ok: true })
    expect((await app.call('getConnection')).value.account.userId).toBe(10129)
    expect(app.fake.windows[0].focused).toBe(true)
  })
})
