import type { TaggedDay } from './tags'
export const dashboardRanges = ['1w', '1m', '3m', '6m', '1y', 'all'] as const
export type DashboardRange = (typeof dashboardRanges)[number]
export type Bucket = 'day' | 'week' | 'month'

/** Days shown per range (`null`: the whole history) and how they are grouped on the chart. */
export const rangeSpecs: Record<DashboardRange, { days: number | null; bucket: Bucket; label: string }> = {
  '1w': { days: 7, bucket: 'day', label: '1W' },
  '1m': { days: 30, bucket: 'day', label: '1M' },
  '3m': { days: 91, bucket: 'day', label: '3M' },
  '6m': { days: 182, bucket: 'week', label: '6M' },
  '1y': { days: 365, bucket: 'week', label: '1Y' },
  all: { days: null, bucket: 'month', label: 'All' }
}

/**
 * Every series has one point per bucket from `from` to `to`; a bucket without data has `null`
 * values (a gap), never zeros. `pending` and `unscorable` count records WHOOP has not scored.
 */
interface BucketFlags {
  /** First day of the bucket (YYYY-MM-DD). */
  date: string
  /**
   * What the bucket's means are of: days with a scored value (a week's or month's value is the mean
   * of its days' means), or scored nights for sleep.
   */
  scored: number
  pending: number
  unscorable: number
  /** The range holds only some of its days: the week or month so far, or one cut by the range's start. */
  partial: boolean
}

export type RecoveryZone = 'green' | 'yellow' | 'red'

/** WHOOP's recovery zones: green 67–100 %, yellow 34–66 %, red 0–33 %. */
export function recoveryZone(recovery: number): RecoveryZone {
  return recovery >= 67 ? 'green' : recovery >= 34 ? 'yellow' : 'red'
}

/** Days by recovery zone. */
export interface ZoneDays {
  green: number
  yellow: number
  red: number
}

export interface RecoveryPoint extends BucketFlags {
  recovery: number | null
  /** The bucket's days with a recovery, by zone: a week or month is more than its mean. */
  zoneDays: ZoneDays
  hrv: number | null
  restingHr: number | null
  /** The lowest and highest day of the bucket (the day itself for a day bucket). */
  hrvRange: [number, number] | null
  restingHrRange: [number, number] | null
  /** 7-day rolling averages. */
  hrvAverage7: number | null
  restingHrAverage7: number | null
  /** 30-day rolling averages: the member's personal baseline. */
  hrvBaseline: number | null
  restingHrBaseline: number | null
  spo2: number | null
  skinTemp: number | null
  calibrating: boolean
}

export interface SleepPoint extends BucketFlags {
  /** Per night (average over the bucket's nights), main sleeps only, milliseconds. */
  inBedMs: number | null
  awakeMs: number | null
  lightMs: number | null
  deepMs: number | null
  remMs: number | null
  asleepMs: number | null
  needMs: number | null
  performance: number | null
  efficiency: number | null
  consistency: number | null
  respiratoryRate: number | null
  naps: number
  /** Time asleep in the bucket's naps (a nap WHOOP has not scored counts none). */
  napMs: number
}

export interface StrainPoint extends BucketFlags {
  strain: number | null
  kilojoule: number | null
  averageHr: number | null
  maxHr: number | null
  /** Recovery of the same days, to overlay on strain. */
  recovery: number | null
}

export interface SportTotal {
  sport: string
  workouts: number
  durationMs: number
  /** Over the workouts WHOOP scored (`scoredWorkouts` of them). */
  averageStrain: number | null
  scoredWorkouts: number
  kilojoule: number
  /** Where WHOOP recorded distance (GPS), in meters. */
  distanceMeter: number
}

/** The newest day with data: the later of the newest cycle's day and the newest night's. */
export interface LatestDay {
  date: string
  /** Days between `date` and the member's today: 0 today, 1 yesterday. */
  daysOld: number
}

export interface DashboardSummary {
  /** The newest day with a cycle ("today" only when `daysOld` is 0). */
  today: {
    date: string
    /** Days between `date` and the member's today: 0 today, 1 yesterday. */
    daysOld: number
    state: string
    strain: number | null
    kilojoule: number | null
    averageHr: number | null
    recovery: number | null
    recoveryState: string | null
    hrv: number | null
    restingHr: number | null
  } | null
  /** The newest main sleep, dated by the day it ended ("last night" only when `daysOld` is 0). */
  lastNight: {
    date: string
    daysOld: number
    state: string
    asleepMs: number | null
    inBedMs: number | null
    needMs: number | null
    performance: number | null
    efficiency: number | null
    respiratoryRate: number | null
  } | null
  /** The member's latest body measurements, if WHOOP has them. */
  body: { heightMeter: number; weightKilogram: number; maxHeartRate: number } | null
  /** Means of the range's days (not of its week or month buckets), and how many days had data. */
  range: {
    recovery: number | null
    hrv: number | null
    restingHr: number | null
    asleepMs: number | null
    strain: number | null
    workouts: number
    daysWithData: number
  }
}

export interface DashboardData {
  userId: number
  isDemo: boolean
  range: DashboardRange
  bucket: Bucket
  from: string
  to: string
  /** The day the person chose the range to end on (the newest data, when it is old), else `null`: today. */
  until: string | null
  latest: LatestDay | null
  recovery: RecoveryPoint[]
  sleep: SleepPoint[]
  strain: StrainPoint[]
  sports: SportTotal[]
  /** Time in heart-rate zones 0–5 over all workouts of the range, milliseconds. */
  zonesMs: number[]
  summary: DashboardSummary
  /** The range's days the person tagged (the charts mark them). */
  tags: TaggedDay[]
}
