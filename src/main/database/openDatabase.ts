import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import { migrations as appMigrations, type Migration } from './migrations'

export const DATABASE_FILE_NAME = 'whoop-desktop.sqlite'

/** The database was written by a newer app; opening it here could corrupt what that app wrote. */
export class DatabaseTooNewError extends Error {
  constructor(
    readonly file: string,
    readonly fileVersion: number,
    readonly appVersion: number
  ) {
    super(
      `The database ${file} was written by a newer version of WHOOP Desktop (schema ${fileVersion}; ` +
        `this version understands up to ${appVersion}). Install the newer version to open it. ` +
        `The file was left untouched.`
    )
    this.name = 'DatabaseTooNewError'
  }
}

/** The file exists but is not a SQLite database this app can read. */
export class DatabaseUnreadableError extends Error {
  constructor(
    readonly file: string,
    cause: unknown
  ) {
    super(
      `The database ${file} cannot be read (${cause instanceof Error ? cause.message : String(cause)}). ` +
        `Move the file aside to start with an empty database, or restore it from a backup.`,
      { cause }
    )
    this.name = 'DatabaseUnreadableError'
  }
}

/**
 * Opens (creating if needed) the app's SQLite database and brings its schema up to date.
 * The schema version is checked before anything is written, so a database from a newer app is
 * refused without a single byte of it changing.
 */
export function openDatabase(file: string, migrations: readonly Migration[] = appMigrations): Database {
  fs.mkdirSync(path.dirname(file), { recursive: true })
  const latest = migrations.length
  const existed = fs.existsSync(file)
  const db = new BetterSqlite3(file)
  // A new database is the person's alone; SQLite gives its -wal and -shm files the same mode.
  if (!existed && process.platform !== 'win32') fs.chmodSync(file, 0o600)
  try {
    const fileVersion = readSchemaVersion(db, file)
    if (fileVersion > latest) throw new DatabaseTooNewError(file, fileVersion, latest)
    db.pragma('journal_mode = WAL')
    db.pragma('foreign_keys = ON')
    // Waits for a lock held by another connection (a second app instance, an export) instead of failing.
    db.pragma('busy_timeout = 5000')
    db.pragma('synchronous = NORMAL')
    // What is deleted is overwritten with zeros, not left in free pages for anyone to read.
    db.pragma('secure_delete = ON')
    migrate(db, fileVersion, migrations)
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

/** The app has not made its database yet (it has not been opened, or the folder is another one). */
export class NoDatabaseError extends Error {
  constructor(readonly file: string) {
    super(`There is no WHOOP Desktop database at ${file} yet. Open WHOOP Desktop, connect your WHOOP account or import WHOOP's export, then ask again.`)
    this.name = 'NoDatabaseError'
  }
}

/**
 * Opens the app's database for reading only, beside the app that may be writing it (WAL readers
 * see each committed sync): no file is created, no migration runs, and `query_only` refuses any
 * write that slipped into a query. A database from a newer app is refused as `openDatabase` refuses
 * it; one the app has not brought up to date yet is refused too, as its queries would not fit.
 */
export function openDatabaseReadOnly(file: string, migrations: readonly Migration[] = appMigrations): Database {
  if (!fs.existsSync(file)) throw new NoDatabaseError(file)
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true })
  try {
    const fileVersion = readSchemaVersion(db, file)
    if (fileVersion > migrations.length) throw new DatabaseTooNewError(file, fileVersion, migrations.length)
    if (fileVersion < migrations.length) {
      throw new Error(`The database ${file} was written by an older version of WHOOP Desktop. Open WHOOP Desktop once to bring it up to date, then ask again.`)
    }
    db.pragma('query_only = ON')
    db.pragma('busy_timeout = 5000')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function schemaVersionOf(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number
}

function readSchemaVersion(db: Database, file: string): number {
  try {
    return schemaVersionOf(db)
  } catch (error) {
    throw new DatabaseUnreadableError(file, error)
  }
}

/**
 * Brings an open database's schema up to date: after its content was replaced by an older copy (a
 * restored backup), which the caller has checked is not from a newer app.
 */
export function migrateToLatest(db: Database): void {
  migrate(db, schemaVersionOf(db), appMigrations)
}

function migrate(db: Database, fromVersion: number, migrations: readonly Migration[]): void {
  for (const migration of migrations.slice(fromVersion)) {
    // The schema change and its version number commit together, or neither does.
    db.transaction(() => {
      migration.up(db)
      db.pragma(`user_version = ${migration.version}`)
    })()
  }
}
