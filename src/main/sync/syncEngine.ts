import type { Database, Statement } from 'better-sqlite3'
import {
  collectionResources,
  syncResources,
  type ResourceOutcome,
  type SyncFailure,
  followProgress,
  type LiveProgress,
  type SyncProgress,
  type SyncResource,
  type SyncRunResult,
  type SyncStatus,
  type SyncTrigger
} from '../../shared/sync'
import type { SyncOptions } from '../../shared/syncOptions'
import { AppError } from '../api/apiErrors'
import type { Clock } from '../clock'
import { createAccountQueries } from '../store/accounts'
import { createRecordStore } from '../store/recordStore'
import { recordTables } from '../store/recordTables'
import { createSyncStateStore, type Walk } from '../store/syncStateStore'
import type { WhoopClient } from '../whoop/whoopClient'
import type { CollectionName } from '../whoop/whoopSchemas'
import { createBackfillEstimate, findHistoryStart, type BackfillEstimator } from './backfillEstimate'
import { describeSyncFailure, endsTheRun, SyncCancelledError } from './syncFailure'
import { defaultPlanSettings, downloadsWholeHistory, planWalk, recheckStretches, type PlanSettings } from './syncPlan'

export interface SyncEngineOptions {
  db: Database
  clock: Clock
  /** The client for the connected account; undefined when no account is connected. */
  client: () => WhoopClient | undefined
  onProgress?: (progress: SyncProgress) => void
  /** Told about failures that are bugs rather than WHOOP's answers. */
  logError?: (message: string, error: unknown) => void
  /** How far back each sync reads (syncPlan.ts); the defaults unless a test shortens them. */
  plan?: Partial<PlanSettings>
}

/** What a run's walks share: its cancellation, and the turns they take to request a page. */
interface RunContext {
  signal: AbortSignal
  inTurn: <T>(work: () => Promise<T>) => Promise<T>
  /** While some collection downloads its whole history for the first time. */
  estimate?: BackfillEstimator
}

/** Runs each piece of work after the one before it has settled, in the order they were asked for. */
function oneAtATime() {
  let last: Promise<unknown> = Promise.resolve()
  return <T>(work: () => Promise<T>): Promise<T> => {
    const turn = last.then(work)
    last = turn.catch(() => undefined)
    return turn
  }
}

class NotConnectedError extends AppError {
  constructor() {
    super('not-connected', 'No WHOOP account is connected. Connect one in Settings to sync.')
  }
}

/**
 * Brings the local database up to date with WHOOP. The first sync of a resource walks its whole
 * history; later ones read from the newest stored record minus an overlap (and from the oldest
 * record still being scored), and now and then a longer window, removing what WHOOP no longer has;
 * each also re-reads the next stretch of older history in turn, so edits and deletions made at WHOOP
 * years back are found within a week.
 * Every page is stored with its checkpoint in one transaction, so an interrupted sync resumes where
 * it stopped. One resource failing does not stop the others, and nothing is reported as synced that
 * was not.
 */
