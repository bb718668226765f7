import type { Database } from 'better-sqlite3'

/** Children first, so foreign keys never stand in the way. */
const tables = [
  'notice_sent',
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
 * Removes every record of every account, then leaves no trace of them on disk (`leaveNoTrace`).
 */
export function deleteAllData(db: Database): void {
  db.transaction(() => {
    for (const table of tables) db.prepare(`DELETE FROM ${table}`).run()
    forgetNames(db)
  })()
  leaveNoTrace(db)
}

/**
 * After a deletion: the write-ahead log is copied into the file and emptied, the file rebuilt
 * without its free pages, and the log emptied again, so that nothing deleted can be read from the
 * database, its -wal or its -shm (`secure_delete` has zeroed the deleted rows' bytes meanwhile).
 */
export function leaveNoTrace(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
}

/** Activity written by older versions named the member ("Connected as Alex Morgan."): no more, once their data goes. */
export function forgetNames(db: Database): void {
  db.prepare("UPDATE activity SET summary = 'Connected to WHOOP.' WHERE kind = 'connect' AND ok = 1").run()
}
