import type { Baseline } from '../../shared/insights'

/** The baseline is the mean of the 30 days ending on a day, from at least 7 days with a value. */
export const BASELINE_DAYS = 30
export const BASELINE_MINIMUM_DAYS = 7

/**
 * The person's baseline on each day of a series by day (gaps allowed), with the usual range one
 * sample standard deviation either side. Every page's baseline and usual range come from here.
 */
export function baselines(values: readonly (number | null)[]): (Baseline | null)[] {
  return values.map((_, index) => {
    const window = values.slice(Math.max(0, index - BASELINE_DAYS + 1), index + 1).filter((value) => value !== null)
    if (window.length < BASELINE_MINIMUM_DAYS) return null
    const mean = window.reduce((sum, value) => sum + value, 0) / window.length
    const spread = Math.sqrt(window.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (window.length - 1))
    return { mean, low: mean - spread, high: mean + spread }
  })
}
