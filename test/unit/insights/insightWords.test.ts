import { describe, expect, it } from 'vitest'
import { differenceText } from '../../../src/renderer/src/insights/metricFormat'
import type { InsightEffect } from '../../../src/shared/insights'
import { describeEffect, describeFinding } from '../../../src/shared/insightText'

describe('points, in words', () => {
  const alcohol = { kind: 'journal', question: 'Alcohol?' } as const
  const travel = { kind: 'tag', question: 'travel' } as const
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
    expect(describeEffect(alcohol, effect('recovery', -1.2), true)).toBe('After the days you answered yes to “Alcohol?”, your recovery the next morning was 1 point lower.')
    expect(describeEffect(alcohol, effect('recovery', -2.2), true)).toContain('was 2 points lower.')
    expect(describeEffect(alcohol, effect('hrv', -1), true)).toContain('your HRV the next morning was 1.0 ms lower.')
    expect(describeEffect(alcohol, { ...effect('hrv', -1), clear: false }, true)).toBe('“Alcohol?”: no clear difference yet in HRV the next morning.')
    expect(describeEffect(alcohol, effect('recovery', -11), false)).toBe('After the days you answered yes, your recovery the next morning was 11 points lower.')
    expect(describeEffect(travel, effect('recovery', -11), true)).toBe('After the days you tagged “travel”, your recovery the next morning was 11 points lower.')
    expect(describeEffect(travel, effect('hrv', 2), false)).toBe('After the days with this tag, your HRV the next morning was 2.0 ms higher.')
  })

  it("says this morning's findings in one sentence", () => {
    expect(describeFinding(alcohol, [effect('recovery', -13.2), effect('hrv', -5.5), effect('resting-hr', 1.1)])).toBe(
      'Yesterday you answered yes to “Alcohol?”: after such days your recovery was 13 points lower, HRV was 5.5 ms lower and resting heart rate was 1.1 bpm higher the next morning.'
    )
    expect(describeFinding(alcohol, [effect('recovery', -1)])).toBe('Yesterday you answered yes to “Alcohol?”: after such days your recovery was 1 point lower the next morning.')
    expect(describeFinding(travel, [effect('recovery', -4)])).toBe('Yesterday is tagged “travel”: after such days your recovery was 4 points lower the next morning.')
  })
})
