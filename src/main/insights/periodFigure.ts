import { metricSpecs, type DayValues, type PeriodFigure, type TrendMetric } from '../../shared/insights'
import { seriesOf } from '../store/dailyValues'

/** A measure over the days `from`…`to`: the mean of the days with a value, or their sum (workouts). */
export function periodFigure(values: Map<string, DayValues>, metric: TrendMetric, from: string, to: string): PeriodFigure {
  const present = seriesOf(values, metric, from, to).filter((value) => value !== null)
  const sum = present.reduce((total, value) => total + value, 0)
  const value = present.length === 0 ? null : metricSpecs[metric].aggregate === 'sum' ? sum : sum / present.length
  return { from, to, value, days: present.length }
}

/** How much a period changed against the one before: the difference and, where it means something, %. */
export function change(current: PeriodFigure, previous: PeriodFigure): { difference: number | null; percent: number | null } {
  if (current.value === null || previous.value === null) return { difference: null, percent: null }
  const difference = current.value - previous.value
  return { difference, percent: previous.value === 0 ? null : (100 * difference) / Math.abs(previous.value) }
}
