import { clockFrom, systemClock, type Clock } from '../main/clock'

/**
 * The browser host runs on the system clock, or at the instant `WHOOP_DESKTOP_NOW` names (ISO 8601
 * with its offset, such as `2027-03-14T06:30:00-04:00`), running on from the moment the host started,
 * or from `WHOOP_DESKTOP_NOW_SINCE` (epoch ms) when given: the tests pass it, so that the host and
 * their fake WHOOP agree to the millisecond. It is for reproducing what happens on a given date; the
 * desktop app never reads it.
 */
export function chosenClock(env: NodeJS.ProcessEnv): { clock: Clock; chosen?: string } {
  const chosen = env.WHOOP_DESKTOP_NOW?.trim()
  if (!chosen) return { clock: systemClock }
  const instant = Date.parse(chosen)
  if (!/^\d{4}-\d{2}-\d{2}T/.test(chosen) || Number.isNaN(instant)) {
    throw new Error(`WHOOP_DESKTOP_NOW must be an ISO 8601 date and time such as 2027-03-14T06:30:00-04:00, not "${chosen}".`)
  }
  const since = env.WHOOP_DESKTOP_NOW_SINCE ? Number(env.WHOOP_DESKTOP_NOW_SINCE) : Date.now()
  if (!Number.isSafeInteger(since)) throw new Error(`WHOOP_DESKTOP_NOW_SINCE must be epoch milliseconds, not "${env.WHOOP_DESKTOP_NOW_SINCE}".`)
  return { clock: clockFrom(instant, since), chosen: new Date(instant).toISOString() }
}
