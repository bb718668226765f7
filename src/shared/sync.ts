/** What one sync covers: the member's profile and body, then the four WHOOP collections. */
export const syncResources = ['profile', 'bodyMeasurement', 'cycle', 'sleep', 'recovery', 'workout'] as const
export type SyncResource = (typeof syncResources)[number]
export const collectionResources = ['cycle', 'sleep', 'recovery', 'workout'] as const

/** How each resource is named for the person. */
export const syncResourceNames: Record<SyncResource, string> = {
  profile: 'profile',
  bodyMeasurement: 'body measurements',
  cycle: 'strain (cycles)',
  sleep: 'sleep',
  recovery: 'recovery',
  workout: 'workouts'
}


/** Why a resource did not sync, in words for the person; `kind` lets the UI pick an action. */
export interface SyncFailure {
  kind: 'offline' | 'rate-limited' | 'reconnect-needed' | 'whoop-error' | 'unexpected-response' | 'cancelled' | 'internal'
  message: string
}

export interface ResourceOutcome {
  resource: SyncResource
  status: 'ok' | 'failed' | 'cancelled'
  added: number
  updated: number
  removed: number
  pages: number
  error?: SyncFailure
}

/**
 * A run's failures, one per cause: the message, and the resources it names, or none when the whole
 * run failed for that one reason (a list of everything would say nothing).
 */
export function failureCauses(result: SyncRunResult): { message: string; resources: string[] }[] {
  const failures = result.resources.filter((outcome) => outcome.status === 'failed')
  return [...Map.groupBy(failures, (outcome) => outcome.error?.message ?? 'Unknown error.')].map(([message, outcomes]) => ({
    message,
    resources: outcomes.length === result.resources.length ? [] : outcomes.map((outcome) => syncResourceNames[outcome.resource])
  }))
}

export interface SyncRunResult {
  runId: number
  trigger: SyncTrigger
  /** `partial`: some resources synced, some failed. */
  status: 'succeeded' | 'partial' | 'failed' | 'cancelled'
  startedAt: string
  finishedAt: string
  resources: ResourceOutcome[]
}

/** Who started a sync: the person, the app opening or connecting, or the background schedule (its timer, the computer waking, the network coming back). */
export type SyncTrigger = 'manual' | 'launch' | 'connect' | 'schedule' | 'resume' | 'online'

/**
 * WHOOP allows an app 10,000 requests a day. Background syncs leave this many for what the person
 * asks for (Sync now, re-reading the history), waiting for the day's window to free them instead.
 */
export const REQUESTS_LEFT_TO_THE_PERSON = 1_000

/** When the app syncs next on its own. */
export interface SyncSchedule {
  /** When the next background sync is due (ISO); `null` when none is (turned off, not connected, or one is running). */
  nextAt: string | null
  /** Failures in a row: each doubles the wait before the next try, up to 6 hours. */
  failures: number
}

/** Pushed to the renderer while a sync runs, for a progress bar. */
/**
 * About how much of the first download of a history is left: from when the history begins (found
 * at WHOOP before the download), how far back each collection has read, and the rate limits.
 */
export interface BackfillEstimate {
  /** When the member's history begins (ISO). */
  historyStart: string
  pagesLeft: number
  secondsLeft: number
}

export type SyncProgress =
  | { type: 'started'; runId: number; resources: SyncResource[] }
  /** `reachedBack`: the start of the oldest record read so far (ISO), for "back to 3 Jun 2024". */
  | { type: 'resource'; resource: SyncResource; pages: number; records: number; reachedBack?: string; estimate?: BackfillEstimate }
  | { type: 'resource-done'; outcome: ResourceOutcome }
  /** A wait for WHOOP's rate limit, until an instant (epoch ms); `until: null` when it is over. */
  | { type: 'waiting'; until: number | null }
  | { type: 'finished'; result: SyncRunResult }

/** Where a running sync has got to, as the top bar shows it. */
export interface LiveProgress {
  resource?: SyncResource
  pages: number
  records: number
  /** How far back in time the sync has read (ISO). */
  reachedBack?: string
  /** While the sync waits for WHOOP's rate limit: until when (epoch ms, as the app's clock tells it). */
  waitingUntil?: number
  /** While a history downloads for the first time: about how much is left. */
  estimate?: BackfillEstimate
}

/**
 * The progress after one more event: the one place that follows a sync's events, for the core's
 * status (so a page that loads late catches up) and for the page's live view alike.
 */
export function followProgress(current: LiveProgress | undefined, event: SyncProgress): LiveProgress | undefined {
  switch (event.type) {
    case 'started':
      return { pages: 0, records: 0 }
    case 'resource':
      return {
        resource: event.resource,
        pages: event.pages,
        records: event.records,
        reachedBack: event.reachedBack && (!current?.reachedBack || event.reachedBack < current.reachedBack) ? event.reachedBack : current?.reachedBack,
        estimate: event.estimate ?? current?.estimate
      }
    case 'waiting':
      return { pages: 0, records: 0, ...current, waitingUntil: event.until ?? undefined }
    case 'finished':
      return undefined
    default:
      return current
  }
}

interface ResourceStatus {
  resource: SyncResource
  /** When this resource last synced completely (ISO), if ever. */
  lastSuccessAt: string | null
  /** Whether the whole history has been fetched once. */
  historyComplete: boolean
  records: number
}

export interface SyncStatus {
  /** When the app read this status (ISO), by its own clock. */
  asOf: string
  running: boolean
  connected: boolean
  resources: ResourceStatus[]
  lastRun: SyncRunResult | null
  /** While a sync runs: where it has got to, a wait for WHOOP's rate limit included. */
  progress: LiveProgress | null
  schedule: SyncSchedule
}
