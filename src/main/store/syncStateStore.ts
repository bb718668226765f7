import type { Database } from 'better-sqlite3'
import type { SyncRunResult, SyncTrigger } from '../../shared/sync'

/** A walk through one collection, checkpointed page by page so it can resume after a crash. */
export interface Walk {
  id: number
  kind: 'full' | 'incremental' | 'reconcile'
  /** ISO window, `start` inclusive (absent: the whole history), `end` exclusive. */
  start?: string
  end: string
  nextToken?: string
  pages: number
}

export interface ResourceSyncState {
  historyComplete: boolean
  lastSuccessMs: number | null
  lastReconcileMs: number | null
  /** Where the rolling re-read of older history has come to (it moves back in time), and when. */
  recheckCursorMs: number | null
  lastRecheckMs: number | null
  walk?: Walk
}

interface StateRow {
  history_complete: number
  last_success_ms: number | null
  last_reconcile_ms: number | null
  recheck_cursor_ms: number | null
  last_recheck_ms: number | null
  walk: number | null
  walk_kind: Walk['kind'] | null
  walk_start: string | null
  walk_end: string | null
  walk_next_token: string | null
  walk_pages: number | null
}

/** Per account and resource: how far syncing has come, and the walk in progress if one was cut off. */
export function createSyncStateStore(db: Database) {
  const read = db.prepare<[number, string], StateRow>('SELECT * FROM sync_state WHERE user_id = ? AND resource = ?')
  const ensure = db.prepare('INSERT INTO sync_state (user_id, resource) VALUES (?, ?) ON CONFLICT DO NOTHING')
  const begin = db.prepare(`UPDATE sync_state SET walk = @id, walk_kind = @kind, walk_start = @start, walk_end = @end,
      walk_next_token = NULL, walk_pages = 0 WHERE user_id = @userId AND resource = @resource`)
  const checkpoint = db.prepare(`UPDATE sync_state SET walk_next_token = @nextToken, walk_pages = @pages
      WHERE user_id = @userId AND resource = @resource`)
  const finish = db.prepare(`UPDATE sync_state SET walk = NULL, walk_kind = NULL, walk_start = NULL, walk_end = NULL,
      walk_next_token = NULL, walk_pages = NULL, last_success_ms = @now,
      history_complete = MAX(history_complete, @full), last_reconcile_ms = CASE WHEN @reconciled THEN @now ELSE last_reconcile_ms END
      WHERE user_id = @userId AND resource = @resource`)
  const recheck = db.prepare(`UPDATE sync_state SET recheck_cursor_ms = @cursorMs, last_recheck_ms = @now
      WHERE user_id = @userId AND resource = @resource`)
  const startRun = db.prepare(`INSERT INTO sync_run (trigger, started_at, status) VALUES (?, ?, 'running')`)
  const setRunUser = db.prepare('UPDATE sync_run SET user_id = ? WHERE id = ?')
  const endRun = db.prepare(`UPDATE sync_run SET finished_at = @finishedAt, status = @status, outcome = @outcome WHERE id = @id`)
  const markInterrupted = db.prepare(`UPDATE sync_run SET status = 'interrupted', finished_at = ? WHERE status = 'running'`)
  const lastRun = db.prepare<[], { outcome: string }>(
    `SELECT outcome FROM sync_run WHERE outcome IS NOT NULL ORDER BY id DESC LIMIT 1`
  )

  return {
    get(userId: number, resource: string): ResourceSyncState {
      ensure.run(userId, resource)
      const row = read.get(userId, resource)!
      return {
        historyComplete: row.history_complete === 1,
        lastSuccessMs: row.last_success_ms,
        lastReconcileMs: row.last_reconcile_ms,
        recheckCursorMs: row.recheck_cursor_ms,
        lastRecheckMs: row.last_recheck_ms,
        walk:
          row.walk === null
            ? undefined
            : {
                id: row.walk,
                kind: row.walk_kind!,
                start: row.walk_start ?? undefined,
                end: row.walk_end!,
                nextToken: row.walk_next_token ?? undefined,
                pages: row.walk_pages ?? 0
              }
      }
    },
    beginWalk(userId: number, resource: string, walk: Walk): void {
      begin.run({ userId, resource, id: walk.id, kind: walk.kind, start: walk.start ?? null, end: walk.end })
    },
    /** Records the page just stored; run in the same transaction as its records. */
    checkpoint(userId: number, resource: string, nextToken: string | undefined, pages: number): void {
      checkpoint.run({ userId, resource, nextToken: nextToken ?? null, pages })
    },
    finishWalk(userId: number, resource: string, kind: Walk['kind'] | 'single', now: number): void {
      // Single resources (profile, body) never begin a walk, so their row may not exist yet.
      ensure.run(userId, resource)
      finish.run({ userId, resource, now, full: Number(kind === 'full'), reconciled: Number(kind === 'full' || kind === 'reconcile') })
    },
    /** The re-read of older history has come down to `cursorMs`, at `now`. */
    rechecked(userId: number, resource: string, cursorMs: number | null, now: number): void {
      recheck.run({ userId, resource, cursorMs, now })
    },
    startRun(trigger: SyncTrigger, startedAt: string): number {
      return Number(startRun.run(trigger, startedAt).lastInsertRowid)
    },
    setRunUser(runId: number, userId: number): void {
      setRunUser.run(userId, runId)
    },
    endRun(result: SyncRunResult): void {
      endRun.run({ id: result.runId, finishedAt: result.finishedAt, status: result.status, outcome: JSON.stringify(result) })
    },
    /** Runs still `running` when no sync runs (the app was killed or crashed): marked interrupted. */
    markInterruptedRuns(at: string): number {
      return markInterrupted.run(at).changes
    },
    lastRun(): SyncRunResult | null {
      const row = lastRun.get()
      return row ? (JSON.parse(row.outcome) as SyncRunResult) : null
    }
  }
}
