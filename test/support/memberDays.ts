import type { MemberHistory } from '../../src/main/demo/memberHistory'

/**
 * The member's calendar, worked out by the tests themselves rather than by the app's own date code,
 * so a test that compares the two can catch either.
 */

/** A date as the member's calendar has it: `ms` in WHOOP's `±hh:mm` offset. */
export function memberDate(ms: number, offset: string): string {
  const [, sign, hh, mm] = /^([+-])(\d{2}):(\d{2})$/.exec(offset) ?? ['', '+', '00', '00']
  const minutes = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm))
  return new Date(ms + minutes * 60_000).toISOString().slice(0, 10)
}

/** The day a cycle is dated by: the day its member woke from its main sleep. */
export function cycleDay(history: Pick<MemberHistory, 'sleeps'>, cycleId: number): string {
  const night = history.sleeps.find((sleep) => sleep.cycle_id === cycleId && !sleep.nap)!
  return memberDate(Date.parse(night.end), night.timezone_offset)
}

/** Each day's mean first (a day can hold two cycles), then the mean over days, and how many days. */
export function meanOfDays(entries: readonly [day: string, value: number][]): { mean: number; days: number } {
  const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const byDay = [...Map.groupBy(entries, ([day]) => day).values()].map((values) => meanOf(values.map(([, value]) => value)))
  return { mean: meanOf(byDay), days: byDay.length }
}

/**
 * The member's today, by the rule the app states: the day of the cycle they are living in while they
 * woke from its sleep less than a day ago (someone still up at 1 a.m. is in the day they woke on),
 * else the date their clock shows now, in the newest cycle's offset. A range ends on it.
 */
export function memberToday(history: Pick<MemberHistory, 'cycles' | 'sleeps'>, now: number): string {
  const newest = history.cycles.toSorted((a, b) => Date.parse(b.start) - Date.parse(a.start))[0]
  const night = history.sleeps.find((sleep) => sleep.cycle_id === newest.id && !sleep.nap)
  const living = !newest.end && night !== undefined && now - Date.parse(night.end) < 86_400_000
  return living ? cycleDay(history, newest.id) : memberDate(now, newest.timezone_offset)
}
