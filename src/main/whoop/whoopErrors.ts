/**
 * Everything that can go wrong talking to WHOOP, as errors a UI can explain. Messages never carry
 * tokens, secrets or response bodies.
 */
export abstract class WhoopError extends Error {
  abstract readonly kind: string
}

/** WHOOP could not be reached (no network, DNS, connection reset, timeouts), after retrying. */
export class WhoopOfflineError extends WhoopError {
  readonly kind = 'offline'
  constructor(readonly endpoint: string, cause?: unknown) {
    super(`WHOOP could not be reached (${endpoint}). Check the internet connection and try again.`, { cause })
  }
}

/** WHOOP's request budget is spent until `until` (ms since epoch), longer than the app will wait. */
export class WhoopRateLimitedError extends WhoopError {
  readonly kind = 'rate-limited'
  constructor(readonly until: number) {
    super(`WHOOP's request limit is reached until ${new Date(until).toISOString()}. The sync will continue after that.`)
  }
}

/** The tokens are gone, expired beyond refresh, revoked or unreadable: the person has to connect again. */
export class ReconnectNeededError extends WhoopError {
  readonly kind = 'reconnect-needed'
  constructor(reason: string) {
    super(`WHOOP needs you to connect your account again (${reason}).`)
  }
}

/** WHOOP answered with an error status the client does not recover from. */
export class WhoopHttpError extends WhoopError {
  readonly kind = 'whoop-error'
  constructor(
    readonly status: number,
    readonly endpoint: string
  ) {
    super(
      status === 404
        ? `WHOOP has no such resource (${endpoint}, 404).`
        : status === 403
          ? `WHOOP refused ${endpoint} (403): the sign-in lacks the access it needs, or the WHOOP membership is inactive.`
          : `WHOOP answered ${endpoint} with error ${status}.`
    )
  }
}

/** WHOOP's answer did not have the documented shape; `path` names the first field that was wrong. */
export class UnexpectedResponseError extends WhoopError {
  readonly kind = 'unexpected-response'
  constructor(
    readonly endpoint: string,
    readonly path: string,
    detail: string
  ) {
    super(`WHOOP sent an unexpected response for ${endpoint} at ${path}: ${detail}`)
  }
}
