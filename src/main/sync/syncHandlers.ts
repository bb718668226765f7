import type { Database } from 'better-sqlite3'
import type { ApiHandlers, EmitApiEvent } from '../../shared/api'
import { failureCauses, type SyncRunResult, type SyncTrigger } from '../../shared/sync'
import type { WhoopConnection } from '../auth/whoopConnection'
import type { Clock } from '../clock'
import type { Logger } from '../log/logger'
import type { ActivityLog } from '../store/activityLog'
import { createSyncEngine } from './syncEngine'
import { createSyncSchedule } from './syncSchedule'
import { grouped } from '../../shared/numberText'

export interface SyncDeps {
  db: Database
  clock: Clock
  connection: WhoopConnection
  activity: ActivityLog
  log: Logger
  emit: EmitApiEvent
  /** The background sync's interval in minutes, 0 for none (the setting). */
  intervalMinutes: () => number
  /** Told of every sync that ends (after the activity log and the page), for what follows a sync. */
  onFinished?: (result: SyncRunResult) => void
}

/**
 * Syncing with WHOOP: the engine over the connected account, its progress told to the page, and
 * each run written to the activity log in words (a run WHOOP refused for good asks the person to
 * connect again).
 */
export function createSyncFeature(deps: SyncDeps) {
  const { activity, log } = deps
  const engine = createSyncEngine({
    db: deps.db,
    clock: deps.clock,
    client: () => deps.connection.client(),
    onProgress: (progress) => {
      if (progress.type === 'finished') {
        const { result } = progress
        if (result.resources.some((r) => r.error?.kind === 'reconnect-needed')) deps.connection.markReconnectNeeded()
        activity.record('sync', result.status === 'succeeded', describeSyncRun(result))
        log.info(`Sync ${result.runId} (${result.trigger}): ${result.status}`)
        schedule.ended(result)
      }
      deps.emit('onSyncProgress', progress)
      if (progress.type === 'finished') deps.onFinished?.(progress.result)
    },
    logError: (message, error) => log.error(message, error)
  })
  if (engine.interruptedRuns) {
    activity.record('sync', false, 'The last sync was interrupted (the app was closed or crashed); the next sync continues where it stopped.')
  }

  const schedule = createSyncSchedule({
    clock: deps.clock,
    intervalMinutes: deps.intervalMinutes,
    connected: () => deps.connection.client() !== undefined,
    sync: (trigger) => engine.sync({}, trigger),
    lastRun: engine.status().lastRun,
    dailyRequests: () => deps.connection.dailyRequests(),
    log: (message) => log.info(message),
    onChange: () => deps.emit('onSyncSchedule', schedule.status())
  })

  /** A sync nobody waits for (on launch, after connecting, from the tray): its failure is logged. */
  const start = (trigger: SyncTrigger) => void engine.sync({}, trigger).catch((error) => log.error(`Sync on ${trigger} failed`, error))

  const handlers: Pick<ApiHandlers, 'syncNow' | 'cancelSync' | 'getSyncStatus'> = {
    syncNow: (request) => engine.sync(request, 'manual'),
    cancelSync: () => engine.cancel(),
    getSyncStatus: () => ({ ...engine.status(), schedule: schedule.status() })
  }
  return { engine, schedule, start, handlers }
}

export type SyncFeature = ReturnType<typeof createSyncFeature>

/** Who started a run, as the activity log names it. */
const runNames: Record<SyncTrigger, string> = {
  manual: 'Sync',
  launch: 'Sync on opening',
  connect: 'First sync after connecting',
  schedule: 'Scheduled sync',
  resume: 'Sync after the computer woke',
  online: 'Sync when the network came back'
}
const statusWords: Record<SyncRunResult['status'], string> = { succeeded: 'succeeded', partial: 'partly failed', failed: 'failed', cancelled: 'cancelled' }

/** A run for the activity log: what it stored, and each cause of failure once, in words. */
export function describeSyncRun(result: SyncRunResult): string {
  const sum = (key: 'added' | 'updated' | 'removed') => result.resources.reduce((total, outcome) => total + outcome[key], 0)
  const causes = failureCauses(result).map(({ message, resources }) => (resources.length ? `${resources.join(', ')}: ${message}` : message))
  const counts = `${grouped(sum('added'))} added, ${grouped(sum('updated'))} updated, ${grouped(sum('removed'))} removed`
  return `${runNames[result.trigger]} ${statusWords[result.status]}: ${counts}.${causes.length ? ` ${causes.join(' ')}` : ''}`
}
