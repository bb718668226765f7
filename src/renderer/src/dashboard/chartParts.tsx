import type { ReactElement, ReactNode } from 'react'
import { ResponsiveContainer } from 'recharts'
import type { Bucket } from '../../../shared/dashboard'
import { axisLabel, bucketLabel } from '../format'

/** Shared look of the charts: axis ticks by bucket, tooltips with the bucket's full date. */
export const chartMargin = { top: 8, right: 8, bottom: 0, left: 4 }

/**
 * Every how-many-th bucket gets a date label: about eight per axis. A fixed interval spares recharts
 * from measuring every label, which costs more than drawing the chart.
 */
export function tickInterval(points: number): number {
  return Math.max(0, Math.ceil(points / 8) - 1)
}

export function tickFormatter(bucket: Bucket) {
  return (date: string) => axisLabel(date, bucket)
}

export interface TooltipRow {
  label: string
  value: string
  color?: string
}

/** A tooltip body: the bucket's date, then one row per value, and any flags. */
export function TooltipBox({ date, bucket, rows, note }: { date: string; bucket: Bucket; rows: TooltipRow[]; note?: ReactNode }) {
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip" data-date={date}>
      <strong>{bucketLabel(date, bucket)}</strong>
      {rows.map((row) => (
        <div key={row.label} className="tooltip-row">
          {row.color && <span className="swatch" style={{ background: row.color }} aria-hidden="true" />}
          <span>{row.label}</span>
          <span className="tooltip-value">{row.value}</span>
        </div>
      ))}
      {note && <div className="tooltip-note">{note}</div>}
    </div>
  )
}

type BucketPoint = { date: string; scored: number; pending: number; unscorable: number }

/**
 * Under a week's or month's values, what they are the mean of; under any bucket, how many of its
 * records WHOOP has not scored.
 */
export function bucketNote(point: BucketPoint, bucket: Bucket, unit: 'days' | 'nights', flags: boolean): ReactNode {
  const parts = [
    bucket !== 'day' ? `Mean of ${point.scored} ${point.scored === 1 ? unit.slice(0, -1) : unit}` : '',
    flags && point.pending ? `${point.pending} still being scored` : '',
    flags && point.unscorable ? `${point.unscorable} unscorable` : ''
  ].filter(Boolean)
  return parts.length ? parts.join(' · ') : undefined
}

/**
 * The tooltip of a series chart: the hovered bucket's date, its `rows`, what a week or month is the
 * mean of (`unit`), and (with `flags`) how many of its records WHOOP has not scored.
 */
export function bucketTooltip<Point extends BucketPoint>(
  bucket: Bucket,
  rows: (point: Point) => TooltipRow[],
  options: { flags?: boolean; unit?: 'days' | 'nights' } = {}
) {
  const { flags = true, unit = 'days' } = options
  return function BucketTooltip({ payload }: { payload?: readonly { payload?: unknown }[] }) {
    const point = hoveredPoint<Point>(payload)
    return point ? <TooltipBox date={point.date} bucket={bucket} rows={rows(point)} note={bucketNote(point, bucket, unit, flags)} /> : null
  }
}

/** Recharts hands tooltips the hovered bucket's data point. */
export function hoveredPoint<T>(payload: readonly { payload?: unknown }[] | undefined): T | undefined {
  return payload?.[0]?.payload as T | undefined
}

/**
 * The dots of a line with gaps: a value with no value on either side draws no segment, so it would
 * be invisible; it gets a dot (`isolated-dot`). Elsewhere the line itself shows the values.
 */
export function isolatedPointDots(points: readonly object[], dataKey: string, color: string) {
  const valueAt = (index: number) => (points[index] as Record<string, unknown> | undefined)?.[dataKey] ?? null
  return function IsolatedDot({ cx, cy, index }: { cx?: number; cy?: number; index?: number }): ReactElement {
    const alone = index !== undefined && valueAt(index) !== null && valueAt(index - 1) === null && valueAt(index + 1) === null
    return alone ? <circle key={index} className="isolated-dot" cx={cx} cy={cy} r={3} fill={color} /> : <g key={index} />
  }
}

/** A chart's key: a swatch and a name per series. */
export function Legend({ items }: { items: readonly { key: string; label: string; color: string }[] }) {
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.key}>
          <span className="swatch" style={{ background: item.color }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  )
}

/**
 * A chart as wide as its card. It draws at once at a likely width and adjusts when the card is
 * measured, instead of drawing nothing until then.
 */
export function ChartBox({ height, children }: { height: number; children: ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height={height} initialDimension={{ width: 900, height }}>
      {children}
    </ResponsiveContainer>
  )
}
