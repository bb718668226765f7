import type { Database } from 'better-sqlite3'
import { trendMetrics, type DayValues, type TrendMetric } from '../../shared/insights'
import { addDays } from './localDate'
import { daysFrom } from './buckets'
import { rememberUntilChanged } from './rememberUntilChanged'

type Row = { date: string } & Partial<Record<TrendMetric, number | null>>

const noValues = Object.fromEntries(trendMetrics.map((metric) => [metric, null])) as DayValues

/**
 * Every measure of every day, as the day view, trends, insights, the report and the MCP server use
 * them: each day's mean (a day can hold two cycles or two main sleeps), scored records only. A
 * recovery and a cycle belong to the day their member woke; a night to the day it ended. A day with
 * a cycle but no workout had 0 workouts; a day without anything has no value at all.
 */
export function createDailyValues(db: Database) {
  const statements = [
    db.prepare<[number], Row>(`
      SELECT COALESCE(c.day, (SELECT s.local_date FROM sleep s WHERE s.id = r.sleep_id)) AS date,
             AVG(r.recovery_score) AS recovery, AVG(r.hrv_rmssd_milli) AS hrv, AVG(r.resting_heart_rate) AS "resting-hr",
             AVG(r.spo2_percentage) AS spo2, AVG(r.skin_temp_celsius) AS "skin-temp"
        FROM recovery r LEFT JOIN cycle c ON c.id = r.cycle_id
       WHERE r.user_id = ?
       GROUP BY 1 HAVING date IS NOT NULL`),
    db.prepare<[number], Row>(`
      SELECT local_date AS date, AVG(light_ms + deep_ms + rem_ms) AS asleep, AVG(performance_pct) AS "sleep-performance",
             AVG(consistency_pct) AS consistency, AVG(efficiency_pct) AS efficiency, AVG(respiratory_rate) AS "respiratory-rate"
        FROM sleep WHERE user_id = ? AND nap = 0
       GROUP BY 1`),
    db.prepare<[number], Row>(`
      SELECT day AS date, AVG(strain) AS strain, AVG(kilojoule) AS energy, 0 AS workouts
        FROM cycle WHERE user_id = ?
       GROUP BY 1`),
    db.prepare<[number], Row>(`
      SELECT local_date AS date, COUNT(*) AS workouts
        FROM workout WHERE user_id = ?
       GROUP BY 1`)
  ]
  // Each statement with the measures it gives, so a row is copied column by column (no spread: years of days are read at once).
  const queries = statements.map((statement) => ({
    statement,
    metrics: statement.columns().flatMap(({ name }) => (name === 'date' ? [] : [name as TrendMetric]))
  }))
  const range = db.prepare<[number], { first: string | null; last: string | null }>(
    'SELECT MIN(day) AS first, MAX(day) AS last FROM cycle WHERE user_id = ?'
  )

  /** Every day of the person's history with a value, read again only after the database changed. */
  const everyDay = rememberUntilChanged(db, (userId: number) => {
    const days = new Map<string, DayValues>()
    for (const { statement, metrics } of queries) {
      for (const row of statement.all(userId)) {
        let day = days.get(row.date)
        if (!day) {
          day = { ...noValues }
          days.set(row.date, day)
        }
        for (const metric of metrics) day[metric] = row[metric] ?? null
      }
    }
    return days
  })

  /** The values of each day from `from` to `to` that has any. */
  function between(userId: number, from: string, to: string): Map<string, DayValues> {
    return new Map([...everyDay(userId)].filter(([date]) => date >= from && date <= to))
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
