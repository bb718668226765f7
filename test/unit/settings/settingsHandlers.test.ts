import { afterEach, describe, expect, it } from 'vitest'
import { defaultSettings } from '../../../src/shared/settings'
import { loopbackRedirectUri } from '../../../src/shared/connection'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('settings, as the page changes them', () => {
  it('keeps a change across a restart, and what depends on it follows at once', async () => {
    harness = await startCoreHarness()
    // The harness gives each test a loopback port of its own; the rest is as a new app starts.
    const initial = await harness.call('getSettings')
    expect({ ...initial, loopbackPort: defaultSettings.loopbackPort }).toEqual(defaultSettings)
    const port = initial.loopbackPort + 1
    const told = harness.nextEvent('onConnectionChanged', (status) => status.loopbackRedirectUri === loopbackRedirectUri(port))
    const updated = await harness.call('updateSettings', { theme: 'dark', loopbackPort: port, assistantAccess: true })
    expect(updated).toEqual({ ...initial, theme: 'dark', loopbackPort: port, assistantAccess: true })
    // The page is told the redirect URI to register, and assistants may read.
    expect((await told).loopbackRedirectUri).toBe(loopbackRedirectUri(port))
    expect(await harness.call('getAssistantAccess')).toMatchObject({ enabled: true })
    await harness.restart()
    expect(await harness.call('getSettings')).toEqual(updated)
    expect((await harness.call('getConnection')).loopbackRedirectUri).toBe(loopbackRedirectUri(port))
  })

  it('keeps the sign-in only in memory until weak storage is allowed, then on disk', async () => {
    // The browser host's case: no secret store, so the vault's storage is weak.
    const { obfuscatingCipher } = await import('../../../src/main/auth/cipher')
    harness = await startCoreHarness({ cipher: obfuscatingCipher })
    await harness.connect()
    expect((await harness.call('getConnection')).storage.persistent).toBe(false)
    await harness.call('updateSettings', { allowWeakTokenStorage: true })
    expect((await harness.call('getConnection')).storage.persistent).toBe(true)
    await harness.restart()
    expect((await harness.call('getConnection')).state).toBe('connected')
  })
})
