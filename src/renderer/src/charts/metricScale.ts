import { metricSpecs, type TrendMetric } from '../../../shared/insights'
import { roundScale, type ValueScale } from './axisTicks'

/** A measure's value axis over `values` (in the person's units): half steps for hours and decimals, from zero for counts and strain. */
export function metricScale(metric: TrendMetric, values: readonly (number | null | undefined)[]): ValueScale {
  const minStep = metric === 'asleep' || metricSpecs[metric].digits ? 0.5 : 1
  return roundScale(values, { minStep, fromZero: metric === 'strain' || metric === 'workouts' })
}

/** The unit written on a measure's axis ticks: only "%" fits there; other units go in the title. */
export const tickUnit = (unit: string) => (unit.trim() === '%' ? '%' : '')
