import { describe, expect, it } from 'vitest'
import { BASELINE_DAYS, baselines } from '../../../src/main/store/baseline'

/** Mean and sample standard deviation, worked out here. */
function meanAndSpread(values: number[]) {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1))
  return { mean, low: mean - spread, high: mean + spread }
}

describe('the 30-day baseline and usual range', () => {
  it('needs 7 days with a value in the window: 6 give none, 7 give the mean ± one sample standard deviation', () => {
    const seven = [50, 61, 47, 58, 66, 52, 49]
    // A day with a value at the window's far end, then gaps between the values.
    const series: (number | null)[] = Array(BASELINE_DAYS).fill(null)
    seven.forEach((value, index) => (series[index * 4] = value))
    expect(baselines(series.slice(0, 24)).at(-1)).toBeNull()
    const baseline = baselines(series).at(-1)!
    const expected = meanAndSpread(seven)
    expect(baseline.mean).toBeCloseTo(expected.mean, 12)
    expect(baseline.low).toBeCloseTo(expected.low, 12)
    expect(baseline.high).toBeCloseTo(expected.high, 12)
  })

  it('reads the 30 days ending on each day, the day itself included, and nothing older', () => {
    const series = Array.from({ length: 40 }, (_, day) => day)
    const last = baselines(series).at(-1)!
    expect(last.mean).toBeCloseTo(meanAndSpread(series.slice(10)).mean, 12)
    expect(last.high).toBeCloseTo(meanAndSpread(series.slice(10)).high, 12)
    const sixth = baselines(series)[6]!
    expect(sixth.mean).toBe(3)
  })
})
