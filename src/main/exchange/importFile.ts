import type { Database } from 'better-sqlite3'
import type { ImportCounts, ImportRequest } from '../../shared/exchange'
import { importWhoopExport } from './importWhoopExport'
import { restoreJsonExport } from './jsonRestore'
import { readWhoopExport } from './readWhoopExport'

/** One import, as the worker thread is handed it. */
export interface ImportJob {
  databaseFile: string
  file: string
  kind: ImportRequest['kind']
  now: number
}

/** Reads, checks and merges the file into the database: a JSON backup or WHOOP's own export. */
export async function importFile(db: Database, job: ImportJob): Promise<ImportCounts> {
  return job.kind === 'json-backup' ? restoreJsonExport(db, job.file) : importWhoopExport(db, readWhoopExport(job.file), job.now)
}
