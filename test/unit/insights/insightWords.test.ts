import { describe, expect, it } from 'vitest'
import { differenceText } from '../../../src/renderer/src/insights/metricFormat'
import type { InsightEffect } from '../../../src/shared/insights'
import { describeEffect, describeFinding } from '../../../src/shared/insightText'

describe('points, in words', () => {
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

  it('says one point, and two points, for a change of a percentage', () => {
    expect(differenceText('recovery', -1, undefined)).toBe('−1 point')
    expect(differenceText('recovery', 2, undefined)).toBe('+2 points')
    expect(differenceText('sleep-performance', -0.3, undefined)).toBe('−0.3 points')
  })

  it('says one point in an insight, and keeps other units as they are', () => {
    expect(describeEffect('Alcohol?', effect('recovery', -1.2))).toBe('After the days you answered yes to “Alcohol?”, your recovery the next morning was 1 point lower.')
    expect(describeEffect('Alcohol?', effect('recovery', -2.2))).toContain('was 2 points lower.')
    expect(describeEffect('Alcohol?', effect('hrv', -1))).toContain('your HRV the next morning was 1.0 ms lower.')
    expect(describeEffect('Alcohol?', { ...effect('hrv', -1), clear: false })).toBe('“Alcohol?”: no clear difference yet in HRV the next morning.')
    expect(describeEffect(null, effect('recovery', -11))).toBe('After the days you answered yes, your recovery the next morning was 11 points lower.')
  })

  it("says this morning's findings in one sentence", () => {
    expect(describeFinding('Alcohol?', [effect('recovery', -13.2), effect('hrv', -5.5), effect('resting-hr', 1.1)])).toBe(
      'Yesterday you answered yes to “Alcohol?”: after such days your recovery was 13 points lower, HRV was 5.5 ms lower and resting heart rate was 1.1 bpm higher the next morning.'
    )
    expect(describeFinding('Alcohol?', [effect('recovery', -1)])).toBe('Yesterday you answered yes to “Alcohol?”: after such days your recovery was 1 point lower the next morning.')
  })
})
