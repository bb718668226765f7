import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { createTokenVault } from '../../../src/main/auth/tokenVault'
import { makeTempDir } from '../../support/harness/tempDir'
import { createTestCipher } from '../../support/harness/testCipher'

const app = { clientId: 'client-123', clientSecret: 'secret-of-the-app-9f8e' }
const tokens = { accessToken: 'access-token-abc', refreshToken: 'refresh-token-def', expiresAt: 1_900_000_000_000, scope: 'offline' }

async function openVault(dataDir: string, cipher = createTestCipher(), allowWeak = false) {
  const vault = createTokenVault({ dataDir, cipher, allowWeakStorage: () => allowWeak })
  await vault.open()
  return vault
}

const fileOf = (dir: string) => path.join(dir, 'whoop-vault.json')

describe('the token vault', () => {
  it('keeps the secret and tokens encrypted on disk, with the backend beside them, and reads them back', async () => {
    const dir = makeTempDir()
    const cipher = createTestCipher()
    const vault = await openVault(dir, cipher)
    await vault.saveConnection(app, tokens)
    const onDisk = fs.readFileSync(fileOf(dir), 'utf8')
    for (const secret of [app.clientSecret, tokens.accessToken, tokens.refreshToken]) expect(onDisk).not.toContain(secret)
    expect(JSON.parse(onDisk)).toMatchObject({ version: 1, backend: 'gnome_libsecret', clientId: 'client-123' })
    if (process.platform !== 'win32') expect(fs.statSync(fileOf(dir)).mode & 0o777).toBe(0o600)

    const reopened = await openVault(dir, cipher)
    expect(reopened.credentials()).toEqual(app)
    expect(reopened.tokens()).toEqual(tokens)
    expect(reopened.status()).toMatchObject({ persistent: true, unreadable: false, warning: undefined })
  })

  it('keeps everything in memory only when the system has no secret store', async () => {
    const dir = makeTempDir()
    const cipher = createTestCipher({ available: false })
    const vault = await openVault(dir, cipher)
    await vault.saveConnection(app, tokens)
    expect(vault.tokens()).toEqual(tokens)
    expect(vault.status()).toMatchObject({ persistent: false, warning: expect.stringContaining('memory only') })
    expect(fs.readFileSync(fileOf(dir), 'utf8')).not.toMatch(/tokens|clientSecret/)
    expect((await openVault(dir, cipher)).tokens()).toBeUndefined()
  })

  it('treats basic_text as weak: memory only with a warning unless weak storage is allowed', async () => {
    const dir = makeTempDir()
    const cipher = createTestCipher({ backend: 'basic_text' })
    let allowWeak = false
    const vault = createTokenVault({ dataDir: dir, cipher, allowWeakStorage: () => allowWeak })
    await vault.open()
    await vault.saveConnection(app, tokens)
    expect(vault.status()).toMatchObject({ persistent: false, warning: expect.stringContaining('no system keyring, so your WHOOP sign-in is kept in memory only') })
    expect(fs.readFileSync(fileOf(dir), 'utf8')).not.toContain('tokens')

    allowWeak = true
    await vault.reconsider()
    expect(vault.status()).toMatchObject({ persistent: true, warning: expect.stringContaining('weak protection') })
    expect((await openVault(dir, cipher, true)).tokens()).toEqual(tokens)
  })

  it('reports an unreadable vault (the keyring changed) instead of crashing, and recovers on reconnect', async () => {
    const dir = makeTempDir()
    await (await openVault(dir)).saveConnection(app, tokens)
    const otherKeyring = createTestCipher()
    const vault = await openVault(dir, otherKeyring)
    expect(vault.status().unreadable).toBe(true)
    expect(vault.tokens()).toBeUndefined()
    expect(vault.clientId()).toBe('client-123')

    await vault.saveConnection(app, tokens)
    expect((await openVault(dir, otherKeyring)).tokens()).toEqual(tokens)
  })

  it('treats a damaged vault file as unreadable', async () => {
    const dir = makeTempDir()
    fs.writeFileSync(fileOf(dir), '{"version": 1, "backend": ')
    expect((await openVault(dir)).status().unreadable).toBe(true)
  })

  it('saves rotated tokens and forgets them on request', async () => {
    const dir = makeTempDir()
    const cipher = createTestCipher()
    const vault = await openVault(dir, cipher)
    await vault.saveConnection(app, tokens)
    const rotated = { ...tokens, accessToken: 'access-2', refreshToken: 'refresh-2' }
    await vault.saveTokens(rotated)
    expect((await openVault(dir, cipher)).tokens()).toEqual(rotated)
    await vault.forgetTokens()
    const after = await openVault(dir, cipher)
    expect(after.tokens()).toBeUndefined()
    expect(after.credentials()).toEqual(app)
  })
})
