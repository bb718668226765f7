import type { Database } from 'better-sqlite3'
import {
  rangeSpecs,
  recoveryZone,
  type Bucket,
  type DashboardData,
  type DashboardRange,
  type DashboardSummary,
  type RecoveryPoint,
  type SleepPoint,
  type SportTotal,
  type StrainPoint,
  type ZoneDays
} from '../../shared/dashboard'
import { baselines } from './baseline'
import { daysFrom, groupByBucket, mean, rollingMean } from './buckets'
import { addDays, daysBetween, localDateOf } from './localDate'

const DAY_MS = 86_400_000

/** Days read before a range starts, so its first rolling averages and baseline are complete. */
const LOOKBACK_DAYS = 29

interface DayRange {
  userId: number
  from: string
  to: string
  bucket: Bucket
  /** The member's date now, in the timezone of their newest cycle. */
  today: string
}

interface RecoveryRow {
  date: string
  score_state: string
  recovery_score: number | null
  hrv_rmssd_milli: number | null
  resting_heart_rate: number | null
  spo2_percentage: number | null
  skin_temp_celsius: number | null
  user_calibrating: number | null
}

interface SleepRow {
  date: string
  nap: number
  score_state: string
  in_bed_ms: number | null
  awake_ms: number | null
  light_ms: number | null
  deep_ms: number | null
  rem_ms: number | null
  need_ms: number | null
  performance_pct: number | null
  efficiency_pct: number | null
  consistency_pct: number | null
  respiratory_rate: number | null
}

interface CycleRow {
  date: string
  score_state: string
  strain: number | null
  kilojoule: number | null
  average_heart_rate: number | null
  max_heart_rate: number | null
}

const flagsOf = (rows: readonly { score_state: string }[]) => ({
  scored: rows.filter((row) => row.score_state === 'SCORED').length,
  pending: rows.filter((row) => row.score_state === 'PENDING_SCORE').length,
  unscorable: rows.filter((row) => row.score_state === 'UNSCORABLE').length
})

const asleepOf = (row: SleepRow) =>
  row.light_ms === null || row.deep_ms === null || row.rem_ms === null ? null : row.light_ms + row.deep_ms + row.rem_ms

/** How many of the days fall in each recovery zone. */
function zoneDaysOf(recoveries: readonly (number | null)[]): ZoneDays {
  const days: ZoneDays = { green: 0, yellow: 0, red: 0 }
  for (const recovery of recoveries) if (recovery !== null) days[recoveryZone(recovery)]++
  return days
}

/** The lowest and highest of the values, or null when there are none. */
function extent(values: readonly (number | null)[]): [number, number] | null {
  const present = values.filter((value) => value !== null)
  return present.length ? [Math.min(...present), Math.max(...present)] : null
}

/** Groups rows by their `date`. */
function byDate<Row extends { date: string }>(rows: readonly Row[]): Map<string, Row[]> {
  const map = new Map<string, Row[]>()
  for (const row of rows) {
    if (!map.has(row.date)) map.set(row.date, [])
    map.get(row.date)!.push(row)
  }
  return map
}

/**
 * The dashboard's figures, aggregated in the main process from SQLite so the renderer draws what it
 * receives: per-bucket series with explicit gaps, totals by sport and heart-rate zone, and summary
 * cards. Each query reads one indexed date range.
 */
