import type { ApiError, ApiErrorCode } from '../../shared/result'

/** An error a handler throws on purpose, with a code and a message meant for the person. */
export class AppError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    message: string
  ) {
    super(message)
    this.name = 'AppError'
  }
}

/**
 * What the renderer is told about a failure. Anything that is not an `AppError` is a bug or an
 * environment fault whose message may carry paths or secrets, so it stays in the log.
 */
export function toApiError(error: unknown): ApiError {
  if (error instanceof AppError) return { code: error.code, message: error.message }
  return {
    code: 'internal',
    message: 'Something went wrong inside WHOOP Desktop. Your data is unchanged; the log has the details.'
  }
}
