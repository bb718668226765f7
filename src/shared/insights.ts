import type { LatestDay } from './dashboard'
import type { TaggedDay } from './tags'

/*
 * What the day view, the trends, the insights and the monthly report show. The main process
 * computes every figure (src/main/insights); the pages and the MCP server only present them.
 */

/** Every measure a day has, one value per day (a day holding two cycles gets their mean). */
export const trendMetrics = [
  'recovery',
  'hrv',
  'resting-hr',
  'respiratory-rate',
  'spo2',
  'skin-temp',
  'asleep',
  'sleep-performance',
  'consistency',
  'efficiency',
  'strain',
  'energy',
  'workouts'
] as const
export type TrendMetric = (typeof trendMetrics)[number]

/**
 * How each measure is named and in what unit its values are (before the page converts to the
 * person's units: °C, kJ and milliseconds are stored). A `sum` measure adds its days up over a
 * period (workouts); the others take the mean of their days.
 */
export const metricSpecs: Record<TrendMetric, { label: string; unit: string; digits: number; aggregate: 'mean' | 'sum' }> = {
  recovery: { label: 'Recovery', unit: '%', digits: 0, aggregate: 'mean' },
  hrv: { label: 'HRV', unit: 'ms', digits: 0, aggregate: 'mean' },
  'resting-hr': { label: 'Resting heart rate', unit: 'bpm', digits: 0, aggregate: 'mean' },
  'respiratory-rate': { label: 'Respiratory rate', unit: 'rpm', digits: 1, aggregate: 'mean' },
  spo2: { label: 'Blood oxygen (SpO2)', unit: '%', digits: 1, aggregate: 'mean' },
  'skin-temp': { label: 'Skin temperature', unit: '°C', digits: 1, aggregate: 'mean' },
  asleep: { label: 'Hours asleep', unit: 'ms', digits: 0, aggregate: 'mean' },
  'sleep-performance': { label: 'Sleep performance', unit: '%', digits: 0, aggregate: 'mean' },
  consistency: { label: 'Sleep consistency', unit: '%', digits: 0, aggregate: 'mean' },
  efficiency: { label: 'Sleep efficiency', unit: '%', digits: 0, aggregate: 'mean' },
  strain: { label: 'Day strain', unit: 'strain', digits: 1, aggregate: 'mean' },
  energy: { label: 'Energy', unit: 'kJ', digits: 0, aggregate: 'mean' },
  workouts: { label: 'Workouts', unit: 'workouts', digits: 0, aggregate: 'sum' }
}

export type DayValues = Record<TrendMetric, number | null>

export const trendRanges = ['1m', '3m', '6m', '1y', 'all'] as const
export type TrendRange = (typeof trendRanges)[number]
export const trendRangeDays: Record<TrendRange, number | null> = { '1m': 30, '3m': 91, '6m': 182, '1y': 365, all: null }

/**
 * The person's usual level on a day: the mean of the 30 days ending on it (at least 7 with a value)
 * and the usual range around it, one standard deviation of those days either side.
 */
export interface Baseline {
  mean: number
  low: number
  high: number
}

export type ScoreState = 'scored' | 'pending' | 'unscorable'

/** One recovery measure of a day against the person's baseline. */
export interface AgainstBaseline {
  metric: TrendMetric
  value: number | null
  baseline: Baseline | null
  /** `value - baseline.mean`. */
  difference: number | null
  /** Whether the value is outside the usual range, and on which side. */
  outside: 'above' | 'below' | null
}

/** A time of day in the record's own time zone: `2024-06-24T22:41` and its offset. */
export interface LocalTime {
  local: string
  offset: string
}

export interface SleepNeedParts {
  baselineMs: number
  debtMs: number
  strainMs: number
  napMs: number
}

export interface DaySleep {
  nap: boolean
  state: ScoreState
  start: LocalTime
  end: LocalTime
  inBedMs: number | null
  asleepMs: number | null
  awakeMs: number | null
  lightMs: number | null
  deepMs: number | null
  remMs: number | null
  needMs: number | null
  /** As WHOOP's API reports them; WHOOP's CSV export has only the total. */
  needParts: SleepNeedParts | null
  performance: number | null
  efficiency: number | null
  consistency: number | null
  respiratoryRate: number | null
  disturbances: number | null
  sleepCycles: number | null
}

