import { describe, expect, it } from 'vitest'
import type { ResourceSyncState } from '../../../src/main/store/syncStateStore'
import { defaultPlanSettings, downloadsWholeHistory, planWalk, recheckStretches, RECHECK_PERIOD_MS } from '../../../src/main/sync/syncPlan'

const DAY = 86_400_000
const now = Date.parse('2026-11-20T15:00:00Z')
const iso = (ms: number) => new Date(ms).toISOString()
const settings = defaultPlanSettings
const state = (change: Partial<ResourceSyncState> = {}): ResourceSyncState => ({
  historyComplete: true,
  lastSuccessMs: now - DAY,
  lastReconcileMs: now - DAY,
  recheckCursorMs: null,
  lastRecheckMs: null,
  ...change
})
const noneStored = { newest: null, oldest: null, oldestPending: null }

describe('the walk a collection makes', () => {
  it('reads the whole history, up to now, until it has once', () => {
    expect(planWalk(state({ historyComplete: false }), noneStored, now, false, settings)).toEqual({ id: now, kind: 'full', end: iso(now), pages: 0 })
  })

  it('reads from the newest record stored, less four days for late edits', () => {
    const stored = { newest: now - 2 * DAY, oldest: now - 400 * DAY, oldestPending: null }
    expect(planWalk(state(), stored, now, false, settings)).toEqual({ id: now, kind: 'incremental', start: iso(now - 6 * DAY), end: iso(now), pages: 0 })
  })

  it('reaches back to the oldest record WHOOP is still scoring', () => {
    const stored = { newest: now - DAY, oldest: now - 400 * DAY, oldestPending: now - 12 * DAY }
    expect(planWalk(state(), stored, now, false, settings).start).toBe(iso(now - 12 * DAY))
  })

  it('re-reads the last 30 days a week after the last time, the first time, and when the whole history is asked for', () => {
    const stored = { newest: now - DAY, oldest: now - 400 * DAY, oldestPending: null }
    for (const [current, whole] of [
      [state({ lastReconcileMs: now - 7 * DAY }), false],
      [state({ lastReconcileMs: null }), false],
      [state(), true]
    ] as const) {
      expect(planWalk(current, stored, now, whole, settings)).toMatchObject({ kind: 'reconcile', start: iso(now - 30 * DAY) })
    }
    expect(planWalk(state({ lastReconcileMs: now - 7 * DAY + 1 }), stored, now, false, settings).kind).toBe('incremental')
  })
})

describe('the older history a sync re-reads', () => {
  // The top of the rolling re-read: a week into the 30-day window.
  const top = now - 30 * DAY + RECHECK_PERIOD_MS
  const oldest = top - 700 * DAY

  it('is none when nothing is older than the recent window', () => {
    expect(recheckStretches(state(), null, now, false, settings)).toEqual({ stretches: [], cursor: top })
    expect(recheckStretches(state(), top + DAY, now, false, settings)).toEqual({ stretches: [], cursor: top })
  })

  it('is a seventh of the history a day after the last, from the top the first time', () => {
    const { stretches, cursor } = recheckStretches(state({ lastRecheckMs: now - DAY }), oldest, now, false, settings)
    expect(stretches).toEqual([{ start: top - 100 * DAY, end: top }])
    expect(cursor).toBe(top - 100 * DAY)
  })

  it('carries on from where the last sync stopped, and starts again from the top past the oldest record', () => {
    const { stretches, cursor } = recheckStretches(state({ lastRecheckMs: now - 2 * DAY, recheckCursorMs: oldest + 50 * DAY }), oldest, now, false, settings)
    // Two days: 200 days of history, 50 of them left at the bottom, then 150 from the top.
    expect(stretches).toEqual([
      { start: oldest, end: oldest + 50 * DAY },
      { start: top - 150 * DAY, end: top }
    ])
    expect(cursor).toBe(top - 150 * DAY)
  })

  it('is the whole history after a week or more, or when asked for, and nothing when no time has passed', () => {
    for (const [current, whole] of [
      [state({ lastRecheckMs: now - 9 * DAY, recheckCursorMs: top - 300 * DAY }), false],
      [state({ lastRecheckMs: now, recheckCursorMs: top - 300 * DAY }), true]
    ] as const) {
      const { stretches } = recheckStretches(current, oldest, now, whole, settings)
      expect(stretches.reduce((days, stretch) => days + stretch.end - stretch.start, 0)).toBe(700 * DAY)
    }
    expect(recheckStretches(state({ lastRecheckMs: now, recheckCursorMs: top - 300 * DAY }), oldest, now, false, settings)).toEqual({ stretches: [], cursor: top - 300 * DAY })
  })
})

describe('the estimate of a first download', () => {
  it('is made while some collection has not read its whole history, and never for a window asked for', () => {
    expect(downloadsWholeHistory({}, [state(), state({ historyComplete: false })])).toBe(true)
    expect(downloadsWholeHistory({}, [state(), state()])).toBe(false)
    expect(downloadsWholeHistory({ start: iso(now - DAY) }, [state({ historyComplete: false })])).toBe(false)
  })
})
