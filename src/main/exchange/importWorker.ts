import { parentPort, workerData } from 'node:worker_threads'
import { importWithOwnConnection, type ImportJob } from './importFile'

/**
 * The worker thread an import runs in (see importInWorker): it opens its own connection to the
 * database, reads, checks and merges the file, and posts back what it did or the refusal.
 */
async function runJob(job: ImportJob) {
  try {
    parentPort!.postMessage({ ok: true, outcome: await importWithOwnConnection(job) })
  } catch (error) {
    const code = (error as { code?: unknown }).code
    parentPort!.postMessage({ ok: false, code: typeof code === 'string' ? code : 'internal', message: error instanceof Error ? error.message : String(error) })
  }
}

void runJob(workerData as ImportJob)