export interface DayWorkout {
  /** The day it started, in its own time zone. */
  date: string
  sport: string
  state: ScoreState
  start: LocalTime
  end: LocalTime
  durationMs: number
  strain: number | null
  kilojoule: number | null
  averageHr: number | null
  maxHr: number | null
  /** Time in heart-rate zones 0–5, or null when WHOOP has not scored the workout. */
  zonesMs: number[] | null
  distanceMeter: number | null
  altitudeGainMeter: number | null
}

interface JournalAnswer {
  question: string
  answeredYes: boolean | null
  notes: string | null
  /** The morning it was given (the day after the day it tells of). */
  answeredOn: string
}

export interface DayDetail {
  date: string
  /** The first and last day of the stored history, so the page knows where ← and → stop. */
  firstDate: string
  lastDate: string
  recovery: {
    state: ScoreState
    score: number | null
    calibrating: boolean
    measures: AgainstBaseline[]
    /**
     * The vitals outside their usual range on the side that goes with strain or illness (resting
     * heart rate, respiratory rate or skin temperature up, HRV down), when two or more are; else null.
     */
    strainSignal: TrendMetric[] | null
  } | null
  sleep: DaySleep | null
  naps: DaySleep[]
  strain: {
    state: ScoreState
    /** Whether the day's cycle is still running: its strain is so far. */
    open: boolean
    strain: number | null
    kilojoule: number | null
    averageHr: number | null
    maxHr: number | null
  } | null
  workouts: DayWorkout[]
  /** The member's max heart rate (WHOOP's body measurement), for the zones' heart rates; null until WHOOP sends it. */
  maxHeartRate: number | null
  /** The journal answers about this day (given the next morning). */
  journal: JournalAnswer[]
  /** The tags the person put on this day, in alphabetical order. */
  tags: string[]
  /**
   * This morning's yes-answers (about the day before) to questions with a clear difference, and
   * yesterday's tags with one, each with its clear differences.
   */
  findings: { kind: JournalInsight['kind']; question: string; effects: InsightEffect[] }[]
  /** Whether any journal answer is stored at all (they come only from WHOOP's export). */
  hasJournal: boolean
}

interface TrendPoint {
  date: string
  value: number | null
  baseline: Baseline | null
  /** What the chart draws: the value, or for skin temperature its difference from the baseline. */
  plotted: number | null
  /** The mean of `plotted` over the 7 days ending on this one (at least 4 with a value). */
  smoothed: number | null
}

/** A week or month of a trend: the mean of its days (or their sum) and the middle half of them. */
export interface TrendPeriod {
  /** Its first day (a Monday, or the 1st). */
  period: string
  value: number | null
  /** The 25th and 75th percentiles of its days; `null` for a sum or a period without days. */
  low: number | null
  high: number | null
  /** Its days with a value. */
  days: number
  /** Cut by the range's first or last day: fewer days than a whole week or month. */
  partial: boolean
}

export interface ZoneShare {
  /** First day of the week (Monday) or month. */
  period: string
  green: number
  yellow: number
  red: number
}

export interface PeriodFigure {
  from: string
  to: string
  /** The mean of the days with a value (or their sum, for a `sum` measure). */
  value: number | null
  days: number
}

/** A trend's figures, whatever range or days they were asked for. */
export type TrendFigures = Omit<Trend, 'range' | 'until' | 'latest' | 'tags'>

export interface Trend {
  metric: TrendMetric
  range: TrendRange
  /** The day the person chose the range to end on, else `null`: today (or the newest data, when later). */
  until: string | null
  latest: LatestDay | null
  current: PeriodFigure
  /** The period of the same length just before. */
  previous: PeriodFigure
  difference: number | null
  /** The difference as a share of the previous period's value, in %. */
  percent: number | null
  points: TrendPoint[]
  /** Whether `plotted` is the value itself or its difference from the baseline (skin temperature, as WHOOP shows it). */
  plotted: 'value' | 'difference-from-baseline'
  /** Beyond three months: the plotted values by week and by month. */
  periods: { week: TrendPeriod[]; month: TrendPeriod[] } | null
  /** Recovery only: the days of each week (up to 3 months) or month by zone. */
  zoneShares: ZoneShare[] | null
  zonePeriod: 'week' | 'month' | null
  /** Recovery only: every day of the year ending on the range's last day. */
  calendar: { date: string; recovery: number | null }[] | null
  /** The range's days the person tagged (the chart marks them). */
  tags: TaggedDay[]
}

export const insightOutcomes = ['recovery', 'hrv', 'resting-hr', 'sleep-performance'] as const
export type InsightOutcome = (typeof insightOutcomes)[number]

