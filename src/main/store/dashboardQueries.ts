import { createDayTags, type DayTags } from './dayTags'
import type { Database } from 'better-sqlite3'
import {
  rangeSpecs,
  recoveryZone,
  type Bucket,
  type DashboardData,
  type DashboardRange,
  type DashboardSummary,
  type LatestDay,
  type RecoveryPoint,
  type SleepPoint,
  type SportTotal,
  type StrainPoint,
  type ZoneDays
} from '../../shared/dashboard'
import { baselines } from './baseline'
import { bucketLength, daysFrom, groupByBucket, mean, rollingMean } from './buckets'
import { createDailyValues, noCounts, type DailyValues, type DayFigures, type ScoreCounts } from './dailyValues'
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

/** The bucket's means of a day figure, each day's value once (a week or month is the mean of its days). */
const meanOfDays = (days: readonly (DayFigures | undefined)[], pick: (day: DayFigures) => number | null) => mean(days.map((day) => (day ? pick(day) : null)))

/** A sleep figure over the bucket's nights: each day's mean weighed by its nights, as a mean of the nights themselves. */
function meanOfNights(days: readonly (DayFigures | undefined)[], pick: (day: DayFigures) => number | null, nightsOf = (day: DayFigures) => day.nights): number | null {
  let sum = 0
  let nights = 0
  for (const day of days) {
    const value = day ? pick(day) : null
    if (value === null || !day) continue
    sum += value * nightsOf(day)
    nights += nightsOf(day)
  }
  return nights ? sum / nights : null
}

const sumCounts = (counts: readonly ScoreCounts[]): ScoreCounts =>
  counts.reduce((total, count) => ({ scored: total.scored + count.scored, pending: total.pending + count.pending, unscorable: total.unscorable + count.unscorable }), {
    scored: 0,
    pending: 0,
    unscorable: 0
  })

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

/**
 * The dashboard's charts, from the daily values every page reads (dailyValues.ts): what is its own
 * is charting, the buckets of a range and what a bucket adds to its days (zone shares, ranges, the
 * rolling lines), sports and heart-rate zones, the summary cards, and the range's tagged days. The renderer draws what it
 * receives: per-bucket series with explicit gaps.
 */
