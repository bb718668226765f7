import type { Database } from 'better-sqlite3'
import type { ActivityEntry, ActivityKind } from '../../shared/diagnostics'

/** What the person did and how it went, in words they can read: connects, syncs, exports, ... */
export function createActivityLog(db: Database, now: () => number) {
  const add = db.prepare('INSERT INTO activity (at, kind, ok, summary) VALUES (?, ?, ?, ?)')
  const latest = db.prepare<[number], { at: string; kind: ActivityKind; ok: number; summary: string }>(
    'SELECT at, kind, ok, summary FROM activity ORDER BY id DESC LIMIT ?'
  )
  return {
    record(kind: ActivityKind, ok: boolean, summary: string): void {
      add.run(new Date(now()).toISOString(), kind, Number(ok), summary)
    },
    latest(limit = 200): ActivityEntry[] {
      return latest.all(limit).map((row) => ({ ...row, ok: row.ok === 1 }))
    }
  }
}

export type ActivityLog = ReturnType<typeof createActivityLog>
