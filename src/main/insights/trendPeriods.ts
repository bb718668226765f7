import { quantileSorted } from 'd3-array'
import { metricSpecs, type TrendMetric, type TrendPeriod } from '../../shared/insights'
import { bucketOf, rollingMean } from '../store/buckets'

/** The days a smoothed point is the mean of, and how many of them need a value. */
const SMOOTHING_DAYS = 7
const SMOOTHING_MINIMUM = 4

/** Each day's mean of the 7 days ending on it (at least 4 with a value), as the trend line of 1M and 3M. */
export function smoothed(values: readonly (number | null)[]): (number | null)[] {
  return rollingMean(values, SMOOTHING_DAYS, SMOOTHING_MINIMUM)
}

/**
 * The days `dates` (with their `values`) by week or month: each period's mean (a sum for a measure
 * counted, such as workouts) and the 25th–75th percentiles of its days, so a long range reads as
 * its level and spread instead of every day's noise.
 */
export function periodsOf(metric: TrendMetric, dates: readonly string[], values: readonly (number | null)[], period: 'week' | 'month'): TrendPeriod[] {
  const byPeriod = new Map<string, { days: number; present: number[] }>()
  dates.forEach((date, index) => {
    const key = bucketOf(date, period)
    const entry = byPeriod.get(key) ?? { days: 0, present: [] }
    byPeriod.set(key, entry)
    entry.days++
    if (values[index] !== null) entry.present.push(values[index])
  })
  const sum = metricSpecs[metric].aggregate === 'sum'
  return [...byPeriod].map(([key, { days, present }]) => {
    const sorted = present.toSorted((a, b) => a - b)
    const total = sorted.reduce((running, value) => running + value, 0)
    const spread = !sum && sorted.length > 0
    return {
      period: key,
      value: sorted.length === 0 ? null : sum ? total : total / sorted.length,
      low: spread ? quantileSorted(sorted, 0.25)! : null,
      high: spread ? quantileSorted(sorted, 0.75)! : null,
      days: sorted.length,
      partial: days < periodLength(key, period)
    }
  })
}

const periodLength = (first: string, period: 'week' | 'month') =>
  period === 'week' ? 7 : new Date(Date.UTC(Number(first.slice(0, 4)), Number(first.slice(5, 7)), 0)).getUTCDate()
