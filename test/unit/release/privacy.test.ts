import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../../support/appCoreHarness'
import { makeTempDir } from '../../support/tempDir'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('privacy', () => {
  it('contacts only WHOOP (here, its stand-in) over a full connect, sync, export, disconnect run', async () => {
    const contacted: string[] = []
    harness = await startCoreHarness({
      fake: { days: 20 },
      fetch: (input, init) => {
        contacted.push(new URL(input instanceof Request ? input.url : String(input)).host)
        return fetch(input, init)
      }
    })
    const h = harness
    const started = await h.call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret, redirect: 'custom-scheme' })
    const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await h.call('completeSignIn', { url: await h.fake.answerConsent(started.authorizationUrl) })
    await synced
    await h.call('syncNow', {})
    h.files.exportTo = path.join(makeTempDir(), 'export.json')
    await h.call('exportData', { format: 'json' })
    await h.call('disconnect', { deleteData: false })

    const whoopHost = new URL(h.fake.origin).host
    expect(contacted.length).toBeGreaterThan(10)
    expect(new Set(contacted)).toEqual(new Set([whoopHost]))
    // And the only page the app opened is WHOOP's sign-in.
    expect(h.opened.map((url) => new URL(url).host)).toEqual([whoopHost])
  })
})
