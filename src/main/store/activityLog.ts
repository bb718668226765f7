import type { Database } from 'better-sqlite3'
import type { ActivityEntry, ActivityKind } from '../../shared/diagnostics'

/** How many entries the log keeps: years of daily use, and a bound nothing can push past. */
export const ACTIVITY_ENTRIES_KEPT = 1000

/** What the person did and how it went, in words they can read: connects, syncs, exports, ... */
export function createActivityLog(db: Database, now: () => number) {
  const add = db.prepare('INSERT INTO activity (at, kind, ok, summary) VALUES (?, ?, ?, ?)')
  const trim = db.prepare('DELETE FROM activity WHERE id <= ?')
  const latest = db.prepare<[number], { at: string; kind: ActivityKind; ok: number; summary: string }>(
    'SELECT at, kind, ok, summary FROM activity ORDER BY id DESC LIMIT ?'
  )
  return {
    record(kind: ActivityKind, ok: boolean, summary: string): void {
      const id = Number(add.run(new Date(now()).toISOString(), kind, Number(ok), summary).lastInsertRowid)
      trim.run(id - ACTIVITY_ENTRIES_KEPT)
    },
    latest(limit = 200): ActivityEntry[] {
      return latest.all(limit).map((row) => ({ ...row, ok: row.ok === 1 }))
    }
  }
}

export type ActivityLog = ReturnType<typeof createActivityLog>
