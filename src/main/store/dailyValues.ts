import type { Database } from 'better-sqlite3'
import { trendMetrics, type DayValues, type TrendMetric } from '../../shared/insights'
import { addDays } from './localDate'
import { daysFrom } from './buckets'
import { rememberUntilChanged } from './rememberUntilChanged'

/** How many of a day's records WHOOP scored, is still scoring, or could not score. */
export interface ScoreCounts {
  scored: number
  pending: number
  unscorable: number
}

/**
 * Everything stored of one day: its measures (`DayValues`, which every page, the report and the MCP
 * server read), and what the dashboard's charts add to them. The sleep figures are means over the
 * day's main sleeps, `nights` of them scored (`consistencyNights` rated for consistency).
 */
export interface DayFigures extends DayValues {
  calibrating: boolean
  recoveries: ScoreCounts
  inBed: number | null
  awake: number | null
  light: number | null
  deep: number | null
  rem: number | null
  need: number | null
  nights: number
  consistencyNights: number
  naps: number
  napMs: number
  /** Every sleep of the day, naps too. */
  sleeps: ScoreCounts
  averageHr: number | null
  maxHr: number | null
  cycles: ScoreCounts
}

export const noCounts: ScoreCounts = { scored: 0, pending: 0, unscorable: 0 }
const noMeasures = Object.fromEntries(trendMetrics.map((metric) => [metric, null])) as DayValues

/** A day with nothing yet, every figure in place (one shape for every day: years of days are built at once). */
const emptyDay = (): DayFigures => ({
  ...noMeasures,
  calibrating: false,
  recoveries: { ...noCounts },
  inBed: null,
  awake: null,
  light: null,
  deep: null,
  rem: null,
  need: null,
  nights: 0,
  consistencyNights: 0,
  naps: 0,
  napMs: 0,
  sleeps: { ...noCounts },
  averageHr: null,
  maxHr: null,
  cycles: { ...noCounts }
})

/** A statement's row: `date`, then figures; `*_scored`, `*_pending` and `*_unscorable` make a day's `ScoreCounts`. */
type Row = [date: string, ...figures: (number | null)[]]
type Setter = (day: Record<string, unknown>, value: number | null) => void

/** How a column of a statement lands in a day. */
function setterOf(column: string): Setter {
  const count = /^(\w+)_(scored|pending|unscorable)$/.exec(column)
  if (count) {
    const [, group, state] = count
    return (day, value) => void ((day[group] as Record<string, number>)[state] = value ?? 0)
  }
  if (column === 'calibrating') return (day, value) => void (day.calibrating = value === 1)
  return (day, value) => void (day[column] = value)
}

const counts = (prefix: string, state = 'score_state') => `
  SUM(${state} = 'SCORED') AS ${prefix}_scored, SUM(${state} = 'PENDING_SCORE') AS ${prefix}_pending,
  SUM(${state} = 'UNSCORABLE') AS ${prefix}_unscorable`
const ofNights = (expression: string) => `AVG(CASE WHEN nap = 0 THEN ${expression} END)`

/**
 * Every figure of every day, for the dashboard, the day view, trends, insights, the report and the MCP
 * server alike, so that every page reads the same numbers: each day's mean (a day can hold two
 * cycles or two main sleeps), scored records only. A recovery and a cycle belong to the day their
 * member woke; a night to the day it ended. A day with a cycle but no workout had 0 workouts; a day
 * without anything has no value at all.
 */
