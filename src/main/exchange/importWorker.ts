import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase } from '../database/openDatabase'
import { importFile, type ImportJob } from './importFile'

/**
 * The worker thread an import runs in (see importInWorker): it opens its own connection to the
 * database, reads, checks and merges the file, and posts back what it did or the refusal.
 */
async function runJob(job: ImportJob) {
  const db = openDatabase(job.databaseFile)
  try {
    parentPort!.postMessage({ ok: true, outcome: await importFile(db, job) })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    parentPort!.postMessage({ ok: false, code: typeof code === 'string' ? code : 'internal', message: error instanceof Error ? error.message : String(error) })
  } finally {
    db.close()
  }
}

void runJob(workerData as ImportJob)
