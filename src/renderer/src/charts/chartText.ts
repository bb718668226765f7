import type { Bucket } from '../../../shared/dashboard'
import { bucketLabel } from '../format'

const bucketNames: Record<Bucket, [one: string, many: string]> = { day: ['day', 'days'], week: ['week', 'weeks'], month: ['month', 'months'] }

/**
 * A chart's text alternative in one sentence: how many buckets have a value, their mean, and the
 * lowest and highest with their dates ("28 of 30 days: mean 58 %, lowest 21 % (Mon 3 Nov) …").
 */
export function seriesSummary<Point extends { date: string }>(
  points: readonly Point[],
  key: keyof Point,
  bucket: Bucket,
  format: (value: number) => string
): string {
  const present = points.filter((point) => typeof point[key] === 'number') as (Point & Record<typeof key, number>)[]
  const [one, many] = bucketNames[bucket]
  if (!present.length) return `No data in these ${points.length} ${points.length === 1 ? one : many}.`
  const mean = present.reduce((sum, point) => sum + point[key], 0) / present.length
  const lowest = present.reduce((low, point) => (point[key] < low[key] ? point : low))
  const highest = present.reduce((high, point) => (point[key] > high[key] ? point : high))
  return (
    `${present.length} of ${points.length} ${points.length === 1 ? one : many} with data: mean ${format(mean)}, ` +
    `lowest ${format(lowest[key])} (${bucketLabel(lowest.date, bucket)}), highest ${format(highest[key])} (${bucketLabel(highest.date, bucket)}).`
  )
}
