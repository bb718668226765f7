import type { AgainstBaseline, TrendMetric } from '../../shared/insights'

/**
 * The way each vital leaves its usual range when the body is under strain (a cold coming, too little
 * recovery): resting heart rate, respiratory rate and skin temperature rise, HRV falls.
 */
const strainedSide: Partial<Record<TrendMetric, 'above' | 'below'>> = {
  'resting-hr': 'above',
  'respiratory-rate': 'above',
  'skin-temp': 'above',
  hrv: 'below'
}

/**
 * The vitals of a morning that are outside the person's usual range on the side that goes with
 * strain or illness, when two or more are: one alone is an ordinary day's noise. Never a diagnosis.
 */
export function strainSignal(measures: readonly AgainstBaseline[]): TrendMetric[] | null {
  const strained = measures.filter((measure) => measure.outside !== null && strainedSide[measure.metric] === measure.outside).map((measure) => measure.metric)
  return strained.length >= 2 ? strained : null
}
