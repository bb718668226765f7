import type { Clock } from '../../../src/main/clock'

/**
 * A simulated clock: `sleep` moves time forward at once instead of waiting, so tests of rate
 * limits and backoff run in milliseconds and can state exactly how long the app waited.
 */
export function createVirtualClock(start = Date.parse('2026-11-20T15:00:00.000Z')) {
  let now = start
  const sleeps: number[] = []
  const clock: Clock & { advance(ms: number): void; sleeps: number[]; elapsed(): number } = {
    now: () => now,
    async sleep(ms, signal) {
      signal?.throwIfAborted()
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
