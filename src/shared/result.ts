/**
 * What every API call returns: a value, or an error the UI can explain.
 * Errors cross process boundaries as plain data, never as thrown exceptions.
 */
export type ApiErrorCode =
  /** The caller sent arguments that do not match the contract. */
  | 'invalid-argument'
  /** The call came from a frame or page that is not the app's own. */
  | 'forbidden'
  /** The action needs a connected WHOOP account. */
  | 'not-connected'
  /** The operating system refused what was asked of it (opening the browser, a folder). */
  | 'system'
  /** Something else is under way that this has to wait for (a restore while a sync writes). */
  | 'busy'
  /** The other side of the API (the host process) did not answer. */
  | 'unavailable'
  /** Something failed that the person cannot fix; details are in the log. */
  | 'internal'

export interface ApiError {
  code: ApiErrorCode
  /** A sentence a person can read: what happened and what to do. */
  message: string
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export function fail(code: ApiErrorCode, message: string): { ok: false; error: ApiError } {
  return { ok: false, error: { code, message } }
}
