import { Worker } from 'node:worker_threads'
import type { ApiErrorCode } from '../../shared/result'
import { AppError } from '../api/apiErrors'
import type { ImportOutcome, ImportRunner } from './importFile'
import { ImportRejectedError } from './importErrors'

type WorkerReply = { ok: true; outcome: ImportOutcome } | { ok: false; code: ApiErrorCode; message: string }

/** A worker's heap may grow this far; a file that needs more is refused, and the app lives on. */
const WORKER_HEAP_MB = 1024

/**
 * Runs each import in a worker thread (`workerFile`, built from importWorker.ts), so reading and
 * checking a file, however large or hostile, never holds up the process that answers the page.
 */
export function importInWorker(workerFile: string): ImportRunner {
  return (job) =>
    new Promise<ImportOutcome>((resolve, reject) => {
      const worker = new Worker(workerFile, { workerData: job, resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } })
      let replied = false
      worker.once('message', (reply: WorkerReply) => {
        replied = true
        if (reply.ok) resolve(reply.outcome)
        // An internal failure's message may name paths: it goes to the log, not to the page.
        else reject(reply.code === 'internal' ? new Error(reply.message) : new AppError(reply.code, reply.message))
      })
      worker.once('error', (error) => {
        replied = true
        const outOfMemory = (error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY'
        reject(outOfMemory ? new ImportRejectedError(`reading the file needed more than ${WORKER_HEAP_MB} MB of memory; no export does.`) : error)
      })
      worker.once('exit', (code) => {
        if (!replied) reject(new Error(`The import worker stopped (exit code ${code}) without a result.`))
      })
    })
}
