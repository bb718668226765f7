import type { Database } from 'better-sqlite3'
import { trendMetrics, type DayValues, type TrendMetric } from '../../shared/insights'
import { addDays } from './localDate'
import { daysFrom } from './buckets'

/**
 * A journal answer's day (`j` is its row): its cycle's, the day its member woke, else the date the
 * export gave it. The cycle is the one starting nearest, within the 12 hours an import matches
 * cycles by: WHOOP's export gives whole seconds where the API gives milliseconds.
 */
export const journalDay = `COALESCE((
  SELECT c.day FROM cycle c
   WHERE c.user_id = j.user_id AND c.start_ms BETWEEN j.cycle_start_ms - 43200000 AND j.cycle_start_ms + 43200000
   ORDER BY ABS(c.start_ms - j.cycle_start_ms) LIMIT 1), j.local_date)`

type Row = { date: string } & Partial<Record<TrendMetric, number | null>>

/**
 * Every measure of every day, as the day view, trends, insights, the report and the MCP server use
 * them: each day's mean (a day can hold two cycles or two main sleeps), scored records only. A
 * recovery and a cycle belong to the day their member woke; a night to the day it ended. A day with
 * a cycle but no workout had 0 workouts; a day without anything has no value at all.
 */
export function createDailyValues(db: Database) {
  const queries = [
    db.prepare<[number, string, string], Row>(`
      SELECT COALESCE(c.day, s.local_date) AS date, AVG(r.recovery_score) AS recovery, AVG(r.hrv_rmssd_milli) AS hrv,
             AVG(r.resting_heart_rate) AS "resting-hr", AVG(r.spo2_percentage) AS spo2, AVG(r.skin_temp_celsius) AS "skin-temp"
        FROM recovery r
        LEFT JOIN cycle c ON c.id = r.cycle_id
        LEFT JOIN sleep s ON s.id = r.sleep_id
       WHERE r.user_id = ? AND COALESCE(c.day, s.local_date) BETWEEN ? AND ?
       GROUP BY 1`),
    db.prepare<[number, string, string], Row>(`
      SELECT local_date AS date, AVG(light_ms + deep_ms + rem_ms) AS asleep, AVG(performance_pct) AS "sleep-performance",
             AVG(consistency_pct) AS consistency, AVG(efficiency_pct) AS efficiency, AVG(respiratory_rate) AS "respiratory-rate"
        FROM sleep WHERE user_id = ? AND nap = 0 AND local_date BETWEEN ? AND ?
       GROUP BY 1`),
    db.prepare<[number, string, string], Row>(`
      SELECT day AS date, AVG(strain) AS strain, AVG(kilojoule) AS energy, 0 AS workouts
        FROM cycle WHERE user_id = ? AND day BETWEEN ? AND ?
       GROUP BY 1`),
    db.prepare<[number, string, string], Row>(`
      SELECT local_date AS date, COUNT(*) AS workouts
        FROM workout WHERE user_id = ? AND local_date BETWEEN ? AND ?
       GROUP BY 1`)
  ]
  const range = db.prepare<[number], { first: string | null; last: string | null }>(
    'SELECT MIN(day) AS first, MAX(day) AS last FROM cycle WHERE user_id = ?'
  )

  /** The values of each day from `from` to `to` that has any. */
  function between(userId: number, from: string, to: string): Map<string, DayValues> {
    const days = new Map<string, DayValues>()
    for (const query of queries) {
      for (const { date, ...values } of query.all(userId, from, to)) {
        const day = days.get(date) ?? (Object.fromEntries(trendMetrics.map((metric) => [metric, null])) as DayValues)
        Object.assign(day, values)
        days.set(date, day)
      }
    }
    return days
  }

  return {
    between,
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