export function createDashboardQueries(db: Database, daily: DailyValues = createDailyValues(db), tags: DayTags = createDayTags(db)) {
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
  const latestCycle = db.prepare<[number], { id: number; date: string; score_state: string; end_ms: number | null; timezone_offset: string; woke_ms: number | null }>(`
    SELECT id, day AS date, score_state, end_ms, timezone_offset,
           (SELECT s.end_ms FROM sleep s WHERE s.cycle_id = cycle.id AND s.nap = 0 ORDER BY s.start_ms LIMIT 1) AS woke_ms
      FROM cycle WHERE user_id = ? ORDER BY start_ms DESC LIMIT 1`)
  const recoveryStateOf = db.prepare<[number], { score_state: string }>('SELECT score_state FROM recovery WHERE cycle_id = ?')
  const latestNight = db.prepare<[number], { date: string; score_state: string }>(
    'SELECT local_date AS date, score_state FROM sleep WHERE user_id = ? AND nap = 0 ORDER BY end_ms DESC LIMIT 1'
  )
  const bodyOf = db.prepare<[number], { heightMeter: number; weightKilogram: number; maxHeartRate: number }>(
    'SELECT height_meter AS heightMeter, weight_kilogram AS weightKilogram, max_heart_rate AS maxHeartRate FROM body_measurement WHERE user_id = ?'
  )
  const firstDate = db.prepare<[number], { date: string | null }>('SELECT MIN(day) AS date FROM cycle WHERE user_id = ?')
  const account = db.prepare<[number], { is_demo: number }>('SELECT is_demo FROM account WHERE user_id = ?')

  /**
   * The days a range's series read: its own and the 29 before (for the first rolling averages and
   * baseline), read once for every series of the range.
   */
  const valuesFor = ({ userId, from, to }: DayRange) => daily.between(userId, addDays(from, -LOOKBACK_DAYS), to)

  /** The range's days, grouped into its buckets, each day with its figures (undefined: nothing stored). */
  function bucketsOf(range: DayRange) {
    const values = valuesFor(range)
    return groupByBucket(daysFrom(range.from, range.to), range.bucket, (day) => values.get(day))
  }

  function recoverySeries(range: DayRange): RecoveryPoint[] {
    const days = daysFrom(addDays(range.from, -LOOKBACK_DAYS), range.to)
    const values = valuesFor(range)
    const byDay = (metric: 'recovery' | 'hrv' | 'resting-hr' | 'spo2' | 'skin-temp') => days.map((day) => values.get(day)?.[metric] ?? null)
    const hrv = byDay('hrv')
    const restingHr = byDay('resting-hr')
    const rolling = {
      hrvAverage7: rollingMean(hrv, 7, 3),
      restingHrAverage7: rollingMean(restingHr, 7, 3),
      hrvBaseline: baselines(hrv).map((baseline) => baseline?.mean ?? null),
      restingHrBaseline: baselines(restingHr).map((baseline) => baseline?.mean ?? null)
    }
    const recovery = byDay('recovery')
    const spo2 = byDay('spo2')
    const skinTemp = byDay('skin-temp')
    const indexOf = new Map(days.map((day, index) => [day, index]))
    return [...groupByBucket(days.slice(LOOKBACK_DAYS), range.bucket, (day) => day)].map(([date, bucketDays]) => {
      const of = (series: (number | null)[]) => bucketDays.map((day) => series[indexOf.get(day)!])
      // A week or month is the mean of its days (a day can hold two cycles), as the range summary is.
      const at = (series: (number | null)[]) => mean(of(series))
      const figures = bucketDays.map((day) => values.get(day))
      return {
        date,
        recovery: at(recovery),
        zoneDays: zoneDaysOf(of(recovery)),
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
        calibrating: figures.some((day) => day?.calibrating),
        ...sumCounts(figures.map((day) => day?.recoveries ?? noCounts)),
        scored: of(recovery).filter((value) => value !== null).length,
        partial: bucketDays.length < bucketLength(date, range.bucket)
      }
    })
  }

  function sleepSeries(range: DayRange): SleepPoint[] {
    return [...bucketsOf(range)].map(([date, days]) => {
      // A night's stages are means of the bucket's nights; naps are counted apart.
      const night = (pick: (day: DayFigures) => number | null) => meanOfNights(days, pick)
      return {
        date,
        inBedMs: night((day) => day.inBed),
        awakeMs: night((day) => day.awake),
        lightMs: night((day) => day.light),
        deepMs: night((day) => day.deep),
        remMs: night((day) => day.rem),
        asleepMs: night((day) => day.asleep),
        needMs: night((day) => day.need),
        performance: night((day) => day['sleep-performance']),
        efficiency: night((day) => day.efficiency),
        consistency: meanOfNights(days, (day) => day.consistency, (day) => day.consistencyNights),
        respiratoryRate: night((day) => day['respiratory-rate']),
        naps: days.reduce((total, day) => total + (day?.naps ?? 0), 0),
        napMs: days.reduce((total, day) => total + (day?.napMs ?? 0), 0),
        ...sumCounts(days.map((day) => day?.sleeps ?? noCounts)),
        scored: days.reduce((total, day) => total + (day?.nights ?? 0), 0),
        partial: days.length < bucketLength(date, range.bucket)
      }
    })
  }

  function strainSeries(range: DayRange): StrainPoint[] {
    return [...bucketsOf(range)].map(([date, days]) => ({
      date,
      strain: meanOfDays(days, (day) => day.strain),
      kilojoule: meanOfDays(days, (day) => day.energy),
      averageHr: meanOfDays(days, (day) => day.averageHr),
      maxHr: meanOfDays(days, (day) => day.maxHr),
      recovery: meanOfDays(days, (day) => day.recovery),
      ...sumCounts(days.map((day) => day?.cycles ?? noCounts)),
      scored: days.filter((day) => day?.strain !== null && day?.strain !== undefined).length,
      partial: days.length < bucketLength(date, range.bucket)
    }))
  }

  function sportTotals({ userId, from, to }: DayRange): SportTotal[] {
    return sportRows.all(userId, from, to)
  }

  function zoneTotals({ userId, from, to }: DayRange): number[] {
    const row = zoneRow.get(userId, from, to)!
    return ['z0', 'z1', 'z2', 'z3', 'z4', 'z5'].map((zone) => row[zone] ?? 0)
  }

  /** The newest day with data, and how old it is on the member's today (the range's `today`). */
  function latestDay({ userId, today }: DayRange): LatestDay | null {
    const days = [latestCycle.get(userId)?.date, latestNight.get(userId)?.date].filter((date) => date !== undefined)
    if (days.length === 0) return null
    const date = days.sort().at(-1)!
    return { date, daysOld: Math.max(0, daysBetween(date, today)) }
  }

  function summary(range: DayRange, sports: SportTotal[]): DashboardSummary {
    const cycle = latestCycle.get(range.userId)
    const night = latestNight.get(range.userId)
    const dayOf = (date: string) => daily.of(range.userId, date)
    const today = cycle && dayOf(cycle.date)
    const lastNight = night && dayOf(night.date)
    const values = valuesFor(range)
    const days = daysFrom(range.from, range.to).flatMap((date) => values.get(date) ?? [])
    return {
      today: cycle
        ? {
            date: cycle.date,
            daysOld: Math.max(0, daysBetween(cycle.date, range.today)),
            state: cycle.score_state,
            strain: today?.strain ?? null,
            kilojoule: today?.energy ?? null,
            averageHr: today?.averageHr ?? null,
            recovery: today?.recovery ?? null,
            recoveryState: recoveryStateOf.get(cycle.id)?.score_state ?? null,
            hrv: today?.hrv ?? null,
            restingHr: today?.['resting-hr'] ?? null
          }
        : null,
      lastNight: night
        ? {
            date: night.date,
            daysOld: Math.max(0, daysBetween(night.date, range.today)),
            state: night.score_state,
            asleepMs: lastNight?.asleep ?? null,
            inBedMs: lastNight?.inBed ?? null,
            needMs: lastNight?.need ?? null,
            performance: lastNight?.['sleep-performance'] ?? null,
            efficiency: lastNight?.efficiency ?? null,
            respiratoryRate: lastNight?.['respiratory-rate'] ?? null
          }
        : null,
      body: bodyOf.get(range.userId) ?? null,
      // Means of the range's days, whatever the charts' buckets: a 2-day month weighs as 2 days and not as 31.
      range: {
        recovery: meanOfDays(days, (day) => day.recovery),
        hrv: meanOfDays(days, (day) => day.hrv),
        restingHr: meanOfDays(days, (day) => day['resting-hr']),
        asleepMs: meanOfDays(days, (day) => day.asleep),
        strain: meanOfDays(days, (day) => day.strain),
        daysWithData: days.filter((day) => day.strain !== null).length,
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
    latestDay,
    /** The day Today opens on: the newest cycle's (the dashboard summary's `today`). */
    todayDate: (userId: number): string | undefined => latestCycle.get(userId)?.date,
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
        latest: latestDay(days),
        recovery,
        sleep,
        strain,
        sports,
        zonesMs: zoneTotals(days),
        summary: summary(days, sports),
        tags: tags.taggedDays(userId, days.from, days.to)
      }
    }
  }
}

export type DashboardQueries = ReturnType<typeof createDashboardQueries>
