import type { SyncFailure } from '../../shared/sync'
import { WhoopError } from '../whoop/whoopErrors'

/** Thrown into a running sync when the person cancels it. */
export class SyncCancelledError extends Error {
  constructor() {
    super('The sync was cancelled. What was already downloaded is kept; the next sync continues from there.')
    this.name = 'SyncCancelledError'
  }
}

/** What went wrong, for the person. Unknown errors are reported without their (possibly private) text. */
export function describeSyncFailure(error: unknown): SyncFailure {
  if (error instanceof SyncCancelledError) return { kind: 'cancelled', message: error.message }
  if (error instanceof WhoopError) return { kind: error.kind as SyncFailure['kind'], message: error.message }
  return { kind: 'internal', message: 'Something went wrong while saving WHOOP data. The log has the details.' }
}

/** Failures that would only repeat for every other resource: the run stops at the first. */
export function endsTheRun(failure: SyncFailure): boolean {
  return ['offline', 'rate-limited', 'reconnect-needed', 'cancelled'].includes(failure.kind)
}
