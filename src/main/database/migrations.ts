import type { Database } from 'better-sqlite3'

/**
 * One step of the schema's history. Versions are consecutive from 1; a released migration is never
 * edited, only followed by a new one, because users' databases have already run it.
 */
export interface Migration {
  version: number
  description: string
  up: (db: Database) => void
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'WHOOP accounts, keyed by WHOOP user id so several can live side by side',
    up: (db) =>
      db.exec(`
        CREATE TABLE account (
          user_id      INTEGER PRIMARY KEY,
          email        TEXT NOT NULL,
          first_name   TEXT NOT NULL,
          last_name    TEXT NOT NULL,
          connected_at TEXT NOT NULL
        ) STRICT;
      `)
  }
]

export const latestSchemaVersion = migrations.length
