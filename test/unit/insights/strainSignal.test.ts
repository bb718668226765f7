import { describe, expect, it } from 'vitest'
import { strainSignal } from '../../../src/main/insights/strainSignal'
import type { AgainstBaseline, TrendMetric } from '../../../src/shared/insights'

const measure = (metric: TrendMetric, outside: AgainstBaseline['outside']): AgainstBaseline => ({ metric, value: 1, baseline: { mean: 1, low: 0, high: 2 }, difference: 0, outside })

describe('the signs of strain on a morning', () => {
  it('are two or more vitals outside the usual range on the side that goes with strain', () => {
    expect(strainSignal([measure('hrv', 'below'), measure('resting-hr', 'above'), measure('respiratory-rate', null)])).toEqual(['hrv', 'resting-hr'])
    expect(strainSignal([measure('skin-temp', 'above'), measure('respiratory-rate', 'above'), measure('hrv', 'below'), measure('resting-hr', 'above')])).toEqual([
      'skin-temp',
      'respiratory-rate',
      'hrv',
      'resting-hr'
    ])
  })

  it('are none for one vital alone, for the other side of the range, or for SpO2', () => {
    expect(strainSignal([measure('resting-hr', 'above'), measure('hrv', null)])).toBeNull()
    expect(strainSignal([measure('hrv', 'above'), measure('resting-hr', 'below'), measure('skin-temp', 'below')])).toBeNull()
    expect(strainSignal([measure('spo2', 'below'), measure('resting-hr', 'above')])).toBeNull()
  })
})
