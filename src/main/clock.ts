/**
 * Time, passed in rather than read from globals, so waits (rate limits, backoff, token expiry) can
 * be tested on a simulated clock without sleeping.
 */
export interface Clock {
  now(): number
  /** Resolves after `ms`, or rejects with the signal's reason when it is aborted first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) =>
    new Promise((resolve, reject) => {
      signal?.throwIfAborted()
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort)
        resolve()
      }, ms)
      const onAbort = () => {
        clearTimeout(timer)
        reject(signal!.reason)
      }
      signal?.addEventListener('abort', onAbort, { once: true })
    })
}

/**
 * The system clock moved to another instant: it reads `instant` at the moment `since` (epoch ms) and
 * runs on from there, and its sleeps are real. Only the browser host and the tests use it, to run
 * the app on a chosen date.
 */
export function clockFrom(instant: number, since = Date.now()): Clock {
  const shift = instant - since
  return { now: () => Date.now() + shift, sleep: systemClock.sleep }
}
