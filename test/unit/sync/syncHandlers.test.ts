import { afterEach, describe, expect, it } from 'vitest'
import { describeSyncRun } from '../../../src/main/sync/syncHandlers'
import type { SyncRunResult } from '../../../src/shared/sync'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('sync, as the page asks for it', () => {
  it('syncs now, tells the page, and writes the run to the activity log with what it stored', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    harness.fake.edit.newDay()
    const finished = harness.nextEvent('onSyncProgress', (progress) => progress.type === 'finished')
    const result = await harness.call('syncNow', {})
    expect(await finished).toEqual({ type: 'finished', result })
    const sum = (key: 'added' | 'updated' | 'removed') => result.resources.reduce((total, outcome) => total + outcome[key], 0)
    const grouped = (count: number) => new Intl.NumberFormat().format(count)
    expect(sum('added')).toBeGreaterThan(0)
    const [entry] = await harness.call('getActivity')
    expect(entry).toMatchObject({ kind: 'sync', ok: true, summary: `Sync succeeded: ${grouped(sum('added'))} added, ${grouped(sum('updated'))} updated, ${grouped(sum('removed'))} removed.` })
    expect(await harness.call('getSyncStatus')).toMatchObject({ running: false, connected: true, lastRun: { runId: result.runId, status: 'succeeded' } })
  })

  it("carries a running sync's progress in its status, a wait for WHOOP's rate limit included, for a page that missed the events", async () => {
    harness = await startCoreHarness()
    await harness.connect()
    harness.fake.addFault({ kind: 'status', status: 429, resetSeconds: 3, times: 1 })
    const waiting = harness.nextEvent('onSyncProgress', (progress) => progress.type === 'waiting' && progress.until !== null)
    const run = harness.call('syncNow', {})
    const { until } = (await waiting) as { until: number }
    const status = await harness.call('getSyncStatus')
    expect(status).toMatchObject({ running: true, progress: { waitingUntil: until } })
    await run
    expect(await harness.call('getSyncStatus')).toMatchObject({ running: false, progress: null })
  })

  it('says at start when the last sync was cut short, and the next one carries on', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    harness.core.database.prepare("INSERT INTO sync_run (trigger, started_at, status) VALUES ('manual', '2026-11-20T15:00:00.000Z', 'running')").run()
    await harness.restart()
    const [entry] = await harness.call('getActivity')
    expect(entry).toMatchObject({ kind: 'sync', ok: false, summary: 'The last sync was interrupted (the app was closed or crashed); the next sync continues where it stopped.' })
    expect((await harness.call('syncNow', {})).status).toBe('succeeded')
  })
})

describe("a run's words in the activity log", () => {
  it('names each cause of failure once, with the resources it stopped', () => {
    const outcome = (resource: 'cycle' | 'sleep' | 'recovery', added: number, error?: { kind: 'offline'; message: string }) =>
      ({ resource, status: error ? 'failed' : 'ok', added, updated: 1, removed: 0, pages: 1, ...(error && { error }) }) as SyncRunResult['resources'][number]
    const offline = { kind: 'offline' as const, message: 'WHOOP could not be reached.' }
    const result: SyncRunResult = {
      runId: 7,
      trigger: 'launch',
      status: 'partial',
      startedAt: '2026-11-20T15:00:00.000Z',
      finishedAt: '2026-11-20T15:00:09.000Z',
      resources: [outcome('cycle', 3), outcome('sleep', 0, offline), outcome('recovery', 0, offline)]
    }
    expect(describeSyncRun(result)).toBe('Sync on opening partly failed: 3 added, 3 updated, 0 removed. sleep, recovery: WHOOP could not be reached.')
  })

  it('groups thousands as the locale writes them: a first sync of years stores thousands of records', () => {
    const outcome = (resource: 'cycle' | 'sleep', added: number) => ({ resource, status: 'ok', added, updated: 0, removed: 0, pages: 1 }) as SyncRunResult['resources'][number]
    const result: SyncRunResult = {
      runId: 1,
      trigger: 'connect',
      status: 'succeeded',
      startedAt: '2026-11-20T15:00:00.000Z',
      finishedAt: '2026-11-20T15:01:09.000Z',
      resources: [outcome('cycle', 1826), outcome('sleep', 1950)]
    }
    const inLocale = new Intl.NumberFormat().format(1826 + 1950)
    expect(inLocale, "this machine's locale groups thousands").not.toBe('3776')
    expect(describeSyncRun(result)).toBe(`First sync after connecting succeeded: ${inLocale} added, 0 updated, 0 removed.`)
  })
})
