import pcorrtest from '@stdlib/stats-pcorrtest'
import ranks from '@stdlib/stats-ranks'
import { trendRangeDays, type Comparison, type Correlation, type TrendMetric, type TrendRange } from '../../shared/insights'
import { daysFrom } from '../store/buckets'
import type { DailyValues } from '../store/dailyValues'
import { addDays, daysBetween } from '../store/localDate'

/** Fewer pairs than this leave Fisher's z with no interval to speak of. */
const MINIMUM_PAIRS = 4

export interface ComparisonQuery {
  userId: number
  x: TrendMetric
  y: TrendMetric
  nextMorning: boolean
  range: TrendRange
  /** The range's last day: the person's today, or the newest data when that is later. */
  to: string
}

/**
 * Two daily measures side by side: the days with both (the second read the next morning when asked),
 * Pearson's r and Spearman's r (Pearson's of the ranks, ties averaged) with 95 % intervals from
 * Fisher's z, both from stdlib's correlation test; a least-squares line; and both by day.
 */
export function comparisonOf(daily: DailyValues, { userId, x, y, nextMorning, range, to }: ComparisonQuery): Comparison {
  const first = daily.historyRange(userId)?.first ?? to
  const from = addDays(to, -((trendRangeDays[range] ?? daysBetween(first, to) + 1) - 1))
  const values = daily.between(userId, from, addDays(to, 1))
  const days = daysFrom(from, to).map((date) => ({ date, x: values.get(date)?.[x] ?? null, y: values.get(date)?.[y] ?? null }))
  const points = days.flatMap(({ date, x: xValue }) => {
    const yValue = nextMorning ? (values.get(addDays(date, 1))?.[y] ?? null) : (values.get(date)?.[y] ?? null)
    return xValue === null || yValue === null ? [] : [{ date, x: xValue, y: yValue }]
  })
  const xs = points.map((point) => point.x)
  const ys = points.map((point) => point.y)
  return {
    x,
    y,
    nextMorning,
    range,
    from,
    to,
    points,
    pearson: correlation(xs, ys),
    spearman: correlation(ranks(xs), ranks(ys)),
    fit: leastSquares(xs, ys),
    days
  }
}

function varies(values: readonly number[]): boolean {
  return values.some((value) => value !== values[0])
}

function correlation(xs: number[], ys: number[]): Correlation | null {
  if (xs.length < MINIMUM_PAIRS || !varies(xs) || !varies(ys)) return null
  const test = pcorrtest(xs, ys, { alpha: 0.05 })
  const [low, high] = test.ci
  return { r: test.pcorr, low, high }
}

function leastSquares(xs: number[], ys: number[]): Comparison['fit'] {
  if (xs.length < 2 || !varies(xs)) return null
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const [mx, my] = [mean(xs), mean(ys)]
  const slope = xs.reduce((sum, value, index) => sum + (value - mx) * (ys[index] - my), 0) / xs.reduce((sum, value) => sum + (value - mx) ** 2, 0)
  return { slope, intercept: my - slope * mx }
}
