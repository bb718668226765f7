import { addDays } from '../../shared/calendar'
import { seededRandom } from './seededRandom'
import { dateIn, instantOf } from './zonedTime'

/** Some days spent in another time zone, counted back from the history's end. */
export interface Trip {
  /** How many evenings before the newest the trip ends. */
  endsDaysAgo: number
  days: number
  timeZone: string
}

/** One main sleep: the evening it began on, in the time zone the member was in, and its instants. */
export interface Night {
  evening: string
  timeZone: string
  start: number
  end: number
}

const MINUTE = 60_000
/** WHOOP has a sleep a while after its member wakes, once the strap's data has reached it. */
const UPLOAD_DELAY_MS = 20 * MINUTE
/** Two nights closer than this (a flight east) would leave no day between them: the older goes. */
const SHORTEST_DAY_MS = 4 * 60 * MINUTE

/**
 * When the member sleeps, by their own clock: to bed about 22:50 on weeknights and 23:50 on Friday
 * and Saturday, up about 06:45 on workdays and 08:20 at the weekend, wherever they are. Each evening's
 * times come from its own date, so a day's night is the same whenever the history is generated.
 */
function nightOf(evening: string, timeZone: string, seed: number): Night {
  const random = seededRandom(seed ^ Math.imul(Number(evening.replaceAll('-', '')), 2_654_435_761))
  const weekday = new Date(`${evening}T00:00:00Z`).getUTCDay()
  const weekendNight = weekday === 5 || weekday === 6
  const bed = (weekendNight ? 23 * 60 + 50 : 22 * 60 + 50) + random.normal(0, weekendNight ? 35 : 20)
  const wake = 24 * 60 + (weekendNight ? 8 * 60 + 20 : 6 * 60 + 45) + random.normal(0, weekendNight ? 30 : 12)
  return {
    evening,
    timeZone,
    start: instantOf(evening, Math.round(bed), timeZone),
    end: instantOf(evening, Math.round(wake), timeZone)
  }
}

/**
 * The `count` newest nights WHOOP has by `now`, oldest first: a night still under way, or only just
 * over, is not in WHOOP yet (someone asleep at 1 a.m. is still in yesterday's cycle).
 */
export function nightsUntil(now: number, count: number, options: { timeZone: string; trip?: Trip; seed: number }): Night[] {
  const { timeZone, trip, seed } = options
  const today = dateIn(timeZone, now)
  const nights: Night[] = []
  for (let age = 0; nights.length < count; age++) {
    const onTrip = trip !== undefined && age >= trip.endsDaysAgo && age < trip.endsDaysAgo + trip.days
    const night = nightOf(addDays(today, -age), onTrip ? trip.timeZone : timeZone, seed)
    if (night.end + UPLOAD_DELAY_MS > now) continue
    const newer = nights.at(-1)
    if (newer && night.end + SHORTEST_DAY_MS > newer.start) continue
    nights.push(night)
  }
  return nights.reverse()
}
