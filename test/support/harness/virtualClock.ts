import type { Clock } from '../../../src/main/clock'

/**
 * The waits inside one operation (rate limits, backoff, a token's expiry) are shorter than this;
 * the background's schedules (a sync every hour or more, a backup a day) sleep longer.
 */
const SCHEDULE_WAIT_MS = 30 * 60_000

/**
 * A simulated clock: `sleep` moves time forward at once instead of waiting, so tests of rate
 * limits and backoff run in milliseconds and can state exactly how long the app waited. A sleep
 * as long as a background schedule's never ends (until aborted): time jumping by hours for it
 * would run the schedule in a loop. Tests of the schedules use `manualClock`.
 */
export function createVirtualClock(start = Date.parse('2026-11-20T15:00:00.000Z')) {
  let now = start
  const sleeps: number[] = []
  const clock: Clock & { advance(ms: number): void; sleeps: number[]; elapsed(): number } = {
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted()
      if (ms >= SCHEDULE_WAIT_MS) {
        return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))
      }
      sleeps.push(ms)
      now += ms
      await Promise.resolve()
    },
    advance(ms) {
      now += ms
    },
    sleeps,
    elapsed: () => now - start
  }
  return clock
}

export type VirtualClock = ReturnType<typeof createVirtualClock>
