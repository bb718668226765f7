import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { makeTempDir } from '../../support/harness/tempDir'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const modeOf = (file: string) => fs.statSync(file).mode & 0o777

describe.runIf(process.platform !== 'win32')('files at rest', () => {
  it('keep the data folder 0700 and the database, settings and vault 0600', async () => {
    const dataDir = path.join(makeTempDir(), 'WHOOP Desktop')
    fs.mkdirSync(dataDir, { mode: 0o755 })
    harness = await startCoreHarness({ dataDir })
    await harness.call('updateSettings', { theme: 'dark' })
    const started = await harness.call('startSignIn', { clientId: harness.fake.app.clientId, clientSecret: harness.fake.app.clientSecret, redirect: 'custom-scheme' })
    const synced = harness.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await harness.call('completeSignIn', { url: await harness.fake.answerConsent(started.authorizationUrl) })
    await synced

    expect(modeOf(dataDir)).toBe(0o700)
    const files = ['whoop-desktop.sqlite', 'whoop-desktop.sqlite-wal', 'whoop-desktop.sqlite-shm', 'config.json', 'whoop-vault.json']
    for (const file of files) expect(modeOf(path.join(dataDir, file)), file).toBe(0o600)
  })
})
