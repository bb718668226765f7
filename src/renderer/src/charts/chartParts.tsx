import type { ReactElement, ReactNode } from 'react'
import { DefaultZIndexes, ReferenceArea, ZIndexLayer, type BarShapeProps, type BaseTickContentProps, type LabelProps } from 'recharts'
import type { Bucket } from '../../../shared/dashboard'
import { axisLabel, bucketLabel } from '../format'
import { grouped } from '../../../shared/numberText'
import { dateTicks, labelWidth, type ValueScale } from './axisTicks'
import { tagNote, type TagsByBucket } from './tagMarks'

/** Shared look of the charts: date axes that fit their width, tooltips with the bucket's full date. */
// The top margin keeps the highest tick label, centred on its tick, whole.
export const chartMargin = { top: 12, right: 8, bottom: 0, left: 4 }
/** A chart with a number axis across: room on the right for half its last label ("100"). */
export const scatterMargin = { ...chartMargin, right: 16 }

/**
 * The props of a chart's date axis `width` pixels wide, less `yAxes` (the widths of its value
 * axes): labels on round dates, as many as fit whole and apart.
 */
export function dateAxis(points: readonly { date: string }[], bucket: Bucket, width: number, yAxes: readonly number[], placement: 'band' | 'point') {
  const plot = width - chartMargin.left - chartMargin.right - yAxes.reduce((sum, axis) => sum + axis, 0)
  // Across a new year, days are named with their year (weeks and months are labelled by month and year).
  const withYear = points.length > 0 && points[0].date.slice(0, 4) !== points.at(-1)!.date.slice(0, 4)
  const label = (date: string, labelBucket: Bucket) => axisLabel(date, labelBucket, withYear)
  const { ticks, labelBucket, inward } = dateTicks(points.map((point) => point.date), bucket, plot, placement, label)
  return { dataKey: 'date', ticks, tickFormatter: (date: string) => label(date, labelBucket), interval: 0 as const, tick: dateTick(inward.first, inward.last) }
}

/**
 * The props of a value axis on `scale`'s round ticks, as wide as its widest label, so that no label
 * wraps or is cut ("100 ms" stays whole).
 */
export function valueAxis(scale: ValueScale, unit = '') {
  const width = Math.ceil(Math.max(...scale.ticks.map((tick) => labelWidth(tickText(tick, unit))))) + 14
  return { domain: scale.domain, ticks: scale.ticks, interval: 0 as const, tick: plainTick(unit), width }
}

/** A tick's label: a number grouped as the person's locale writes it ("15,000"), with its unit. */
export const tickText = (value: unknown, unit: string) => `${typeof value === 'number' ? grouped(value) : String(value)}${unit}`

// Where recharts puts a label's first line: below its tick, centred on it, or above.
const tickBaseline = { start: '0.71em', middle: '0.355em', end: '0' }
const plainTicks = new Map<string, (props: BaseTickContentProps) => ReactElement>()

/**
 * An axis label as one line of plain SVG text, with its `unit`. Recharts' own label measures its
 * words in the DOM to wrap them, a forced layout per label and the dashboard's largest single cost;
 * these never wrap, as every axis is sized from `labelWidth`. One component per unit, so that
 * recharts sees the same one on every render.
 */
export function plainTick(unit: string) {
  if (!plainTicks.has(unit)) {
    plainTicks.set(unit, function PlainTick({ x, y, payload, index, tickFormatter, textAnchor, verticalAnchor, fill, className }: BaseTickContentProps) {
      const value = tickFormatter ? tickFormatter(payload.value, index) : payload.value
      return (
        <text x={x} y={y} dy={tickBaseline[verticalAnchor]} textAnchor={textAnchor} fill={fill} className={className}>
          {tickText(value, unit)}
        </text>
      )
    })
  }
  return plainTicks.get(unit)!
}

const dateTicksByEnds = new Map<string, (props: BaseTickContentProps) => ReactElement>()

/**
 * A date label, centred on its tick; a line's first or last label (`dateTicks`' `inward`) drawn from
 * its point inwards, so that the range's ends are named whole. One component per pair, so that
 * recharts sees the same one on every render.
 */
function dateTick(firstInward: boolean, lastInward: boolean) {
  const key = `${firstInward} ${lastInward}`
  if (!dateTicksByEnds.has(key)) {
    const Centred = plainTick('')
    dateTicksByEnds.set(key, function DateTick(props: BaseTickContentProps) {
      const { index, visibleTicksCount } = props
      const anchor = firstInward && index === 0 ? 'start' : lastInward && index === visibleTicksCount - 1 ? 'end' : props.textAnchor
      return <Centred {...props} textAnchor={anchor} />
    })
  }
  return dateTicksByEnds.get(key)!
}

/**
 * A grid of horizontal lines only. Recharts works out where vertical lines would go even when it
 * draws none, measuring every x-axis label in the DOM; an empty generator spares that.
 */
export const horizontalLinesOnly = { vertical: false, verticalCoordinatesGenerator: (): number[] => [] }

/**
 * A bar's shape that stacks `parts` (the datum's values under their keys, from the foot up) in one
 * bar, whose value is their sum. Recharts lays out one bar per bucket rather than one per part:
 * at three months and more its stacked charts were the dashboard's costliest (sleep's five stacked
 * series took up to 150 ms to draw, one series 35–50).
 */
