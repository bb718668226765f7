import type { Bucket } from '../../shared/dashboard'
import { addDays, daysBetween } from './localDate'

const TWO_DIGITS = Array.from({ length: 32 }, (_, number) => String(number).padStart(2, '0'))
const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate()

/**
 * Every day from `from` to `to`, inclusive. Counted on the calendar rather than formatted from a
 * Date each day: trends and insights walk years of days on every query.
 */
export function daysFrom(from: string, to: string): string[] {
  const count = daysBetween(from, to) + 1
  let [year, month, day] = from.split('-').map(Number)
  let monthLength = daysInMonth(year, month)
  let prefix = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-`
  const days: string[] = []
  for (let index = 0; index < count; index++) {
    days.push(prefix + TWO_DIGITS[day])
    if (++day <= monthLength) continue
    day = 1
    if (++month > 12) {
      month = 1
      year++
    }
    monthLength = daysInMonth(year, month)
    prefix = `${String(year).padStart(4, '0')}-${TWO_DIGITS[month]}-`
  }
  return days
}

/** The first day of the bucket a day falls in: itself, its week's Monday, or its month's first. */
export function bucketOf(date: string, bucket: Bucket): string {
  if (bucket === 'day') return date
  if (bucket === 'month') return `${date.slice(0, 7)}-01`
  const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
  return addDays(date, -weekday)
}

/** How many days the bucket starting on `date` has in all: 1, 7, or its month's length. */
export function bucketLength(date: string, bucket: Bucket): number {
  if (bucket === 'day') return 1
  if (bucket === 'week') return 7
  return daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)))
}

/** The mean of the values that exist, or null when none does: a gap, not a zero. */
export function mean(values: readonly (number | null | undefined)[]): number | null {
  let sum = 0
  let count = 0
  for (const value of values) {
    if (value === null || value === undefined) continue
    sum += value
    count++
  }
  return count ? sum / count : null
}

/**
 * Rolling means over `window` days, each needing at least `minimum` days with a value; the series
 * is by day and may hold gaps.
 */
export function rollingMean(values: readonly (number | null)[], window: number, minimum: number): (number | null)[] {
  return values.map((_, index) => {
    const slice = values.slice(Math.max(0, index - window + 1), index + 1).filter((value) => value !== null)
    return slice.length >= minimum ? mean(slice) : null
  })
}

/** Groups day values into buckets, keeping every bucket of the range (empty ones too) in order. */
export function groupByBucket<T>(days: readonly string[], bucket: Bucket, valueOf: (day: string) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const day of days) {
    const key = bucketOf(day, bucket)
    if (!groups.has(key)) groups.set(key, [])
    groups.get(key)!.push(valueOf(day))
  }
  return groups
}
