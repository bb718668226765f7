import type { Database } from 'better-sqlite3'
import type { ImportRequest } from '../../shared/exchange'
import { importWhoopExport, type WhoopExportImport } from './importWhoopExport'
import { restoreJsonExport } from './jsonRestore'
import { openDatabase } from '../database/openDatabase'
import { ImportRejectedError } from './importErrors'
import { readWhoopExport } from './readWhoopExport'

/** One import, as the worker thread is handed it. */
export interface ImportJob {
  databaseFile: string
  file: string
  /** The file as the person named it, for messages. */
  fileName: string
  kind: ImportRequest['kind']
  now: number
}

/** What an import did, and what it found stale (WHOOP exports only; a backup only adds and updates). */
export type ImportOutcome = WhoopExportImport

/** Runs an import: the app hands it to a worker thread (importInWorker). */
export type ImportRunner = (job: ImportJob) => Promise<ImportOutcome>

/** Reads, checks and merges the file into the database: a JSON backup or WHOOP's own export. */
export async function importFile(db: Database, job: ImportJob): Promise<ImportOutcome> {
  try {
    return job.kind === 'json-backup'
      ? { counts: await restoreJsonExport(db, job.file), stale: [] }
      : importWhoopExport(db, readWhoopExport(job.file, { name: job.fileName }), job.now)
  } catch (error) {
    // Every refusal names the file the person chose (an upload's own path means nothing to them).
    if (error instanceof ImportRejectedError && !error.file) throw new ImportRejectedError(error.problem, job.fileName)
    throw error
  }
}

/** An import on a connection of its own, opened and closed around it: what the worker thread runs. */
export const importWithOwnConnection: ImportRunner = async (job) => {
  const db = openDatabase(job.databaseFile)
  try {
    return await importFile(db, job)
  } finally {
    db.close()
  }
}
