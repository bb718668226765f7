import type { LocalTime } from '../../shared/insights'
const DAY_MS = 86_400_000

/** Minutes east of UTC for WHOOP's `+hh:mm`, `-hh:mm` or `Z` (also the export's `UTC+hh:mm`). */
export function offsetMinutes(offset: string): number {
  const match = /^(?:UTC)?([+-])(\d{2}):?(\d{2})$/.exec(offset.trim())
  if (!match) return 0
  const minutes = Number(match[2]) * 60 + Number(match[3])
  return match[1] === '-' ? -minutes : minutes
}

/** The member's calendar date (YYYY-MM-DD) at `ms`, in the timezone WHOOP recorded with the record. */
export function localDateOf(ms: number, offset: string): string {
  return new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(0, 10)
}

/**
 * The day a cycle belongs to. A cycle runs from falling asleep to falling asleep, so it starts late
 * in the evening of the day before the one it mostly covers; the date twelve hours after its start
 * is the day WHOOP's app shows it under, whether the member fell asleep at 21:00 or at 02:00.
 */
export function cycleDateOf(startMs: number, offset: string): string {
  return localDateOf(startMs + DAY_MS / 2, offset)
}

export { addDays, daysBetween } from '../../shared/calendar'

/** A moment as the clock on the wall showed it where the record was made. */
export function localTimeOf(ms: number, offset: string): LocalTime {
  return { local: new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(0, 16), offset }
}
