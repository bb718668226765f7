import type { MemberHistory } from '../../src/main/demo/memberHistory'
import { cycleDay, memberDate } from './memberDays'

/**
 * The member's figures by day and by month, worked out by the tests from the WHOOP records alone,
 * by the definitions the app states (a day is the day its member woke; a week or month is the mean
 * of its days; a night's stages are means over the bucket's main sleeps), never by the app's code.
 */

export type Bucket = 'day' | 'month'

/** Every value of a measure, by the day it belongs to. */
export type DaySeries = Map<string, number[]>

const meanOf = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / values.length

function collect<T>(records: readonly T[], dayOf: (record: T) => string, valueOf: (record: T) => number | null | undefined): DaySeries {
  const series: DaySeries = new Map()
  for (const record of records) {
    const value = valueOf(record)
    if (value === null || value === undefined) continue
    const day = dayOf(record)
    series.set(day, [...(series.get(day) ?? []), value])
  }
  return series
}

/** Each day's mean (a day can hold two cycles). */
export const dayMeans = (series: DaySeries) => new Map([...series].map(([day, values]) => [day, meanOf(values)]))

/** The first day of the bucket a day falls in. */
const bucketOf = (day: string, bucket: Bucket) => (bucket === 'day' ? day : `${day.slice(0, 7)}-01`)

/** The days of `series` in the bucket starting `date`, and within the range `from`…`to`. */
export function daysIn(series: DaySeries, date: string, bucket: Bucket, from: string, to: string): string[] {
  return [...series.keys()].filter((day) => bucketOf(day, bucket) === date && day >= from && day <= to).sort()
}

/** The mean of the bucket's day means, or null when it has no day with a value. */
export function bucketMean(series: DaySeries, date: string, bucket: Bucket, from: string, to: string): number | null {
  const means = dayMeans(series)
  const days = daysIn(series, date, bucket, from, to)
  return days.length ? meanOf(days.map((day) => means.get(day)!)) : null
}

/** The mean of all values (not of day means) of the bucket: sleep stages are means of nights. */
export function bucketMeanOfValues(series: DaySeries, date: string, bucket: Bucket, from: string, to: string): number | null {
  const values = daysIn(series, date, bucket, from, to).flatMap((day) => series.get(day)!)
  return values.length ? meanOf(values) : null
}

/** The range's buckets with a value, newest first. */
export function bucketsWithData(series: DaySeries, bucket: Bucket, from: string, to: string): string[] {
  const days = [...series.keys()].filter((day) => day >= from && day <= to)
  return [...new Set(days.map((day) => bucketOf(day, bucket)))].sort().reverse()
}

export const addDays = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)

/**
 * The rolling mean of day means over `window` days ending on `day`, from at least `minimum` days with
 * a value: the 7-day average (3 days) and the 30-day baseline (7 days).
 */
export function rollingMeanOn(series: DaySeries, day: string, window: number, minimum: number): number | null {
  const means = dayMeans(series)
  const values = Array.from({ length: window }, (_, back) => means.get(addDays(day, -back))).filter((value) => value !== undefined)
  return values.length >= minimum ? meanOf(values) : null
}

/** Every measure the dashboard charts, by day. */
export function memberFigures(history: MemberHistory) {
  const dayOfCycle = new Map(history.cycles.map((cycle) => [cycle.id, cycleDay(history, cycle.id)]))
  const scoredRecoveries = history.recoveries.filter((r) => r.score_state === 'SCORED')
  const recoveryDay = (r: (typeof scoredRecoveries)[number]) => dayOfCycle.get(r.cycle_id)!
  const cycles = history.cycles.filter((cycle) => cycle.score_state === 'SCORED')
  const cycleDayOf = (cycle: (typeof cycles)[number]) => dayOfCycle.get(cycle.id)!
  const nights = history.sleeps.filter((sleep) => !sleep.nap && sleep.score_state === 'SCORED')
  // Every nap counts, scored or not: an unscored one has no time in bed yet.
  const naps = history.sleeps.filter((sleep) => sleep.nap)
  const wokeOn = (sleep: (typeof nights)[number]) => memberDate(Date.parse(sleep.end), sleep.timezone_offset)
  const stage = (pick: (stages: NonNullable<(typeof nights)[number]['score']>['stage_summary']) => number) =>
    collect(nights, wokeOn, (sleep) => pick(sleep.score!.stage_summary))
  return {
    recovery: collect(scoredRecoveries, recoveryDay, (r) => r.score!.recovery_score),
    hrv: collect(scoredRecoveries, recoveryDay, (r) => r.score!.hrv_rmssd_milli),
    restingHr: collect(scoredRecoveries, recoveryDay, (r) => r.score!.resting_heart_rate),
    spo2: collect(scoredRecoveries, recoveryDay, (r) => r.score!.spo2_percentage),
    skinTemp: collect(scoredRecoveries, recoveryDay, (r) => r.score!.skin_temp_celsius),
    deep: stage((s) => s.total_slow_wave_sleep_time_milli),
    rem: stage((s) => s.total_rem_sleep_time_milli),
    light: stage((s) => s.total_light_sleep_time_milli),
    awake: stage((s) => s.total_awake_time_milli),
    asleep: stage((s) => s.total_slow_wave_sleep_time_milli + s.total_rem_sleep_time_milli + s.total_light_sleep_time_milli),
    need: collect(nights, wokeOn, ({ score }) => {
      const need = score!.sleep_needed
      return need.baseline_milli + need.need_from_sleep_debt_milli + need.need_from_recent_strain_milli + need.need_from_recent_nap_milli
    }),
    naps: collect(naps, wokeOn, (nap) => nap.score?.stage_summary.total_in_bed_time_milli ?? 0),
    performance: collect(nights, wokeOn, (sleep) => sleep.score!.sleep_performance_percentage),
    efficiency: collect(nights, wokeOn, (sleep) => sleep.score!.sleep_efficiency_percentage),
    consistency: collect(nights, wokeOn, (sleep) => sleep.score!.sleep_consistency_percentage),
    respiratoryRate: collect(nights, wokeOn, (sleep) => sleep.score!.respiratory_rate),
    strain: collect(cycles, cycleDayOf, (cycle) => cycle.score!.strain),
    kilojoule: collect(cycles, cycleDayOf, (cycle) => cycle.score!.kilojoule),
    averageHr: collect(cycles, cycleDayOf, (cycle) => cycle.score!.average_heart_rate),
    maxHr: collect(cycles, cycleDayOf, (cycle) => cycle.score!.max_heart_rate),
    /** Workouts by the day they started on. */
    workouts: history.workouts.map((workout) => ({ ...workout, day: memberDate(Date.parse(workout.start), workout.timezone_offset) }))
  }
}

export type MemberFigures = ReturnType<typeof memberFigures>
