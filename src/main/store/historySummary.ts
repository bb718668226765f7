import type { Database } from 'better-sqlite3'
import { sourceName } from './recordSources'

export interface HistorySummary {
  /** The first and last day with a cycle. */
  firstDate: string | null
  lastDate: string | null
  records: { cycles: number; sleeps: number; recoveries: number; workouts: number; journalAnswers: number; dayTags: number }
  /** Where the records came from, in words. */
  sources: string[]
  /** When each resource was last synced with WHOOP (ms), for a synced account. */
  lastSynced: { resource: string; atMs: number | null }[]
}

/** What is stored for a person: how far the history reaches, how much of it, from where, and when it was last synced. */
export function createHistorySummary(db: Database) {
  const range = db.prepare<[number], { first: string | null; last: string | null }>('SELECT MIN(day) AS first, MAX(day) AS last FROM cycle WHERE user_id = ?')
  const counts = db.prepare<[number, number, number, number, number, number], HistorySummary['records']>(`
    SELECT (SELECT COUNT(*) FROM cycle WHERE user_id = ?) AS cycles, (SELECT COUNT(*) FROM sleep WHERE user_id = ?) AS sleeps,
           (SELECT COUNT(*) FROM recovery WHERE user_id = ?) AS recoveries, (SELECT COUNT(*) FROM workout WHERE user_id = ?) AS workouts,
           (SELECT COUNT(*) FROM journal_entry WHERE user_id = ?) AS journalAnswers, (SELECT COUNT(*) FROM day_tag WHERE user_id = ?) AS dayTags`)
  const sources = db.prepare<[number, number, number, number], { source: string }>(`
    SELECT source FROM cycle WHERE user_id = ? UNION SELECT source FROM sleep WHERE user_id = ?
    UNION SELECT source FROM workout WHERE user_id = ? UNION SELECT source FROM journal_entry WHERE user_id = ?`)
  const synced = db.prepare<[number], { resource: string; last_success_ms: number | null }>(
    'SELECT resource, last_success_ms FROM sync_state WHERE user_id = ? ORDER BY resource'
  )
  return function historySummary(userId: number): HistorySummary {
    const { first, last } = range.get(userId)!
    return {
      firstDate: first,
      lastDate: last,
      records: counts.get(userId, userId, userId, userId, userId, userId)!,
      sources: sources.all(userId, userId, userId, userId).map(({ source }) => sourceName(source)),
      lastSynced: synced.all(userId).map((row) => ({ resource: row.resource, atMs: row.last_success_ms }))
    }
  }
}
