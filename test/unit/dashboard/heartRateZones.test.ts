import { describe, expect, it } from 'vitest'
import { heartRateZones, zoneBpmText, zoneShareText } from '../../../src/shared/heartRateZones'
import { zonesByCounting } from '../../support/fixtures/heartRateZones'

describe('heart-rate zones from the max heart rate', () => {
  it.each([194, 200, 187, 160, 211])('put every whole heart rate up to %i bpm in exactly one zone, by its share of the max', (max) => {
    const counted = zonesByCounting(max)
    expect(heartRateZones(max).map(({ lowBpm, highBpm }) => [lowBpm, highBpm])).toEqual(counted.map(({ low, high }, zone) => [zone === 0 ? null : low, high]))
  })

  it('read as a person reads them', () => {
    // 50% of 194 is 97, 60% is 116.4, 90% is 174.6.
    const zones = heartRateZones(194)
    expect(zones.map(zoneBpmText)).toEqual(['under 97 bpm', '97–116 bpm', '117–135 bpm', '136–155 bpm', '156–174 bpm', '175–194 bpm'])
    expect(zones.map(zoneShareText)).toEqual([
      'under 50% of max HR',
      '50–60% of max HR',
      '60–70% of max HR',
      '70–80% of max HR',
      '80–90% of max HR',
      '90–100% of max HR'
    ])
  })
})
