import { REQUESTS_LEFT_TO_THE_PERSON, type SyncRunResult, type SyncSchedule } from '../../shared/sync'
import type { Clock } from '../clock'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS
/** However often syncs fail, the next is tried within this. */
const LONGEST_BACKOFF_MS = 6 * HOUR_MS
/** A wake or a network coming back this soon after a sync that worked starts none. */
const RECENT_ENOUGH_MS = 2 * MINUTE_MS

export type BackgroundTrigger = 'schedule' | 'resume' | 'online'

export interface SyncScheduleOptions {
  clock: Clock
  /** Minutes between syncs, 0 for none: the setting, read whenever the schedule is planned. */
  intervalMinutes: () => number
  /** Whether a WHOOP account is connected to sync. */
  connected: () => boolean
  /** Starts a sync, or joins the one already running. */
  sync: (trigger: BackgroundTrigger) => Promise<SyncRunResult>
  /** The last sync that ended before this start (its end places the first scheduled one). */
  lastRun: SyncRunResult | null
  /** Requests sent to WHOOP in the last 24 hours, and the daily limit. */
  dailyRequests: () => { sent: number; limit: number }
  log: (message: string) => void
  /** Told whenever the next sync moves, so the page can say when it is due. */
  onChange: () => void
}

/**
 * Syncs on its own while the app runs: every interval after the last sync ended (whoever started
 * it), once more when the computer wakes or the network comes back, one at a time, backing off
 * after failures (the interval doubled each time, up to 6 hours; a sync that works resets it), and
 * never into the requests WHOOP's daily limit leaves for the person.
 *
 * It waits on the injected clock, one sleep until the next sync is due, re-planned whenever a sync
 * ends, a setting changes or the connection does.
 */
export function createSyncSchedule(options: SyncScheduleOptions) {
  const { clock } = options
  let lastEndedAt = options.lastRun ? Date.parse(options.lastRun.finishedAt) : null
  let failures = options.lastRun && failed(options.lastRun) ? 1 : 0
  let nextAt: number | null = null
  let syncing = false
  /** While the day's requests are spent: no background sync before this. */
  let putOffUntil = 0
  let stopped = false
  let wait: AbortController | undefined

  function dueAt(): number | null {
    const interval = options.intervalMinutes() * MINUTE_MS
    if (interval <= 0 || !options.connected()) return null
    const delay = failures === 0 ? interval : Math.min(interval * 2 ** failures, Math.max(interval, LONGEST_BACKOFF_MS))
    return Math.max(clock.now(), (lastEndedAt ?? clock.now()) + delay, putOffUntil)
  }

  /** Sleeps until the next sync is due (or for good, when none is), then starts it. */
  function plan(): void {
    wait?.abort()
    if (stopped) return
    nextAt = syncing ? null : dueAt()
    options.onChange()
    if (nextAt === null) return
    const controller = (wait = new AbortController())
    clock.sleep(nextAt - clock.now(), controller.signal).then(
      () => void run('schedule'),
      () => undefined // Re-planned or stopped: the next plan has its own wait.
    )
  }

  async function run(trigger: BackgroundTrigger): Promise<void> {
    if (syncing || stopped) return
    const { sent, limit } = options.dailyRequests()
    if (sent >= limit - REQUESTS_LEFT_TO_THE_PERSON) {
      options.log(`Background sync (${trigger}) put off for an hour: ${sent} of WHOOP's ${limit} requests a day were sent in the last 24 hours.`)
      putOffUntil = clock.now() + HOUR_MS
      return plan()
    }
    syncing = true
    plan()
    try {
      await options.sync(trigger)
    } catch (error) {
      // A sync that could not start (no account any more): the schedule waits for the next change.
      options.log(`Background sync (${trigger}) could not start: ${error instanceof Error ? error.message : String(error)}`)
    } finally {
      syncing = false
      plan()
    }
  }

  return {
    /** Every sync that ends, whoever started it, moves the next one and counts its failure. */
    ended(result: SyncRunResult): void {
      if (result.status === 'cancelled') return
      lastEndedAt = Date.parse(result.finishedAt)
      failures = failed(result) ? failures + 1 : 0
      if (!syncing) plan()
    },
    /** The computer woke up or the network came back: a sync now, unless one just worked. */
    nudge(trigger: Exclude<BackgroundTrigger, 'schedule'>): void {
      if (dueAt() === null) return
      if (failures === 0 && lastEndedAt !== null && clock.now() - lastEndedAt < RECENT_ENOUGH_MS) return
      void run(trigger)
    },
    /** The interval or the connection changed. */
    replan: plan,
    /** Starts the schedule: the first sync is due an interval after the last one ended. */
    start: plan,
    stop(): void {
      stopped = true
      wait?.abort()
      nextAt = null
    },
    status(): SyncSchedule {
      return { nextAt: nextAt === null ? null : new Date(nextAt).toISOString(), failures }
    }
  }
}

function failed(result: SyncRunResult): boolean {
  return result.status === 'failed' || result.status === 'partial'
}
