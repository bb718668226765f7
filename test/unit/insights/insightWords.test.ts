import { describe, expect, it } from 'vitest'
import { differenceText } from '../../../src/renderer/src/insights/metricFormat'
import type { InsightEffect } from '../../../src/shared/insights'
import { describeEffect } from '../../../src/shared/insightText'

describe('points, in words', () => {
  it('says one point, and two points, for a change of a percentage', () => {
    expect(differenceText('recovery', -1, undefined)).toBe('−1 point')
    expect(differenceText('recovery', 2, undefined)).toBe('+2 points')
    expect(differenceText('sleep-performance', -0.3, undefined)).toBe('−0.3 points')
  })

  it('says one point in an insight, and keeps other units as they are', () => {
    const effect = (outcome: InsightEffect['outcome'], difference: number): InsightEffect => ({
      outcome,
      yesDays: 12,
      noDays: 30,
      yesMean: 50 + difference,
      noMean: 50,
      difference,
      low: difference - 0.4,
      high: difference - 0.1,
      p: 0.001,
      q: 0.004,
      hedgesG: -0.4,
      clear: true
    })
    expect(describeEffect('Alcohol?', effect('recovery', -1.2))).toBe('After the days you answered yes to “Alcohol?”, your recovery the next morning was 1 point lower.')
    expect(describeEffect('Alcohol?', effect('recovery', -2.2))).toContain('was 2 points lower.')
    expect(describeEffect('Alcohol?', effect('hrv', -1))).toContain('your HRV the next morning was 1.0 ms lower.')
    expect(describeEffect('Alcohol?', { ...effect('hrv', -1), clear: false })).toBe('“Alcohol?”: no clear difference yet in HRV the next morning.')
  })
})