export function stackedBar(parts: readonly { key: string; color: string }[]) {
  return function StackedBar({ x, y, width, height, payload }: BarShapeProps) {
    const values = parts.map((part) => ({ ...part, value: Number((payload as Record<string, unknown>)[part.key] ?? 0) }))
    const total = values.reduce((sum, part) => sum + part.value, 0)
    if (!total || !(height > 0)) return <g />
    // Each part's top, from the bar's foot up.
    const tops = values.map((_, index) => y + height - (height * values.slice(0, index + 1).reduce((sum, part) => sum + part.value, 0)) / total)
    return (
      <g>
        {values.map((part, index) =>
          part.value > 0 ? <path key={part.key} className={`part-${part.key}`} d={`M${x},${tops[index]}h${width}v${(height * part.value) / total}h${-width}Z`} fill={part.color} /> : null
        )}
      </g>
    )
  }
}

/** A fixed scale (recovery's 0–100 %, strain's 0–21). */
export const fixedScale = (ticks: number[]): ValueScale => ({ domain: [ticks[0], ticks.at(-1)!], ticks })

export interface TooltipRow {
  label: string
  value: string
  color?: string
}

/** A tooltip body: the bucket's date, then one row per value, any flags, and the bucket's tags. */
export function TooltipBox({ date, bucket, rows, note, tags }: { date: string; bucket: Bucket; rows: TooltipRow[]; note?: ReactNode; tags?: string }) {
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
      {tags && (
        <div className="tooltip-tags" data-testid="tooltip-tags">
          {tags}
        </div>
      )}
    </div>
  )
}

type BucketPoint = { date: string; scored: number; pending: number; unscorable: number; partial?: boolean }

/**
 * Under a week's or month's values, what they are the mean of; under any bucket, how many of its
 * records WHOOP has not scored.
 */
function bucketNote(point: BucketPoint, bucket: Bucket, unit: 'days' | 'nights', flags: boolean): string | undefined {
  const parts = [
    bucket !== 'day' ? `Mean of ${point.scored} ${point.scored === 1 ? unit.slice(0, -1) : unit}${point.partial ? `, part of the ${bucket} only` : ''}` : '',
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
  options: { flags?: boolean; unit?: 'days' | 'nights'; tags?: TagsByBucket } = {}
) {
  const { flags = true, unit = 'days', tags } = options
  return function BucketTooltip({ payload }: { payload?: readonly { payload?: unknown }[] }) {
    const point = hoveredPoint<Point>(payload)
    if (!point) return null
    return <TooltipBox date={point.date} bucket={bucket} rows={rows(point)} note={bucketNote(point, bucket, unit, flags)} tags={tags && tagNote(tags.get(point.date), bucket)} />
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

/** A chart's key: a swatch and a name per series (a faded swatch for a band). */
export function Legend({ items }: { items: readonly { key: string; label: string; color: string; faded?: boolean; mark?: 'line' | 'dot' }[] }) {
  return (
    <ul className="legend">
      {items.map((item) => (
        <li key={item.key}>
          {/* Drawn as the chart draws it: a line's key is a short line, a dot's a dot, a bar's or band's a square. */}
          <span className={item.mark ? `swatch ${item.mark}` : 'swatch'} style={{ background: item.color, opacity: item.faded ? 0.35 : 1 }} aria-hidden="true" />
          {item.label}
        </li>
      ))}
    </ul>
  )
}

/**
 * Over each week or month the range holds only some days of (the one so far, or one its start
 * cuts), a hatched band, so that it is not read as a whole one: "so far" over the newest, "part"
 * over the oldest. For bar charts on a band axis (the band covers the bucket's bar).
 */
export function partialMarks(points: readonly { date: string; partial: boolean }[]) {
  return points.flatMap((point, index) =>
    point.partial
      ? [
          <ReferenceArea
            key={`partial-${point.date}`}
            x1={point.date}
            x2={point.date}
            className="partial-bucket"
            data-date={point.date}
            fill="url(#partial-hatch)"
            stroke="var(--text-muted)"
            strokeDasharray="3 3"
            ifOverflow="visible"
            label={{ value: index === points.length - 1 ? 'so far' : 'part', className: 'partial-label', content: PartialLabel }}
          />
        ]
      : []
  )
}

/** Space kept between a partial band's word and the band's edges and top. */
const PARTIAL_LABEL_INSET = 3

/**
 * A partial band's word, at the top of the band: across it when it fits, else running down it, as a
 * month at All is narrower than "so far" (across, it ran over the next bar or off the chart's edge).
 */
function PartialLabel({ viewBox: band, value, className }: LabelProps) {
  if (!band || !('x' in band) || typeof value !== 'string') return null
  const centre = band.x + band.width / 2
  const top = band.y + PARTIAL_LABEL_INSET
  const across = labelWidth(value) + 2 * PARTIAL_LABEL_INSET <= band.width
  const placement = across
    ? { x: centre, y: top, dy: tickBaseline.start, textAnchor: 'middle' as const }
    : { transform: `translate(${centre} ${top}) rotate(90)`, dy: tickBaseline.middle, textAnchor: 'start' as const }
  // Above the bars, as recharts draws its own labels (the band itself lies under them).
  return (
    <ZIndexLayer zIndex={DefaultZIndexes.label}>
      <text {...placement} className={className}>
        {value}
      </text>
    </ZIndexLayer>
  )
}

/** The hatching `partialMarks` fill with: one pattern for the page, drawn once in its own hidden SVG. */
export function PartialHatch() {
  return (
    <svg width="0" height="0" aria-hidden="true" style={{ position: 'absolute' }}>
      <defs>
        <pattern id="partial-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
          <rect width="6" height="6" fill="var(--surface)" fillOpacity="0.55" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--text-muted)" strokeWidth="1.5" strokeOpacity="0.5" />
        </pattern>
      </defs>
    </svg>
  )
}
