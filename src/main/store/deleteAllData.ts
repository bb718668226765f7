import type { Database } from 'better-sqlite3'

/** Children first, so foreign keys never stand in the way. */
const tables = [
  'assistant_read',
  'sync_run',
  'sync_state',
  'journal_entry',
  'day_tag',
  'workout',
  'sleep',
  'recovery',
  'cycle',
  'body_measurement',
  'profile',
  'account'
]

/**
 * Removes every record of every account, then compacts the file and empties the write-ahead log,
 * so deleted data does not linger on disk.
 */
export function deleteAllData(db: Database): void {
  db.transaction(() => {
    for (const table of tables) db.prepare(`DELETE FROM ${table}`).run()
  })()
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
}
