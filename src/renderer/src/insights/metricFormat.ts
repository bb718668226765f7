import { metricSpecs, type Trend, type TrendMetric, type TrendRange } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { duration, energyUnit, energyValue, temperatureUnit, temperatureValue } from '../format'

/** A measure's value in the person's units, as the page shows it: "7h 32m", "36.4 °C", "2,140 kJ". */
export function metricText(metric: TrendMetric, value: number | null | undefined, settings: Settings | undefined): string {
  if (value === null || value === undefined) return '—'
  if (metric === 'asleep') return duration(value)
  return `${fixed(metricValue(metric, value, settings)!, metricSpecs[metric].digits)}${metricUnit(metric, settings)}`
}

/** A range of a measure with its unit once: "48–62 ms", "14.2–16.3 rpm". */
export function metricRangeText(metric: TrendMetric, low: number, high: number, settings: Settings | undefined): string {
  if (metric === 'asleep') return `${duration(low)}–${duration(high)}`
  const digits = metricSpecs[metric].digits
  return `${fixed(metricValue(metric, low, settings)!, digits)}–${fixed(metricValue(metric, high, settings)!, digits)}${metricUnit(metric, settings)}`
}

/** A number with exactly `digits` decimals, grouped as the person's locale writes it ("2,140"). */
const fixed = (value: number, digits: number) => value.toLocaleString(undefined, { minimumFractionDigits: digits, maximumFractionDigits: digits })

/**
 * A value as the page shows it, as a number: in the person's units at the measure's precision
 * (sleep to the minute), so that differences can be taken between what the person reads.
 */
function shownNumber(metric: TrendMetric, value: number, settings: Settings | undefined): number {
  if (metric === 'asleep') return Math.round(value / 60_000) * 60_000
  return Number(metricValue(metric, value, settings)!.toFixed(metricSpecs[metric].digits))
}

/**
 * How far `value` is from `reference`, signed, in the person's units: the difference of the two as
 * they are shown, so that "62%" against "61%" reads "+1 point", never "+0.3 points".
 */
export function changeText(metric: TrendMetric, value: number | null | undefined, reference: number | null | undefined, settings: Settings | undefined): string {
  if (value === null || value === undefined || reference === null || reference === undefined) return '—'
  const digits = metricSpecs[metric].digits
  const difference = Number((shownNumber(metric, value, settings) - shownNumber(metric, reference, settings)).toFixed(digits))
  const sign = difference > 0 ? '+' : difference < 0 ? '−' : '±'
  if (metric === 'asleep') return difference === 0 ? '±0m' : `${sign}${duration(Math.abs(difference))}`
  const size = fixed(Math.abs(difference), digits)
  // The difference of two percentages is in points, not a percentage of anything.
  const unit = metricSpecs[metric].unit === '%' ? (size === '1' ? ' point' : ' points') : metricUnit(metric, settings)
  return `${sign}${size}${unit}`
}

/** The same change as a share of `reference`, as shown ("−1.6%"); undefined where that means nothing. */
export function percentChangeText(metric: TrendMetric, value: number | null, reference: number | null, settings: Settings | undefined): string | undefined {
  if (value === null || reference === null) return undefined
  const from = shownNumber(metric, reference, settings)
  if (from === 0) return undefined
  const percent = Number(((100 * (shownNumber(metric, value, settings) - from)) / Math.abs(from)).toFixed(1))
  return `${percent > 0 ? '+' : percent < 0 ? '−' : '±'}${Math.abs(percent).toFixed(1)}%`
}

/** What a trend draws: a measure's values, or (skin temperature) their difference from the baseline. */
export type Plotted = Trend['plotted']

/** The number a trend chart draws for a plotted value, in the person's units (a difference of 1 °C is 1.8 °F). */
export function plottedValue(metric: TrendMetric, plotted: Plotted, value: number | null, settings: Settings | undefined): number | null {
  if (plotted === 'value' || value === null) return metricValue(metric, value, settings)
  return settings?.unitSystem === 'imperial' && metric === 'skin-temp' ? value * 1.8 : value
}

/** A plotted value as the tooltip says it: "54 ms", or for a difference from the baseline "+0.4 °C". */
export function plottedText(metric: TrendMetric, plotted: Plotted, value: number | null, settings: Settings | undefined): string {
  if (plotted === 'value' || value === null) return metricText(metric, value, settings)
  const shown = plottedValue(metric, plotted, value, settings)!
  const size = fixed(Math.abs(shown), metricSpecs[metric].digits)
  return `${Number(size) === 0 ? '±' : shown > 0 ? '+' : '−'}${size}${metricUnit(metric, settings)}`
}

/** The number a chart draws for a value: hours for sleep, °F or kcal where the person chose them. */
export function metricValue(metric: TrendMetric, value: number | null, settings: Settings | undefined): number | null {
  if (value === null) return null
  if (metric === 'asleep') return value / 3_600_000
  if (metric === 'skin-temp') return temperatureValue(value, settings)
  if (metric === 'energy') return settings?.energyUnit === 'kcal' ? energyValue(value, settings) : value
  return value
}

export function metricUnit(metric: TrendMetric, settings: Settings | undefined): string {
  if (metric === 'asleep') return ' h'
  if (metric === 'skin-temp') return temperatureUnit(settings)
  if (metric === 'energy') return ` ${energyUnit(settings)}`
  const unit = metricSpecs[metric].unit
  return unit === '%' ? '%' : unit === 'strain' ? '' : ` ${unit}`
}


/** The trend ranges as their buttons name them. */
export const rangeLabels: Record<TrendRange, string> = { '1m': '1M', '3m': '3M', '6m': '6M', '1y': '1Y', all: 'All' }

/** A measure's name inside a sentence: "day strain", "HRV". */
export const metricPhrase = (metric: TrendMetric) => {
  const label = metricSpecs[metric].label
  return label[1] === label[1].toUpperCase() ? label : label[0].toLowerCase() + label.slice(1)
}
