import { z } from 'zod'
import { addDays, daysBetween } from '../../shared/calendar'
import { trendMetrics } from '../../shared/insights'

/** The longest range a tool reads: five years of days. */
export const MAX_RANGE_DAYS = 1827

export const dateArgument = z.iso.date({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-11-19' })
export const metricArgument = z.enum(trendMetrics, { error: `must be one of ${trendMetrics.join(', ')}` })

/**
 * The days a tool reads, from its `start` and `end` arguments (named `names` in messages), each
 * defaulting to the newest stored day and the `defaultDays` before it; refused, with the reason,
 * when the range starts after it ends or is longer than five years.
 */
export function rangeArgument(
  start: string | undefined,
  end: string | undefined,
  lastDate: string,
  defaultDays: number,
  names = { start: 'start_date', end: 'end_date' }
): { from: string; to: string } {
  const to = end ?? lastDate
  const from = start ?? addDays(to, -(defaultDays - 1))
  if (from > to) throw new Error(`${names.start} ${from} is after ${names.end} ${to}: ask for a range that starts on or before its end.`)
  const days = daysBetween(from, to) + 1
  if (days > MAX_RANGE_DAYS) {
    throw new Error(`${names.start} ${from} to ${names.end} ${to} is ${days} days; ask for at most ${MAX_RANGE_DAYS} days (5 years) at a time.`)
  }
  return { from, to }
}
