import type { Database } from 'better-sqlite3'
import { createDailyValues } from '../store/dailyValues'
import { createDayTags } from '../store/dayTags'
import { createJournalAnswers } from '../store/journalAnswers'
import { createDayDetail } from './dayDetail'
import { createJournalInsights } from './journalInsights'
import { createMonthReport } from './monthReport'
import { createWorkoutList } from './workoutList'

/**
 * The queries behind the day view, the trends, the insights and the report, built once per
 * database connection: the page handlers and the MCP server both answer from these.
 */
export function createInsightQueries(db: Database) {
  const daily = createDailyValues(db)
  const journal = createJournalAnswers(db)
  const tags = createDayTags(db)
  const workouts = createWorkoutList(db)
  const insights = createJournalInsights(db, daily, journal, tags)
  return {
    daily,
    tags,
    workouts,
    insights,
    dayDetail: createDayDetail(db, daily, journal, tags, workouts, insights),
    monthReport: createMonthReport(db, daily, insights)
  }
}

export type InsightQueries = ReturnType<typeof createInsightQueries>
