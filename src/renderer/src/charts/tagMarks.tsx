import { useXAxisScale, useYAxisScale } from 'recharts'
import type { Bucket } from '../../../shared/dashboard'
import type { TaggedDay } from '../../../shared/tags'
import { dayName } from '../format'

/** The tagged days of a chart, under the date of the bucket (day, week or month) each falls in. */
export type TagsByBucket = ReadonlyMap<string, readonly TaggedDay[]>

/** Puts each tagged day in its bucket: the last of `points` (oldest first) starting on or before it. */
export function tagsByBucket(tagged: readonly TaggedDay[], points: readonly { date: string }[]): TagsByBucket {
  const byBucket = new Map<string, TaggedDay[]>()
  let index = 0
  for (const day of tagged) {
    while (index + 1 < points.length && points[index + 1].date <= day.date) index++
    const bucket = points[index]?.date
    if (bucket === undefined || bucket > day.date) continue
    byBucket.set(bucket, [...(byBucket.get(bucket) ?? []), day])
  }
  return byBucket
}

/**
 * A small mark at the top of each bucket holding tagged days (`top`: the value axis's highest tick),
 * all drawn in one pass from the chart's own scales: as many reference dots, each a component
 * recharts lays out on its own, cost more than the bars under them.
 */
export function TagMarks({ tags, top }: { tags: TagsByBucket; top: number }) {
  const x = useXAxisScale()
  const y = useYAxisScale()
  const cy = y?.(top)
  if (!x || cy === undefined) return null
  return (
    <g className="tag-marks">
      {[...tags.keys()].map((date) => {
        const cx = x(date, { position: 'middle' })
        return cx === undefined ? null : <circle key={date} className="tag-mark" cx={cx} cy={cy} r={4} fill="var(--tag-mark)" stroke="var(--surface)" />
      })}
    </g>
  )
}

/** A bucket's tags in its tooltip: "Tagged: sick, travel", each with its day in a week or a month. */
export function tagNote(days: readonly TaggedDay[] | undefined, bucket: Bucket): string | undefined {
  if (!days?.length) return undefined
  const listed = days.flatMap((day) => day.tags.map((tag) => (bucket === 'day' ? tag : `${tag} (${dayName(day.date)})`)))
  return `Tagged: ${listed.join(', ')}`
}

/** The key of the marks, beside a chart's other series. */
export const tagLegend = { key: 'tags', label: 'Days you tagged (the tooltip names the tags)', color: 'var(--tag-mark)' }