export function createSyncEngine(options: SyncEngineOptions) {
  const { db, clock } = options
  const plan: PlanSettings = { ...defaultPlanSettings, ...options.plan }
  const records = createRecordStore(db)
  const state = createSyncStateStore(db)
  // Where the running sync has got to, for a status asked for after its events went by.
  let live: LiveProgress | undefined
  const emit = (progress: SyncProgress) => {
    live = followProgress(live, progress)
    options.onProgress?.(progress)
  }
  const iso = (ms: number) => new Date(ms).toISOString()
  const anchors = Object.fromEntries(
    collectionResources.map((name) => {
      const { table, anchor } = recordTables[name]
      return [
        name,
        db.prepare<[number], { newest: number | null; oldest: number | null; oldestPending: number | null }>(
          `SELECT MAX(${anchor}) AS newest, MIN(${anchor}) AS oldest,
                  MIN(CASE WHEN score_state = 'PENDING_SCORE' THEN ${anchor} END) AS oldestPending
             FROM ${table} WHERE user_id = ? AND source = 'api'`
        )
      ]
    })
  ) as Record<CollectionName, Statement<[number], { newest: number | null; oldest: number | null; oldestPending: number | null }>>
  const recordCounts = Object.fromEntries(
    syncResources.map((resource) => [
      resource,
      db.prepare<[number], { n: number }>(`SELECT COUNT(*) AS n FROM ${resourceTables[resource]} WHERE user_id = ?`)
    ])
  ) as Record<SyncResource, Statement<[number], { n: number }>>
  const accounts = createAccountQueries(db)
  // Only one process opens the database, and it has not started a sync yet: a run still marked
  // running was cut short by a crash or a kill. (Its walks resume from their checkpoints.)
  const interruptedRuns = state.markInterruptedRuns(iso(clock.now()))

  let running: Promise<SyncRunResult> | undefined
  let controller: AbortController | undefined

  /**
   * Reads `walk`'s window page by page, then removes what was stored in the window and not seen:
   * it is gone at WHOOP. A `checkpointed` walk resumes from its last page after a crash.
   */
  async function readWindow(client: WhoopClient, name: CollectionName, userId: number, walk: Walk, checkpointed: boolean, run: RunContext) {
    const totals = { added: 0, updated: 0, removed: 0, pages: 0 }
    let seen = 0
    const storePage = db.transaction((page: { records: never[]; nextToken?: string }) => {
      const counts = records.upsert(name, userId, page.records, { source: 'api', walk: walk.id })
      totals.added += counts.added
      totals.updated += counts.updated
      if (checkpointed) state.checkpoint(userId, name, page.nextToken, walk.pages + totals.pages + 1)
    })
    const pages = client.pages(name, { start: walk.start, end: walk.end, nextToken: walk.nextToken, signal: run.signal })
    for (;;) {
      const next = await run.inTurn(() => pages.next())
      if (next.done) break
      const page = next.value
      storePage(page as { records: never[]; nextToken?: string })
      totals.pages++
      seen += page.records.length
      // Pages come newest first; recoveries have no start of their own.
      const oldest = (page.records.at(-1) as { start?: string } | undefined)?.start
      run.estimate?.page(name, oldest ? Date.parse(oldest) : undefined)
      const estimate = run.estimate?.current()
      emit({ type: 'resource', resource: name, pages: totals.pages, records: seen, ...(oldest ? { reachedBack: oldest } : {}), ...(estimate ? { estimate } : {}) })
    }
    db.transaction(() => {
      const window = { from: walk.start ? Date.parse(walk.start) : undefined, to: Date.parse(walk.end) }
      totals.removed = records.sweep(name, userId, walk.id, window)
      if (checkpointed) state.finishWalk(userId, name, walk.kind, clock.now())
    })()
    return totals
  }

  async function walkCollection(
    client: WhoopClient,
    name: CollectionName,
    userId: number,
    request: SyncOptions,
    run: RunContext
  ): Promise<Omit<ResourceOutcome, 'resource' | 'status'>> {
    const now = clock.now()
    // A requested window is a one-off re-read: not checkpointed, and it leaves the normal plan alone.
    if (request.start !== undefined || request.end !== undefined) {
      const window: Walk = { id: now, kind: 'incremental', start: request.start, end: request.end ?? iso(now), pages: 0 }
      return readWindow(client, name, userId, window, false, run)
    }
    const wholeHistory = request.wholeHistory === true
    const current = state.get(userId, name)
    const stored = anchors[name].get(userId)!
    const walk = current.walk ?? planWalk(current, stored, now, wholeHistory, plan)
    if (!current.walk) state.beginWalk(userId, name, walk)
    if (walk.kind === 'full') run.estimate?.track(name)
    const totals = await readWindow(client, name, userId, walk, true, run)
    run.estimate?.done(name)
    // After the whole history was just read, the rolling re-read starts its first week from the top.
    const { stretches, cursor } = walk.kind === 'full' ? { stretches: [], cursor: null } : recheckStretches(current, stored.oldest, now, wholeHistory, plan)
    for (const stretch of stretches) {
      const window: Walk = { id: now, kind: 'incremental', start: iso(stretch.start), end: iso(stretch.end), pages: 0 }
      const read = await readWindow(client, name, userId, window, false, run)
      totals.added += read.added
      totals.updated += read.updated
      totals.removed += read.removed
      totals.pages += read.pages
    }
    state.rechecked(userId, name, cursor, now)
    return totals
  }

  /** An estimate for a run that downloads some collection's whole history for the first time. */
  function estimateFor(client: WhoopClient, userId: number, collections: CollectionName[], request: SyncOptions) {
    if (!downloadsWholeHistory(request, collections.map((name) => state.get(userId, name)))) return undefined
    return createBackfillEstimate({ now: clock.now(), clock, policies: client.rateLimiter.policies })
  }

  /**
   * Asks WHOOP where the history begins (a dozen requests at most), in turn after the pages already
   * queued. An estimate is a help, not a step: if asking fails, the walks meet the same problem and
   * say so.
   */
  function locateHistoryStart(client: WhoopClient, estimate: BackfillEstimator, run: RunContext): void {
    const now = clock.now()
    run
      .inTurn(() => findHistoryStart(client, now, run.signal))
      .then((start) => start !== null && estimate.located(start))
      .catch(() => undefined)
  }

  async function run(client: WhoopClient, request: SyncOptions, trigger: SyncTrigger, signal: AbortSignal) {
    const startedAt = iso(clock.now())
    const runId = state.startRun(trigger, startedAt)
    const collections = collectionResources.filter((name) => !request.resources || request.resources.includes(name))
    const planned: SyncResource[] = ['profile', 'bodyMeasurement', ...collections]
    emit({ type: 'started', runId, resources: planned })
    const stopWaiting = client.rateLimiter.onWait((until) => emit({ type: 'waiting', until }))
    const outcomes: ResourceOutcome[] = []
    let stopped: SyncFailure | undefined
    let userId: number | undefined

    const step = async (resource: SyncResource, work: () => Promise<Omit<ResourceOutcome, 'resource' | 'status'>>) => {
      let outcome: ResourceOutcome
      if (stopped) {
        outcome = { resource, status: stopped.kind === 'cancelled' ? 'cancelled' : 'failed', added: 0, updated: 0, removed: 0, pages: 0, error: stopped }
      } else {
        try {
          outcome = { resource, status: 'ok', ...(await work()) }
        } catch (error) {
          const failure = describeSyncFailure(signal.aborted ? signal.reason : error)
          if (failure.kind === 'internal') options.logError?.(`Sync of ${resource} failed`, error)
          if (endsTheRun(failure)) stopped = failure
          outcome = { resource, status: failure.kind === 'cancelled' ? 'cancelled' : 'failed', added: 0, updated: 0, removed: 0, pages: 0, error: failure }
        }
      }
      outcomes.push(outcome)
      emit({ type: 'resource-done', outcome })
    }

    try {
      await step('profile', async () => {
        // Connecting has just fetched and stored the member: its first sync does not ask again.
        const connected = trigger === 'connect' ? accounts.connected() : undefined
        if (connected !== undefined) {
          userId = connected
          state.setRunUser(runId, userId)
          state.finishWalk(userId, 'profile', 'single', clock.now())
          return { added: 0, updated: 0, removed: 0, pages: 0 }
        }
        const profile = await client.getProfile(signal)
        const change = records.saveProfile(profile, iso(clock.now()))
        userId = profile.user_id
        state.setRunUser(runId, userId)
        state.finishWalk(userId, 'profile', 'single', clock.now())
        return { added: Number(change === 'added'), updated: Number(change === 'updated'), removed: 0, pages: 1 }
      })
      // Without the profile, the member is the account already connected; with neither, nothing can be stored.
      if (userId === undefined) {
        userId = accounts.connected()
        if (userId === undefined) stopped ??= outcomes[0].error
        else state.setRunUser(runId, userId)
      }
      await step('bodyMeasurement', async () => {
        const body = await client.getBodyMeasurement(signal)
        const change = records.saveBodyMeasurement(userId!, body, iso(clock.now()))
        state.finishWalk(userId!, 'bodyMeasurement', 'single', clock.now())
        return { added: Number(change === 'added'), updated: Number(change === 'updated'), removed: 0, pages: 1 }
      })
      // The collections together, a page each in turn: the newest page of every collection is stored
      // before any older one (the dashboard can show the last days at once), then the walks back
      // through history interleave. One request at a time, as before: WHOOP's limit is per app.
      const context: RunContext = { signal, inTurn: oneAtATime() }
      if (!stopped) context.estimate = estimateFor(client, userId!, collections, request)
      const walks = Promise.all(collections.map((name) => step(name, () => walkCollection(client, name, userId!, request, context))))
      // Each walk has queued its newest page by now (they ask in turn before their first await), so
      // the first dashboard does not wait for the search.
      if (context.estimate) locateHistoryStart(client, context.estimate, context)
      await walks
      outcomes.sort((a, b) => planned.indexOf(a.resource) - planned.indexOf(b.resource))
    } finally {
      stopWaiting()
    }

    const statuses = outcomes.map((outcome) => outcome.status)
    const result: SyncRunResult = {
      runId,
      trigger,
      status: statuses.includes('cancelled')
        ? 'cancelled'
        : statuses.every((status) => status === 'ok')
          ? 'succeeded'
          : statuses.every((status) => status === 'failed')
            ? 'failed'
            : 'partial',
      startedAt,
      finishedAt: iso(clock.now()),
      resources: outcomes
    }
    state.endRun(result)
    return result
  }

  return {
    /** How many runs the last process left unfinished (found and marked when the engine started). */
    interruptedRuns,

    /** Starts a sync, or joins the one already running. */
    sync(request: SyncOptions = {}, trigger: SyncTrigger = 'manual'): Promise<SyncRunResult> {
      if (running) return running
      const client = options.client()
      if (!client) return Promise.reject(new NotConnectedError())
      controller = new AbortController()
      const finish = () => {
        running = undefined
        controller = undefined
      }
      // Finished before telling anyone, so a sync asked for on hearing it starts afresh.
      running = run(client, request, trigger, controller.signal).then(
        (result) => {
          finish()
          emit({ type: 'finished', result })
          return result
        },
        (error) => {
          finish()
          throw error
        }
      )
      return running
    },

    /** Stops the running sync after the page in progress; returns whether one was running. */
    cancel(): boolean {
      controller?.abort(new SyncCancelledError())
      return controller !== undefined
    },

    status(): Omit<SyncStatus, 'schedule'> {
      const userId = accounts.connected()
      const resources = syncResources.map((resource) => {
        const current = userId === undefined ? undefined : state.get(userId, resource)
        return {
          resource,
          lastSuccessAt: current?.lastSuccessMs ? iso(current.lastSuccessMs) : null,
          historyComplete: current?.historyComplete ?? false,
          records: userId === undefined ? 0 : recordCounts[resource].get(userId)!.n
        }
      })
      return {
        asOf: iso(clock.now()),
        running: running !== undefined,
        connected: options.client() !== undefined,
        resources,
        lastRun: state.lastRun(),
        progress: running === undefined ? null : (live ?? null)
      }
    }
  }
}

const resourceTables: Record<SyncResource, string> = {
  profile: 'profile',
  bodyMeasurement: 'body_measurement',
  cycle: 'cycle',
  sleep: 'sleep',
  recovery: 'recovery',
  workout: 'workout'
}
