import { setImmediate as nextTurn } from 'node:timers/promises'
import type { Clock } from '../../../src/main/clock'

interface Sleeper {
  at: number
  wake: () => void
}

/**
 * A clock the test moves: a sleep ends only when `advance` passes its end, each in turn, with the
 * work it wakes let run before time moves on. For schedules that sleep for hours.
 */
export function createManualClock(start = Date.parse('2026-11-20T06:00:00.000Z')) {
  let now = start
  let sleepers: Sleeper[] = []
  /** Lets what was woken run to its next wait (promises and immediate callbacks). */
  const settle = async () => {
    for (let turn = 0; turn < 5; turn++) await nextTurn()
  }
  const clock: Clock & { advance(ms: number): Promise<void>; settle(): Promise<void>; pending(): number[] } = {
    now: () => now,
    sleep(ms, signal) {
      signal?.throwIfAborted()
      return new Promise((resolve, reject) => {
        const sleeper: Sleeper = { at: now + Math.max(0, ms), wake: resolve }
        sleepers.push(sleeper)
        signal?.addEventListener(
          'abort',
          () => {
            sleepers = sleepers.filter((other) => other !== sleeper)
            reject(signal.reason)
          },
          { once: true }
        )
      })
    },
    async advance(ms) {
      const until = now + ms
      await settle()
      for (;;) {
        const next = sleepers.filter((sleeper) => sleeper.at <= until).sort((a, b) => a.at - b.at)[0]
        if (!next) break
        now = next.at
        sleepers = sleepers.filter((other) => other !== next)
        next.wake()
        await settle()
      }
      now = until
      await settle()
    },
    settle,
    /** When each sleep now waiting ends. */
    pending: () => sleepers.map((sleeper) => sleeper.at).sort((a, b) => a - b)
  }
  return clock
}
