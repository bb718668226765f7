import { randomUUID } from 'node:crypto'
import type { Database } from 'better-sqlite3'
import type { ExportRecordType, PendingRemoval, RemovalResult, StaleRecordShown } from '../../shared/exchange'
import { AppError } from '../api/apiErrors'
import { keepsKnownTime, whoopTables } from './exportedTables'

/** A stored record of an earlier WHOOP export that a newer export no longer has. */
export interface StaleRecord {
  type: ExportRecordType
  userId: number
  /** The values of its table's key columns (exportedTables). */
  key: (string | number)[]
  /** When the stored version was known: it is removed only if nothing has replaced it since. */
  knownMs: number
  /** How the person is asked about it. */
  shown: StaleRecordShown
}

/**
 * Holds the stale records of the latest WHOOP-export import until the person decides: removing them
 * deletes each one only if it is still the version the import saw; any other import or removal
 * makes the question moot.
 */
export function createStaleRecordRemoval(db: Database) {
  let pending: { id: string; records: StaleRecord[] } | undefined
  const statements = new Map(
    whoopTables.map((table) => {
      const byKey = table.key.map((column) => `${column} = ?`).join(' AND ')
      const unchanged = keepsKnownTime(table) ? ' AND updated_ms = ?' : ''
      const remove = db.prepare(`DELETE FROM ${table.table} WHERE user_id = ? AND source = 'export' AND ${byKey}${unchanged}`)
      const run = (record: StaleRecord) => remove.run(record.userId, ...record.key, ...(unchanged ? [record.knownMs] : [])).changes > 0
      return [table.recordType, run]
    })
  )

  return {
    /** Keeps the import's stale records for the person's decision; none means nothing to ask. */
    offer(records: StaleRecord[]): PendingRemoval | undefined {
      pending = records.length ? { id: randomUUID(), records } : undefined
      if (!pending) return undefined
      return { id: pending.id, byType: countByType(records), total: records.length, records: records.map((record) => record.shown) }
    },
    forget() {
      pending = undefined
    },
    remove(id: string): RemovalResult {
      if (!pending || pending.id !== id) {
        throw new AppError('invalid-argument', 'There is nothing left to remove from that import; import the export again to check.')
      }
      const { records } = pending
      pending = undefined
      const removed: StaleRecord[] = []
      db.transaction(() => {
        for (const record of records) {
          if (statements.get(record.type)!(record)) removed.push(record)
        }
      })()
      return { removed: removed.length, byType: countByType(removed) }
    }
  }
}

function countByType(records: StaleRecord[]): Partial<Record<ExportRecordType, number>> {
  const counts: Partial<Record<ExportRecordType, number>> = {}
  for (const record of records) counts[record.type] = (counts[record.type] ?? 0) + 1
  return counts
}
