import type { Clock } from '../clock'

/** How often the network is looked at: Electron's main process has no event for it coming back. */
const LOOK_EVERY_MS = 30_000

/**
 * Calls `cameBack` each time the computer goes from offline to online, by looking at `isOnline`
 * (Electron's `net.online`) every 30 seconds on the injected clock. Returns a stop function.
 */
export function watchNetwork(options: { clock: Clock; isOnline: () => boolean; cameBack: () => void }): () => void {
  const stop = new AbortController()
  let online = options.isOnline()
  const look = async () => {
    for (;;) {
      await options.clock.sleep(LOOK_EVERY_MS, stop.signal)
      const now = options.isOnline()
      if (now && !online) options.cameBack()
      online = now
    }
  }
  look().catch(() => undefined) // Stopped.
  return () => stop.abort()
}
