import path from 'node:path'
import type { Database } from 'better-sqlite3'
import type { ApiHandlers } from '../../shared/api'
import type { BackupsStatus } from '../../shared/backups'
import { AppError } from '../api/apiErrors'
import type { Clock } from '../clock'
import type { FileExchange } from '../exchange/fileExchange'
import type { Logger } from '../log/logger'
import type { SettingsStore } from '../settings/settingsStore'
import type { ActivityLog } from '../store/activityLog'
import { createBackups } from './backups'

const DAY_MS = 86_400_000
/** The first backup of a new install waits this long, out of the way of the launch sync. */
const FIRST_BACKUP_DELAY_MS = 60 * 60_000

export interface BackupDeps {
  db: Database
  databaseFile: string
  dataDir: string
  settings: SettingsStore
  clock: Clock
  activity: ActivityLog
  log: Logger
  files: Pick<FileExchange, 'chooseFolder'>
  /** Whether a sync is writing: a restore waits for it to end. */
  syncRunning: () => boolean
  /** After a restore: what depends on the database's content follows (the connection, the schedule). */
  restored: () => void
  /** Told after each backup made or failed, whoever asked for it. */
  onBackup?: () => void
}

/**
 * Automatic daily backups and restoring one: a backup a day after the last one (or after the last
 * failure: a failed backup is retried the next day), to the folder in the settings.
 */
export function createBackupFeature(deps: BackupDeps) {
  const { clock, activity, log, settings } = deps
  const folder = () => settings.get().backupFolder ?? path.join(deps.dataDir, 'backups')
  const backups = createBackups({ db: deps.db, databaseFile: deps.databaseFile, folder, keep: () => settings.get().backupsKept, clock })
  let lastFailure: BackupsStatus['lastFailure'] = null
  let nextAt: number | null = null
  let wait: AbortController | undefined
  let stopped = false

  const sizeWords = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`

  async function backUp(how: 'daily' | 'asked'): Promise<void> {
    try {
      const made = await backups.make()
      lastFailure = null
      activity.record('backup', true, `${how === 'daily' ? 'Daily backup' : 'Backup'} made: ${made.name} (${sizeWords(made.bytes)}) in ${folder()}.`)
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error)
      lastFailure = { at: new Date(clock.now()).toISOString(), message }
      log.error(`The ${how === 'daily' ? 'daily ' : ''}backup to ${folder()} failed`, error)
      activity.record('backup', false, `The backup to ${folder()} failed: ${message}.${how === 'daily' ? ' It is tried again tomorrow.' : ''}`)
      throw error
    } finally {
      deps.onBackup?.()
    }
  }

  /** Sleeps until the next daily backup is due, makes it, and plans the one after. */
  function plan(): void {
    wait?.abort()
    nextAt = null
    if (stopped || !settings.get().dailyBackups) return
    const newest = backups.list().find((entry) => entry.kind === 'daily')
    const last = Math.max(newest ? Date.parse(newest.madeAt) : -Infinity, lastFailure ? Date.parse(lastFailure.at) : -Infinity)
    nextAt = Number.isFinite(last) ? Math.max(clock.now(), last + DAY_MS) : clock.now() + FIRST_BACKUP_DELAY_MS
    const controller = (wait = new AbortController())
    clock.sleep(nextAt - clock.now(), controller.signal).then(
      () => backUp('daily').catch(() => undefined).finally(plan),
      () => undefined // Re-planned or stopped.
    )
  }

  const status = (): BackupsStatus => ({
    folder: folder(),
    backups: backups.list(),
    nextAt: nextAt === null ? null : new Date(nextAt).toISOString(),
    lastFailure
  })

  const handlers: Pick<ApiHandlers, 'getBackups' | 'backUpNow' | 'restoreBackup' | 'chooseBackupFolder'> = {
    getBackups: status,
    async backUpNow() {
      await backUp('asked')
      plan()
      return status()
    },
    async restoreBackup({ name }) {
      if (deps.syncRunning()) throw new AppError('busy', 'A sync is writing to the database: wait for it to end (or cancel it), then restore.')
      const result = await backups.restore(name)
      activity.record('backup', true, `Restored ${result.restored}; the database it replaced was kept as ${result.keptAside}, to undo the restore.`)
      log.info(`Restored the backup ${result.restored} (the replaced database kept as ${result.keptAside})`)
      deps.restored()
      return result
    },
    async chooseBackupFolder() {
      if (!deps.files.chooseFolder) throw new AppError('system', 'Choosing a folder needs the desktop app.')
      const chosen = await deps.files.chooseFolder(folder())
      if (chosen === undefined) return status()
      settings.update({ backupFolder: chosen })
      plan()
      return status()
    }
  }

  return {
    handlers,
    /** Deletes every backup (all data is being deleted): how many there were. */
    deleteAll: () => backups.deleteAll(),
    /** Starts the daily schedule; call again when its settings change. */
    plan,
    stop(): void {
      stopped = true
      wait?.abort()
    }
  }
}