export function createDashboardQueries(db: Database) {
  const recoveryRows = db.prepare<[number, string, string], RecoveryRow>(`
    SELECT COALESCE(c.day, s.local_date) AS date, r.score_state, r.recovery_score, r.hrv_rmssd_milli,
           r.resting_heart_rate, r.spo2_percentage, r.skin_temp_celsius, r.user_calibrating
      FROM recovery r
      LEFT JOIN cycle c ON c.id = r.cycle_id
      LEFT JOIN sleep s ON s.id = r.sleep_id
     WHERE r.user_id = ? AND COALESCE(c.day, s.local_date) BETWEEN ? AND ?`)
  const sleepRows = db.prepare<[number, string, string], SleepRow>(`
    SELECT local_date AS date, nap, score_state, in_bed_ms, awake_ms, light_ms, deep_ms, rem_ms, need_ms,
           performance_pct, efficiency_pct, consistency_pct, respiratory_rate
      FROM sleep WHERE user_id = ? AND local_date BETWEEN ? AND ?`)
  const cycleRows = db.prepare<[number, string, string], CycleRow>(`
    SELECT day AS date, score_state, strain, kilojoule, average_heart_rate, max_heart_rate
      FROM cycle WHERE user_id = ? AND day BETWEEN ? AND ?`)
  const sportRows = db.prepare<[number, string, string], SportTotal>(`
    SELECT sport_name AS sport, COUNT(*) AS workouts, SUM(end_ms - start_ms) AS durationMs,
           AVG(strain) AS averageStrain, COUNT(strain) AS scoredWorkouts, COALESCE(SUM(kilojoule), 0) AS kilojoule,
           COALESCE(SUM(distance_meter), 0) AS distanceMeter
      FROM workout WHERE user_id = ? AND local_date BETWEEN ? AND ?
     GROUP BY sport_name ORDER BY workouts DESC, sport_name`)
  const zoneRow = db.prepare<[number, string, string], Record<string, number | null>>(`
    SELECT SUM(zone0_ms) AS z0, SUM(zone1_ms) AS z1, SUM(zone2_ms) AS z2, SUM(zone3_ms) AS z3,
           SUM(zone4_ms) AS z4, SUM(zone5_ms) AS z5
      FROM workout WHERE user_id = ? AND local_date BETWEEN ? AND ?`)
  // Range summaries are means of days, whatever the charts' buckets: each day's mean first (a day can
  // hold two cycles), then the mean of those, so a 2-day month weighs as 2 days and not as 31.
  const rangeMeans = db.prepare<[{ userId: number; from: string; to: string }], Omit<DashboardSummary['range'], 'workouts'>>(`
    WITH recovery_day AS (
           SELECT AVG(r.recovery_score) AS recovery, AVG(r.hrv_rmssd_milli) AS hrv, AVG(r.resting_heart_rate) AS resting_hr
             FROM recovery r
             LEFT JOIN cycle c ON c.id = r.cycle_id
             LEFT JOIN sleep s ON s.id = r.sleep_id
            WHERE r.user_id = @userId AND COALESCE(c.day, s.local_date) BETWEEN @from AND @to
            GROUP BY COALESCE(c.day, s.local_date)),
         night AS (
           SELECT AVG(light_ms + deep_ms + rem_ms) AS asleep_ms
             FROM sleep WHERE user_id = @userId AND nap = 0 AND local_date BETWEEN @from AND @to
            GROUP BY local_date),
         strain_day AS (
           SELECT AVG(strain) AS strain
             FROM cycle WHERE user_id = @userId AND day BETWEEN @from AND @to
            GROUP BY day)
    SELECT (SELECT AVG(recovery) FROM recovery_day) AS recovery,
           (SELECT AVG(hrv) FROM recovery_day) AS hrv,
           (SELECT AVG(resting_hr) FROM recovery_day) AS restingHr,
           (SELECT AVG(asleep_ms) FROM night) AS asleepMs,
           (SELECT AVG(strain) FROM strain_day) AS strain,
           (SELECT COUNT(strain) FROM strain_day) AS daysWithData`)
  const latestCycle = db.prepare<[number], CycleRow & { id: number; timezone_offset: string; end_ms: number | null; woke_ms: number | null }>(`
    SELECT id, end_ms, day AS date,
           (SELECT s.end_ms FROM sleep s WHERE s.cycle_id = cycle.id AND s.nap = 0 ORDER BY s.start_ms LIMIT 1) AS woke_ms, score_state, strain, kilojoule, average_heart_rate, max_heart_rate, timezone_offset
      FROM cycle WHERE user_id = ? ORDER BY start_ms DESC LIMIT 1`)
  const recoveryOfCycle = db.prepare<[number], RecoveryRow>(`
    SELECT NULL AS date, score_state, recovery_score, hrv_rmssd_milli, resting_heart_rate, spo2_percentage,
           skin_temp_celsius, user_calibrating FROM recovery WHERE cycle_id = ?`)
  const latestNight = db.prepare<[number], SleepRow>(`
    SELECT local_date AS date, nap, score_state, in_bed_ms, awake_ms, light_ms, deep_ms, rem_ms, need_ms,
           performance_pct, efficiency_pct, consistency_pct, respiratory_rate
      FROM sleep WHERE user_id = ? AND nap = 0 ORDER BY end_ms DESC LIMIT 1`)
  const bodyOf = db.prepare<[number], { heightMeter: number; weightKilogram: number; maxHeartRate: number }>(
    'SELECT height_meter AS heightMeter, weight_kilogram AS weightKilogram, max_heart_rate AS maxHeartRate FROM body_measurement WHERE user_id = ?'
  )
  const firstDate = db.prepare<[number], { date: string | null }>('SELECT MIN(day) AS date FROM cycle WHERE user_id = ?')
  const account = db.prepare<[number], { is_demo: number }>('SELECT is_demo FROM account WHERE user_id = ?')

  function recoverySeries({ userId, from, to, bucket }: DayRange): RecoveryPoint[] {
    const days = daysFrom(addDays(from, -LOOKBACK_DAYS), to)
    const rows = byDate(recoveryRows.all(userId, days[0], to))
    const daily = (pick: (row: RecoveryRow) => number | null) =>
      days.map((day) => mean((rows.get(day) ?? []).map(pick)))
    const hrv = daily((row) => row.hrv_rmssd_milli)
    const restingHr = daily((row) => row.resting_heart_rate)
    const rolling = {
      hrvAverage7: rollingMean(hrv, 7, 3),
      restingHrAverage7: rollingMean(restingHr, 7, 3),
      hrvBaseline: baselines(hrv).map((baseline) => baseline?.mean ?? null),
      restingHrBaseline: baselines(restingHr).map((baseline) => baseline?.mean ?? null)
    }
    const indexOf = new Map(days.map((day, index) => [day, index]))
    const groups = groupByBucket(days.slice(LOOKBACK_DAYS), bucket, (day) => day)
    const recoveryOfDay = daily((row) => row.recovery_score)
    const spo2 = daily((row) => row.spo2_percentage)
    const skinTemp = daily((row) => row.skin_temp_celsius)
    return [...groups].map(([date, bucketDays]) => {
      const bucketRows = bucketDays.flatMap((day) => rows.get(day) ?? [])
      const of = (series: (number | null)[]) => bucketDays.map((day) => series[indexOf.get(day)!])
      // A week or month is the mean of its days (a day can hold two cycles), as the range summary is.
      const at = (series: (number | null)[]) => mean(of(series))
      return {
        date,
        recovery: at(recoveryOfDay),
        zoneDays: zoneDaysOf(of(recoveryOfDay)),
        hrv: at(hrv),
        restingHr: at(restingHr),
        hrvRange: extent(of(hrv)),
        restingHrRange: extent(of(restingHr)),
        hrvAverage7: at(rolling.hrvAverage7),
        restingHrAverage7: at(rolling.restingHrAverage7),
        hrvBaseline: at(rolling.hrvBaseline),
        restingHrBaseline: at(rolling.restingHrBaseline),
        spo2: at(spo2),
        skinTemp: at(skinTemp),
        calibrating: bucketRows.some((row) => row.user_calibrating === 1),
        ...flagsOf(bucketRows),
        scored: of(recoveryOfDay).filter((value) => value !== null).length
      }
    })
  }

  function sleepSeries({ userId, from, to, bucket }: DayRange): SleepPoint[] {
    const rows = byDate(sleepRows.all(userId, from, to))
    return [...groupByBucket(daysFrom(from, to), bucket, (day) => rows.get(day) ?? [])].map(([date, perDay]) => {
      const all = perDay.flat()
      const nights = all.filter((row) => row.nap === 0)
      const naps = all.filter((row) => row.nap === 1)
      const average = (pick: (row: SleepRow) => number | null) => mean(nights.map(pick))
      return {
        date,
        inBedMs: average((row) => row.in_bed_ms),
        awakeMs: average((row) => row.awake_ms),
        lightMs: average((row) => row.light_ms),
        deepMs: average((row) => row.deep_ms),
        remMs: average((row) => row.rem_ms),
        asleepMs: average(asleepOf),
        needMs: average((row) => row.need_ms),
        performance: average((row) => row.performance_pct),
        efficiency: average((row) => row.efficiency_pct),
        consistency: average((row) => row.consistency_pct),
        respiratoryRate: average((row) => row.respiratory_rate),
        naps: naps.length,
        napMs: naps.reduce((total, row) => total + (row.in_bed_ms ?? 0), 0),
        ...flagsOf(all),
        // The stage means are of nights; naps are counted apart.
        scored: nights.filter((row) => row.score_state === 'SCORED').length
      }
    })
  }

  function strainSeries({ userId, from, to, bucket }: DayRange): StrainPoint[] {
    const cycles = byDate(cycleRows.all(userId, from, to))
    const recoveries = byDate(recoveryRows.all(userId, from, to))
    const groups = groupByBucket(daysFrom(from, to), bucket, (day) => day)
    return [...groups].map(([date, bucketDays]) => {
      const rows = bucketDays.flatMap((day) => cycles.get(day) ?? [])
      // Each day's mean first (a day can hold two cycles), then the mean of the days.
      const ofDays = (pick: (row: CycleRow) => number | null) => bucketDays.map((day) => mean((cycles.get(day) ?? []).map(pick)))
      const strain = ofDays((row) => row.strain)
      return {
        date,
        strain: mean(strain),
        kilojoule: mean(ofDays((row) => row.kilojoule)),
        averageHr: mean(ofDays((row) => row.average_heart_rate)),
        maxHr: mean(ofDays((row) => row.max_heart_rate)),
        recovery: mean(bucketDays.map((day) => mean((recoveries.get(day) ?? []).map((row) => row.recovery_score)))),
        ...flagsOf(rows),
        scored: strain.filter((value) => value !== null).length
      }
    })
  }

  function sportTotals({ userId, from, to }: DayRange): SportTotal[] {
    return sportRows.all(userId, from, to)
  }

  function zoneTotals({ userId, from, to }: DayRange): number[] {
    const row = zoneRow.get(userId, from, to)!
    return ['z0', 'z1', 'z2', 'z3', 'z4', 'z5'].map((zone) => row[zone] ?? 0)
  }

  function summary(range: DayRange, sports: SportTotal[]): DashboardSummary {
    const cycle = latestCycle.get(range.userId)
    const cycleRecovery = cycle ? recoveryOfCycle.get(cycle.id) : undefined
    const night = latestNight.get(range.userId)
    return {
      today: cycle
        ? {
            date: cycle.date,
            daysOld: Math.max(0, daysBetween(cycle.date, range.today)),
            state: cycle.score_state,
            strain: cycle.strain,
            kilojoule: cycle.kilojoule,
            averageHr: cycle.average_heart_rate,
            recovery: cycleRecovery?.recovery_score ?? null,
            recoveryState: cycleRecovery?.score_state ?? null,
            hrv: cycleRecovery?.hrv_rmssd_milli ?? null,
            restingHr: cycleRecovery?.resting_heart_rate ?? null
          }
        : null,
      lastNight: night
        ? {
            date: night.date,
            daysOld: Math.max(0, daysBetween(night.date, range.today)),
            state: night.score_state,
            asleepMs: asleepOf(night),
            inBedMs: night.in_bed_ms,
            needMs: night.need_ms,
            performance: night.performance_pct,
            efficiency: night.efficiency_pct,
            respiratoryRate: night.respiratory_rate
          }
        : null,
      body: bodyOf.get(range.userId) ?? null,
      range: {
        ...rangeMeans.get({ userId: range.userId, from: range.from, to: range.to })!,
        workouts: sports.reduce((total, sport) => total + sport.workouts, 0)
      }
    }
  }

  /**
   * The days a range covers, ending on the member's today (or at the newest record, if later), or on
   * `until` when the person chose to look at the days before it. The member's today is the day of
   * the cycle they are living in, when it is still running and they woke from its sleep within a
   * day: someone still up at 1 a.m. is in the day they woke on, not the next.
   */
  function dayRange(userId: number, range: DashboardRange, now: number, until?: string): DayRange {
    const spec = rangeSpecs[range]
    const cycle = latestCycle.get(userId)
    const running = cycle && cycle.end_ms === null && cycle.woke_ms !== null && now - cycle.woke_ms < DAY_MS
    const today = running ? cycle.date : localDateOf(now, cycle?.timezone_offset ?? 'Z')
    const to = until ?? (cycle && cycle.date > today ? cycle.date : today)
    const from = spec.days === null ? (firstDate.get(userId)?.date ?? to) : addDays(to, -(spec.days - 1))
    return { userId, from: from < to ? from : to, to, bucket: spec.bucket, today }
  }

  return {
    dayRange,
    recoverySeries,
    sleepSeries,
    strainSeries,
    sportTotals,
    zoneTotals,

    /** Everything the dashboard shows for one range, in one call. */
    dashboard(userId: number, range: DashboardRange, now: number, until?: string): DashboardData {
      const days = dayRange(userId, range, now, until)
      const recovery = recoverySeries(days)
      const sleep = sleepSeries(days)
      const strain = strainSeries(days)
      const sports = sportTotals(days)
      return {
        userId,
        isDemo: account.get(userId)?.is_demo === 1,
        range,
        bucket: days.bucket,
        from: days.from,
        to: days.to,
        until: until ?? null,
        recovery,
        sleep,
        strain,
        sports,
        zonesMs: zoneTotals(days),
        summary: summary(days, sports)
      }
    }
  }
}

export type DashboardQueries = ReturnType<typeof createDashboardQueries>