/**
 * A measure on the mornings after days answered yes against after days answered no: Welch's t,
 * its 95 % interval and p-value, Hedges' g, and the Benjamini–Hochberg q-value over every
 * comparison made.
 */
export interface InsightEffect {
  outcome: InsightOutcome
  yesDays: number
  noDays: number
  yesMean: number
  noMean: number
  /** `yesMean - noMean`. */
  difference: number
  low: number
  high: number
  p: number
  q: number
  /** The difference in pooled standard deviations, corrected for small samples. */
  hedgesG: number
  /** Whether the difference survives the correction for the number of comparisons (q ≤ the false discovery rate). */
  clear: boolean
}

export interface JournalInsight {
  /** A question of WHOOP's journal, or a tag the person puts on days (`question` is then the tag). */
  kind: 'journal' | 'tag'
  question: string
  yesDays: number
  noDays: number
  /** Empty when the question has fewer than the needed days on either side. */
  effects: InsightEffect[]
}

/** A correlation coefficient with its 95 % interval (Fisher's z). */
export interface Correlation {
  r: number
  low: number
  high: number
}

/**
 * Two daily measures side by side over a range: each day's pair (the second measure of the next
 * morning when asked), Pearson's and Spearman's r with their 95 % intervals, a least-squares line,
 * and both measures by day for drawing one above the other.
 */
export interface Comparison {
  x: TrendMetric
  y: TrendMetric
  /** Whether `y` is read on the morning after each day of `x`. */
  nextMorning: boolean
  range: TrendRange
  from: string
  to: string
  /** The days with both values (`y` of the next morning when asked): what r is computed from. */
  points: { date: string; x: number; y: number }[]
  /** Null with fewer than 4 pairs, or when a measure does not vary. */
  pearson: Correlation | null
  spearman: Correlation | null
  fit: { slope: number; intercept: number } | null
  /** Each day of the range with both measures' values (`y` of that day, not the next). */
  days: { date: string; x: number | null; y: number | null }[]
}

/** Day strain against next morning's recovery: a least-squares line and its 95 % band. */
export interface StrainRecoveryFit {
  points: { strain: number; recovery: number; date: string }[]
  slope: number
  intercept: number
  /** The slope's 95 % interval. */
  slopeLow: number
  slopeHigh: number
  /** The fitted mean recovery and its 95 % band at each strain from 0 to 21. */
  band: { strain: number; fit: number; low: number; high: number }[]
}

export interface Insights {
  /** Days needed on each side before a question is compared. */
  minimumDays: number
  /** How many differences were tested (questions × measures), and the false discovery rate they were corrected to. */
  comparisons: number
  falseDiscoveryRate: number
  questions: JournalInsight[]
  hasJournal: boolean
  strainRecovery: StrainRecoveryFit | null
}

interface SportMonth {
  sport: string
  workouts: number
  durationMs: number
  strain: number | null
}

/** A day of a report's month: what its zone strip and notable days are made of. */
export interface ReportDay {
  date: string
  recovery: number | null
  strain: number | null
  /** Time asleep (main sleeps and naps) and the sleep needed, in ms. */
  asleep: number | null
  need: number | null
}

/** A week of a report's month (its days in the month only): the means of its days. */
export interface ReportWeek {
  /** Its Monday, which may fall in the month before. */
  week: string
  /** Its days in the month. */
  days: number
  asleep: number | null
  need: number | null
  strain: number | null
}

/** A day that stood out in the month, with the value it stood out by. */
export interface NotableDay {
  date: string
  value: number
}

export interface MonthReport {
  /** YYYY-MM. */
  month: string
  from: string
  to: string
  previousMonth: string
  /** Each measure's month against the previous month. */
  measures: { metric: TrendMetric; current: PeriodFigure; previous: PeriodFigure; difference: number | null }[]
  zoneDays: { green: number; yellow: number; red: number }
  /** Every day of the month, first to last. */
  days: ReportDay[]
  weeks: ReportWeek[]
  /** The best and the worst recovery and the longest sleep; `null` where no day has one. */
  notableDays: { bestRecovery: NotableDay | null; worstRecovery: NotableDay | null; longestSleep: NotableDay | null }
  sports: SportMonth[]
  /** The clear insights from the whole history up to the month's end. */
  notableInsights: { kind: JournalInsight['kind']; question: string; effect: InsightEffect }[]
  /** Where the data came from and when it was generated. */
  sources: string[]
  generatedAt: string
  /** The newest stored day. */
  lastDate: string | null
}
