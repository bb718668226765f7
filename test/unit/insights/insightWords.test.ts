import { describe, expect, it } from 'vitest'
import { changeText, metricRangeText, metricText, percentChangeText } from '../../../src/renderer/src/insights/metricFormat'
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
    expect(changeText('recovery', 60, 61, undefined)).toBe('−1 point')
    expect(changeText('recovery', 63, 61, undefined)).toBe('+2 points')
    expect(changeText('spo2', 96.2, 96.5, undefined)).toBe('−0.3 points')
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

describe('numbers that agree with each other', () => {
  const imperial = { unitSystem: 'imperial', energyUnit: 'kcal' } as Parameters<typeof metricText>[2]

  it('takes a change between the values as they are shown: 61% against 62% is 1 point, not 0.3', () => {
    expect([metricText('recovery', 61.4, undefined), metricText('recovery', 61.7, undefined)]).toEqual(['61%', '62%'])
    expect(changeText('recovery', 61.4, 61.7, undefined)).toBe('−1 point')
    expect(percentChangeText('recovery', 61.4, 61.7, undefined)).toBe('−1.6%')
    expect([metricText('resting-hr', 54.8, undefined), metricText('resting-hr', 54.3, undefined)]).toEqual(['55 bpm', '54 bpm'])
    expect(changeText('resting-hr', 54.8, 54.3, undefined)).toBe('+1 bpm')
    // Two values that read the same have not changed.
    expect(changeText('hrv', 52.4, 51.6, undefined)).toBe('±0 ms')
    expect(percentChangeText('hrv', 52.4, 51.6, undefined)).toBe('±0.0%')
  })

  it('takes the change in the units the person reads: °F, kcal, and sleep to the minute', () => {
    expect([metricText('skin-temp', 33.74, imperial), metricText('skin-temp', 33.5, imperial)]).toEqual(['92.7 °F', '92.3 °F'])
    expect(changeText('skin-temp', 33.74, 33.5, imperial)).toBe('+0.4 °F')
    expect(changeText('asleep', 7 * 3_600_000 + 32.4 * 60_000, 7 * 3_600_000 + 2.6 * 60_000, undefined)).toBe('+29m')
    expect(changeText('asleep', 3_600_000, 3_600_000 + 20_000, undefined)).toBe('±0m')
  })

  it('writes every percentage the same way, with no space before the sign', () => {
    expect(metricText('sleep-performance', 57, undefined)).toBe('57%')
    expect(metricRangeText('spo2', 95.04, 97.26, undefined)).toBe('95.0–97.3%')
    expect(percentChangeText('strain', 12.6, 11.2, undefined)).toBe('+12.5%')
  })
})
