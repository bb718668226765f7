/**
 * Wall-clock time in a named time zone (IANA, such as `America/New_York`), from the runtime's own
 * time-zone data: WHOOP's `±hh:mm` offset of an instant, and the instant of a local time. Daylight
 * saving comes with the data, so a generated member keeps the clock their country keeps.
 */

const formatters = new Map<string, Intl.DateTimeFormat>()

function offsetFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone)
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
    formatters.set(timeZone, formatter)
  }
  return formatter
}

/** Minutes east of UTC in `timeZone` at `ms`. */
function offsetMinutesAt(timeZone: string, ms: number): number {
  const name = offsetFormatter(timeZone).formatToParts(ms).find((part) => part.type === 'timeZoneName')?.value ?? 'GMT'
  const match = /^GMT([+-])(\d{2}):(\d{2})$/.exec(name)
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** WHOOP's `±hh:mm` offset of `timeZone` at `ms`. */
export function offsetAt(timeZone: string, ms: number): string {
  const minutes = offsetMinutesAt(timeZone, ms)
  const sign = minutes < 0 ? '-' : '+'
  const hours = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0')
  return `${sign}${hours}:${String(Math.abs(minutes) % 60).padStart(2, '0')}`
}

/**
 * The instant at which the clocks of `timeZone` show `minutes` past midnight of `date` (minutes may
 * run past 24 h into the next day). A time the clocks skip on the spring night has no instant and
 * comes out an hour off: callers ask for evening and morning times, which every zone keeps.
 */
export function instantOf(date: string, minutes: number, timeZone: string): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minutes * 60_000
  const guess = wall - offsetMinutesAt(timeZone, wall) * 60_000
  return wall - offsetMinutesAt(timeZone, guess) * 60_000
}

/** The calendar date (YYYY-MM-DD) the clocks of `timeZone` show at `ms`. */
export function dateIn(timeZone: string, ms: number): string {
  return new Date(ms + offsetMinutesAt(timeZone, ms) * 60_000).toISOString().slice(0, 10)
}