export function createDailyValues(db: Database) {
  const statements = [
    db.prepare<[number, string, string], Row>(`
      SELECT COALESCE(c.day, (SELECT s.local_date FROM sleep s WHERE s.id = r.sleep_id)) AS date,
             AVG(r.recovery_score) AS recovery, AVG(r.hrv_rmssd_milli) AS hrv, AVG(r.resting_heart_rate) AS "resting-hr",
             AVG(r.spo2_percentage) AS spo2, AVG(r.skin_temp_celsius) AS "skin-temp", MAX(r.user_calibrating) AS calibrating,
             ${counts('recoveries', 'r.score_state')}
        FROM recovery r LEFT JOIN cycle c ON c.id = r.cycle_id
       WHERE r.user_id = ?
       GROUP BY 1 HAVING date BETWEEN ? AND ?`),
    db.prepare<[number, string, string], Row>(`
      SELECT local_date AS date, ${ofNights('light_ms + deep_ms + rem_ms')} AS asleep, ${ofNights('performance_pct')} AS "sleep-performance",
             ${ofNights('consistency_pct')} AS consistency, ${ofNights('efficiency_pct')} AS efficiency,
             ${ofNights('respiratory_rate')} AS "respiratory-rate", ${ofNights('in_bed_ms')} AS inBed, ${ofNights('awake_ms')} AS awake,
             ${ofNights('light_ms')} AS light, ${ofNights('deep_ms')} AS deep, ${ofNights('rem_ms')} AS rem, ${ofNights('need_ms')} AS need,
             COUNT(CASE WHEN nap = 0 THEN light_ms + deep_ms + rem_ms END) AS nights,
             COUNT(CASE WHEN nap = 0 THEN consistency_pct END) AS consistencyNights,
             SUM(nap) AS naps, COALESCE(SUM(CASE WHEN nap = 1 THEN light_ms + deep_ms + rem_ms END), 0) AS napMs,
             ${counts('sleeps')}
        FROM sleep WHERE user_id = ? AND local_date BETWEEN ? AND ?
       GROUP BY 1`),
    db.prepare<[number, string, string], Row>(`
      SELECT day AS date, AVG(strain) AS strain, AVG(kilojoule) AS energy, 0 AS workouts,
             AVG(average_heart_rate) AS averageHr, AVG(max_heart_rate) AS maxHr, ${counts('cycles')}
        FROM cycle WHERE user_id = ? AND day BETWEEN ? AND ?
       GROUP BY 1`),
    db.prepare<[number, string, string], Row>(`
      SELECT local_date AS date, COUNT(*) AS workouts
        FROM workout WHERE user_id = ? AND local_date BETWEEN ? AND ?
       GROUP BY 1`)
  ]
  // Each statement's rows as arrays, with a setter per column after the date: years of days are read at once.
  const queries = statements.map((statement) => ({ statement: statement.raw(true), setters: statement.columns().slice(1).map(({ name }) => setterOf(name)) }))
  const range = db.prepare<[number], { first: string | null; last: string | null }>(
    'SELECT MIN(day) AS first, MAX(day) AS last FROM cycle WHERE user_id = ?'
  )

  /**
   * The figures of each day from `from` to `to` that has any record, read again only after the
   * database changed: the pages ask for the same days again and again, and a range reads only its days.
   */
  const between = rememberUntilChanged(db, (userId: number, from: string, to: string) => {
    const days = new Map<string, DayFigures>()
    for (const { statement, setters } of queries) {
      for (const row of statement.all(userId, from, to)) {
        let day = days.get(row[0])
        if (!day) {
          day = emptyDay()
          days.set(row[0], day)
        }
        for (let column = 0; column < setters.length; column++) setters[column](day as unknown as Record<string, unknown>, row[column + 1] as number | null)
      }
    }
    return days
  })

  return {
    between,
    /** One day's figures, or undefined when it has no record. */
    of: (userId: number, date: string): DayFigures | undefined => between(userId, date, date).get(date),
    /** The first and last day with a cycle, or null when nothing is stored. */
    historyRange(userId: number): { first: string; last: string } | null {
      const { first, last } = range.get(userId)!
      return first && last ? { first, last } : null
    }
  }
}

export type DailyValues = ReturnType<typeof createDailyValues>

/** One measure of every day from `from` to `to`, with null for a day without it. */
export function seriesOf(values: Map<string, DayValues>, metric: TrendMetric, from: string, to: string): (number | null)[] {
  return daysFrom(from, to).map((day) => values.get(day)?.[metric] ?? null)
}

/** The day after, where next-morning effects are read. */
export const nextDay = (date: string) => addDays(date, 1)
