import { chosenClock } from '../../../src/host/chosenNow'

/**
 * The tests' "now": the wall clock, or the instant `WHOOP_DESKTOP_NOW` pins (`npm run test:dates`
 * sets it, and so can a person reproducing a failure on a given date), running on from when this
 * process first asked. Processes the tests start inherit the same start, so every clock of a test
 * agrees to the millisecond. The fake WHOOP generates its history from it and the app core runs on it.
 */
if (process.env.WHOOP_DESKTOP_NOW && !process.env.WHOOP_DESKTOP_NOW_SINCE) process.env.WHOOP_DESKTOP_NOW_SINCE = String(Date.now())
const chosen = chosenClock(process.env)

export const testClock = chosen.clock

/** The instant the suite is pinned to (ISO 8601), if it is. */
export const pinnedNow = chosen.chosen

/**
 * Where the fake WHOOP's member lives: where this machine's clock is set (`TZ`, as `npm run
 * test:dates` sets it, so that the member's daylight-saving night is the machine's), or New York.
 */
export const memberTimeZone = knownTimeZone(process.env.TZ) ?? 'America/New_York'

function knownTimeZone(name: string | undefined): string | undefined {
  if (!name) return undefined
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone
  } catch {
    return undefined
  }
}
