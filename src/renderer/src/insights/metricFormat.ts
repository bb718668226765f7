import { metricSpecs, type TrendMetric, type TrendRange } from '../../../shared/insights'
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

/** A difference in a measure (signed), in the person's units. */
export function differenceText(metric: TrendMetric, difference: number | null, settings: Settings | undefined): string {
  if (difference === null) return '—'
  const sign = difference > 0 ? '+' : '−'
  if (metric === 'asleep') return `${sign}${duration(Math.abs(difference))}`
  // A temperature difference is scaled, not shifted: 1 °C more is 1.8 °F more.
  const size = metric === 'skin-temp' && settings?.unitSystem === 'imperial' ? Math.abs(difference) * 1.8 : Math.abs(metricValue(metric, difference, settings)!)
  // A change that rounds to nothing gets one more decimal rather than reading "−0".
  const digits = metricSpecs[metric].digits + (Number(size.toFixed(metricSpecs[metric].digits)) === 0 ? 1 : 0)
  const shown = fixed(size, digits)
  // The difference of two percentages is in points, not a percentage of anything.
  const unit = metricSpecs[metric].unit === '%' ? (shown === '1' ? ' point' : ' points') : metricUnit(metric, settings)
  return Number(size.toFixed(digits)) === 0 ? `±0${unit}` : `${sign}${shown}${unit}`
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
