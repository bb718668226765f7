import { z } from 'zod'

/** A copy of the database: one made each day, or the one kept aside before a restore replaced it. */
export interface BackupEntry {
  /** The file's name in the backup folder (it names the backup in requests). */
  name: string
  kind: 'daily' | 'before-restore'
  /** When it was made (ISO). */
  madeAt: string
  bytes: number
}

export interface BackupsStatus {
  /** Where the backups are. */
  folder: string
  /** Newest first. */
  backups: BackupEntry[]
  /** When the next daily backup is due (ISO); `null` when daily backups are off. */
  nextAt: string | null
  /** The last backup that failed, if the one after it has not worked yet. */
  lastFailure: { at: string; message: string } | null
}

/** What a restore did: the backup now in use, and the copy of the database it replaced. */
export interface RestoreResult {
  restored: string
  keptAside: string
}

const backupNameSchema = z
  .string()
  .regex(/^(whoop-desktop|before-restore)-\d{4}-\d{2}-\d{2}T\d{9}Z\.sqlite$/, 'not the name of a backup')
export const restoreBackupSchema = z.object({ name: backupNameSchema }).strict()
