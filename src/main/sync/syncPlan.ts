import type { SyncOptions } from '../../shared/syncOptions'
import type { ResourceSyncState, Walk } from '../store/syncStateStore'

/**
 * What a sync reads, decided from what is stored and when: plain functions of their inputs, so each
 * rule can be tested on its own. The engine (syncEngine.ts) keeps the state and does the reading.
 */

const DAY_MS = 86_400_000
/** Every record older than the recent window is re-read at least this often (given a sync a day). */
export const RECHECK_PERIOD_MS = 7 * DAY_MS

export interface PlanSettings {
  /** How far before the newest stored record an incremental sync starts, to catch edits. */
  overlapMs: number
  /** How often a sync also re-reads a longer recent window to find deletions. */
  reconcileEveryMs: number
  reconcileWindowMs: number
}

export const defaultPlanSettings: PlanSettings = { overlapMs: 4 * DAY_MS, reconcileEveryMs: 7 * DAY_MS, reconcileWindowMs: 30 * DAY_MS }

/** Where a collection's stored records lie (epoch ms of their anchors), from what sync stored. */
export interface StoredSpan {
  newest: number | null
  oldest: number | null
  /** The oldest record WHOOP is still scoring: read again until it is scored. */
  oldestPending: number | null
}

const iso = (ms: number) => new Date(ms).toISOString()

/**
 * The walk one collection makes now: its whole history until that was read once; then from the newest
 * stored record minus an overlap (and from the oldest record still being scored), and, when a
 * reconcile is due or the whole history was asked for, at least the reconcile window, so that what
 * WHOOP deleted there is found.
 */
export function planWalk(current: ResourceSyncState, stored: StoredSpan, now: number, wholeHistory: boolean, settings: PlanSettings): Walk {
  if (!current.historyComplete) return { id: now, kind: 'full', end: iso(now), pages: 0 }
  let from = Math.min((stored.newest ?? now) - settings.overlapMs, stored.oldestPending ?? Infinity)
  const reconcileDue = wholeHistory || current.lastReconcileMs === null || now - current.lastReconcileMs >= settings.reconcileEveryMs
  if (reconcileDue) from = Math.min(from, now - settings.reconcileWindowMs)
  return { id: now, kind: reconcileDue ? 'reconcile' : 'incremental', start: iso(from), end: iso(now), pages: 0 }
}

/**
 * The older stretches of history this sync re-reads, below the recent window: from where the last
 * sync stopped, back in time, as much of the history as the time since then is of a week (all of
 * it after a week or more, or when `wholeHistory`), starting again from the top once the oldest
 * record is passed. So every record is re-read at least once a week by a daily sync, for a day's
 * seventh of the history's pages. The top reaches a week into the recent window, so that what has
 * aged out of it since the pass began is not missed. Returns the stretches, newest first, and where
 * the next sync carries on.
 */
export function recheckStretches(current: ResourceSyncState, oldest: number | null, now: number, wholeHistory: boolean, settings: PlanSettings) {
  const top = now - settings.reconcileWindowMs + RECHECK_PERIOD_MS
  const stretches: { start: number; end: number }[] = []
  if (oldest === null || oldest >= top) return { stretches, cursor: top }
  const span = top - oldest
  const elapsed = wholeHistory ? RECHECK_PERIOD_MS : current.lastRecheckMs === null ? 0 : now - current.lastRecheckMs
  // Whole milliseconds: fractions would leave a remainder too small to move the cursor.
  let budget = Math.floor(Math.min(span, (span * elapsed) / RECHECK_PERIOD_MS))
  let cursor = wholeHistory || current.recheckCursorMs === null || current.recheckCursorMs <= oldest ? top : Math.min(current.recheckCursorMs, top)
  while (budget > 0) {
    const start = Math.max(oldest, cursor - budget)
    stretches.push({ start, end: cursor })
    budget -= cursor - start
    cursor = start <= oldest ? top : start
  }
  return { stretches, cursor }
}

/**
 * Whether a run downloads some collection's whole history for the first time, and so is worth an
 * estimate of how long it takes: not for a one-off window, nor once every history is complete.
 */
export function downloadsWholeHistory(request: SyncOptions, states: readonly ResourceSyncState[]): boolean {
  const oneOff = request.start !== undefined || request.end !== undefined
  return !oneOff && states.some((state) => !state.historyComplete)
}
