import type { Baseline } from '../../shared/insights'

/** The baseline is the mean of the 30 days ending on a day, from at least 7 days with a value. */
export const BASELINE_DAYS = 30
export const BASELINE_MINIMUM_DAYS = 7

/**
 * The person's baseline on each day of a series by day (gaps allowed), with the usual range one
 * sample standard deviation either side. Every page's baseline and usual range come from here.
 */
export function baselines(values: readonly (number | null)[]): (Baseline | null)[] {
  // Two passes over each window, in place: years of days are read on every trend.
  return values.map((_, index) => {
    const first = Math.max(0, index - BASELINE_DAYS + 1)
    let count = 0
    let sum = 0
    for (let day = first; day <= index; day++) {
      const value = values[day]
      if (value === null) continue
      count++
      sum += value
    }
    if (count < BASELINE_MINIMUM_DAYS) return null
    const mean = sum / count
    let squares = 0
    for (let day = first; day <= index; day++) {
      const value = values[day]
      if (value !== null) squares += (value - mean) ** 2
    }
    const spread = Math.sqrt(squares / (count - 1))
    return { mean, low: mean - spread, high: mean + spread }
  })
}
