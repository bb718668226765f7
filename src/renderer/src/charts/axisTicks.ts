import type { Bucket } from '../../../shared/dashboard'

/**
 * Axis ticks chosen by the app rather than by recharts: as many date labels as the measured width
 * holds without touching or being cut at an edge, on round dates, and value ticks on round numbers.
 * Knowing the ticks up front also spares recharts from measuring every label.
 */

const TICK_FONT = '11px system-ui, -apple-system, "Segoe UI", Roboto, "Liberation Sans", sans-serif'
/** Space kept between two neighbouring date labels. */
const LABEL_GAP = 12

let context: CanvasRenderingContext2D | null | undefined
/** The drawn width of an axis label, in pixels. */
export function labelWidth(text: string): number {
  if (context === undefined) context = document.createElement('canvas').getContext('2d')
  if (!context) return text.length * 7
  context.font = TICK_FONT
  return context.measureText(text).width
}

/**
 * How many buckets apart labels may be: steps that land on round dates (weeks, quarters, years).
 * Days further apart than a fortnight's labels allow are labelled by month instead.
 */
const stepsBy: Record<Bucket, readonly number[]> = {
  day: [1, 2, 7, 14],
  week: [1, 2, 4, 8, 13, 26, 52, 104],
  month: [1, 2, 3, 6, 12, 24, 60, 120]
}

const DAY_MS = 86_400_000
/** A bucket's number counted from a fixed Monday, so that every step lands on the same dates. */
function bucketNumber(date: string, bucket: Bucket): number {
  if (bucket === 'month') return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1
  // 1970-01-05 was a Monday.
  const days = Math.round((Date.parse(`${date}T00:00:00Z`) - Date.UTC(1970, 0, 5)) / DAY_MS)
  return bucket === 'week' ? Math.floor(days / 7) : days
}

/**
 * The dates an axis labels, and the bucket their labels name (`month` for days labelled by month);
 * `inward` where a line's first or last point is labelled though a label centred on it would be cut
 * at the plot's edge: that label is drawn from the point inwards.
 */
export interface DateTicks {
  ticks: string[]
  labelBucket: Bucket
  inward: { first: boolean; last: boolean }
}

/**
 * The dates to label on an axis `plotWidth` pixels wide that holds `dates`, one per band (bars) or
 * one per point from edge to edge (lines): every label whole inside the plot, none touching. Days
 * too close together for labels a fortnight apart, and weeks across years, get a label on the
 * first of every month or few ("Mar 2025"), so that a long range never reads as a list of unnamed years.
 */
export function dateTicks(
  dates: readonly string[],
  bucket: Bucket,
  plotWidth: number,
  placement: 'band' | 'point',
  labelOf: (date: string, labelBucket: Bucket) => string
): DateTicks {
  const count = dates.length
  if (count === 0 || plotWidth <= 0) return { ticks: [], labelBucket: bucket, inward: { first: false, last: false } }
  const spacing = placement === 'band' || count === 1 ? plotWidth / count : plotWidth / (count - 1)
  const xOf = (index: number) => (placement === 'band' ? (index + 0.5) * spacing : count === 1 ? plotWidth / 2 : index * spacing)
  const choose = (labelBucket: Bucket, bucketWidth: number, isStart: (date: string) => boolean) => {
    const widths = dates.map((date) => labelWidth(labelOf(date, labelBucket)))
    const steps = stepsBy[labelBucket]
    const step = steps.find((candidate) => candidate * bucketWidth >= Math.max(...widths) + LABEL_GAP)
    const whole = (index: number) => xOf(index) - widths[index] / 2 >= 0 && xOf(index) + widths[index] / 2 <= plotWidth
    // A line's ends are the range's first and last days: labelled too when they land on a round
    // date, drawn inwards from the point rather than dropped for want of room beside it.
    const isEnd = (index: number) => placement === 'point' && count > 1 && (index === 0 || index === count - 1)
    const labelled = dates.flatMap((date, index) =>
      isStart(date) && bucketNumber(date, labelBucket) % (step ?? steps.at(-1)!) === 0 && (whole(index) || isEnd(index)) ? [index] : []
    )
    const inward = { first: labelled[0] === 0 && !whole(0), last: labelled.at(-1) === count - 1 && !whole(count - 1) }
    // An end's label reaches its whole width inwards: its neighbour gives way if the two would touch.
    if (inward.first && labelled.length > 1 && widths[0] + LABEL_GAP > xOf(labelled[1]) - widths[labelled[1]] / 2) labelled.splice(1, 1)
    const last = labelled.length - 1
    if (inward.last && last > 0 && xOf(labelled[last - 1]) + widths[labelled[last - 1]] / 2 + LABEL_GAP > plotWidth - widths[count - 1]) labelled.splice(last - 1, 1)
    return { ticks: labelled.map((index) => dates[index]), labelBucket, inward, fits: step !== undefined }
  }
  // Weeks named by their Monday ("Dec 22") would hide a new year: across years, weeks are labelled
  // by the month they begin ("Jan 2026"), on the week of its first Monday.
  if (bucket === 'week' && dates[0].slice(0, 4) !== dates.at(-1)!.slice(0, 4)) return choose('month', spacing * 4.35, (date) => Number(date.slice(8)) <= 7)
  const own = choose(bucket, spacing, () => true)
  if (own.fits || bucket !== 'day') return own
  // A month holds about 30.4 days.
  return choose('month', spacing * 30.4, (date) => date.endsWith('-01'))
}

export interface ValueScale {
  domain: [number, number]
  ticks: number[]
}

/**
 * A value axis on round numbers: a 1-2-5 step (not finer than `minStep`) that spans the values in
 * at most `maxTicks` ticks, from zero when `fromZero`, and within `bounds` (0–100 for a percentage).
 */
export function roundScale(
  values: readonly (number | null | undefined)[],
  options: { minStep: number; fromZero?: boolean; bounds?: [number, number]; maxTicks?: number }
): ValueScale {
  const { minStep, fromZero = false, bounds = [-Infinity, Infinity], maxTicks = 5 } = options
  const present = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value))
  let low = present.length ? Math.min(...present) : 0
  let high = present.length ? Math.max(...present) : minStep * 4
  if (fromZero) low = Math.min(0, low)
  if (high === low) high = low + minStep
  for (const step of roundSteps(minStep)) {
    const from = Math.max(bounds[0], Math.floor(low / step) * step)
    const to = Math.min(bounds[1], Math.ceil(high / step) * step)
    if ((to - from) / step <= maxTicks - 1) {
      const ticks = Array.from({ length: Math.round((to - from) / step) + 1 }, (_, index) => roundOff(from + index * step))
      return { domain: [from, to], ticks }
    }
  }
  throw new Error('unreachable: the steps grow without end')
}

/** `minStep`, then the 1-2-5 steps above it: 0.5, 1, 2, 5, 10, 20 … */
function* roundSteps(minStep: number): Generator<number> {
  yield minStep
  for (let magnitude = 10 ** Math.floor(Math.log10(minStep)); ; magnitude *= 10) {
    for (const factor of [1, 2, 5]) {
      const step = roundOff(magnitude * factor)
      if (step > minStep) yield step
    }
  }
}

/** Drops floating-point dust (0.30000000000000004 → 0.3). */
const roundOff = (value: number) => Math.round(value * 1e6) / 1e6
