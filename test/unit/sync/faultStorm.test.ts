import { describe, expect, it } from 'vitest'
import type { Fault } from '../../support/fakeWhoop/fakeWhoopServer'
import { expectedCounts, fakeRecords, startSyncHarness, storedRecords, tableCounts } from '../../support/harness/syncHarness'

const storm: Fault[] = [
  { kind: 'status', status: 429, resetSeconds: 5 },
  { kind: 'status', status: 500 },
  { kind: 'reset' },
  { kind: 'status', status: 502 },
  { kind: 'slow', delayMs: 400 },
  { kind: 'expire-tokens' },
  { kind: 'status', status: 503 }
]

describe('a sync in a fault storm', () => {
  it('ends with the same data as a clean run', async () => {
    const clean = await startSyncHarness({ fake: { days: 2 * 365 } })
    await clean.engine.sync()
    const cleanRecords = storedRecords(clean.db)
    await clean.close()

    // Every third request fails in one of seven ways, tokens expire mid-sync, time is simulated.
    const stormy = await startSyncHarness({ fake: { days: 2 * 365 }, client: { requestTimeoutMs: 150 } })
    stormy.fake.startStorm(storm, 3)
    const result = await stormy.engine.sync()

    expect(result.status).toBe('succeeded')
    expect(stormy.fake.faultsInjected).toBeGreaterThan(40)
    expect(stormy.fake.tokenRequests).toBeGreaterThan(3)
    expect(tableCounts(stormy.db)).toEqual(expectedCounts(stormy.fake))
    expect(storedRecords(stormy.db)).toEqual(cleanRecords)
    expect(storedRecords(stormy.db)).toEqual(fakeRecords(stormy.fake))
    expect(stormy.db.pragma('integrity_check', { simple: true })).toBe('ok')
    await stormy.close()
  })
})
