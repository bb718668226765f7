/**
 * WHOOP's heart-rate zones as shares of the member's max heart rate: zone 0 below 50%, then a zone
 * for every 10 points up to 100%. WHOOP's API reports the time in each (`ZoneDurations`, zone_zero
 * to zone_five) and refers to its article "Training with Heart Rate Zones"
 * (whoop.com/thelocker/max-heart-rate-training-zones) for what they are, whose Activity Details
 * screen lists zone 1 as 50–60% up to zone 5 as 90–100%; the max heart rate is the body
 * measurement's `max_heart_rate`.
 */
const ZONE_FLOORS_PERCENT = [0, 50, 60, 70, 80, 90] as const

/** A zone's heart rates in whole beats per minute, both ends included; zone 0 has no lower end. */
export interface HeartRateZone {
  zone: number
  fromPercent: number
  toPercent: number
  lowBpm: number | null
  highBpm: number
}

/** The six zones for a max heart rate: a heart rate belongs to the zone whose share it reaches. */
export function heartRateZones(maxHeartRate: number): HeartRateZone[] {
  // The lowest whole heart rate at `percent` of the max, in integers so no rounding moves a bound.
  const lowest = (percent: number) => Math.ceil((percent * maxHeartRate) / 100)
  return ZONE_FLOORS_PERCENT.map((fromPercent, zone) => {
    const toPercent = ZONE_FLOORS_PERCENT[zone + 1] ?? 100
    return {
      zone,
      fromPercent,
      toPercent,
      lowBpm: zone === 0 ? null : lowest(fromPercent),
      highBpm: zone === 5 ? maxHeartRate : lowest(toPercent) - 1
    }
  })
}

/** "97–116 bpm", "under 97 bpm". */
export function zoneBpmText({ lowBpm, highBpm }: HeartRateZone): string {
  return lowBpm === null ? `under ${highBpm + 1} bpm` : `${lowBpm}–${highBpm} bpm`
}

/** "50–60% of max HR", "under 50% of max HR". */
export function zoneShareText({ zone, fromPercent, toPercent }: HeartRateZone): string {
  return zone === 0 ? `under ${toPercent}% of max HR` : `${fromPercent}–${toPercent}% of max HR`
}
