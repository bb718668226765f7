import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { migrations, latestSchemaVersion } from '../../../src/main/database/migrations'
import {
  DatabaseTooNewError,
  DatabaseUnreadableError,
  NoDatabaseError,
  openDatabase,
  openDatabaseReadOnly,
  schemaVersionOf
} from '../../../src/main/database/openDatabase'
import { generateMemberHistory } from '../../../src/main/demo/memberHistory'
import { createRecordStore } from '../../../src/main/store/recordStore'
import { makeTempDir } from '../../support/harness/tempDir'

const sha256 = (file: string) => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')

describe('openDatabase', () => {
  it('creates the file with the whole schema, in WAL mode with foreign keys and a busy timeout', () => {
    const file = path.join(makeTempDir(), 'nested', 'app.sqlite')
    const db = openDatabase(file)
    expect(fs.existsSync(file)).toBe(true)
    expect(schemaVersionOf(db)).toBe(latestSchemaVersion)
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(db.pragma('busy_timeout', { simple: true })).toBe(5000)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'account'").get()).toBeTruthy()
    db.close()
  })

  it('numbers migrations consecutively from 1', () => {
    expect(migrations.map((migration) => migration.version)).toEqual(migrations.map((_, index) => index + 1))
  })

  it('applies only the migrations a database has not run yet, each with its version', () => {
    const file = path.join(makeTempDir(), 'app.sqlite')
    const applied: number[] = []
    const steps = [1, 2, 3].map((version) => ({
      version,
      description: `step ${version}`,
      up: (db: BetterSqlite3.Database) => {
        applied.push(version)
        db.exec(`CREATE TABLE t${version} (x)`)
      }
    }))
    openDatabase(file, steps.slice(0, 2)).close()
    const db = openDatabase(file, steps)
    expect(applied).toEqual([1, 2, 3])
    expect(schemaVersionOf(db)).toBe(3)
    db.close()
  })

  it("moves each recovery an older version stored before its sleep to that sleep's start", () => {
    const file = path.join(makeTempDir(), 'app.sqlite')
    const history = generateMemberHistory({ days: 20, now: Date.parse('2026-11-20T12:00:00Z') })
    const older = openDatabase(file, migrations.slice(0, 4))
    const store = createRecordStore(older)
    store.saveProfile(history.profile, '2026-11-20T12:00:00.000Z')
    store.upsert('recovery', history.profile.user_id, history.recoveries, { source: 'api', walk: 1 })
    store.upsert('sleep', history.profile.user_id, history.sleeps, { source: 'api', walk: 1 })
    const misplaced = (db: BetterSqlite3.Database) =>
      db.prepare('SELECT COUNT(*) AS n FROM recovery JOIN sleep ON sleep.id = recovery.sleep_id WHERE recovery.sleep_start_ms != sleep.start_ms').get()
    expect(misplaced(older)).toEqual({ n: history.recoveries.length })
    older.close()
    const db = openDatabase(file)
    expect(misplaced(db)).toEqual({ n: 0 })
    db.close()
  })

  it('rolls back a failing migration together with its version number', () => {
    const file = path.join(makeTempDir(), 'app.sqlite')
    const steps = [
      { version: 1, description: 'ok', up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE a (x)') },
      {
        version: 2,
        description: 'breaks halfway',
        up: (db: BetterSqlite3.Database) => db.exec('CREATE TABLE b (x); CREATE TABLE a (x);')
      }
    ]
    expect(() => openDatabase(file, steps)).toThrow(/already exists/)
    const db = new BetterSqlite3(file)
    expect(schemaVersionOf(db)).toBe(1)
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").get()).toBeUndefined()
    db.close()
  })

  it('refuses a database written by a newer app with a clear message and leaves the file untouched', () => {
    const file = path.join(makeTempDir(), 'app.sqlite')
    const newer = new BetterSqlite3(file)
    newer.exec(`CREATE TABLE from_the_future (x); INSERT INTO from_the_future VALUES (1); PRAGMA user_version = 42;`)
    newer.close()
    const before = { digest: sha256(file), mtime: fs.statSync(file).mtimeMs }

    expect(() => openDatabase(file)).toThrow(DatabaseTooNewError)
    expect(() => openDatabase(file)).toThrow(
      `written by a newer version of WHOOP Desktop (schema 42; this version understands up to ${latestSchemaVersion})`
    )
    expect(sha256(file)).toBe(before.digest)
    expect(fs.statSync(file).mtimeMs).toBe(before.mtime)
    expect(fs.readdirSync(path.dirname(file)).filter((name) => name.endsWith('-wal'))).toEqual([])
  })

  it('says so when the file is not a database, without changing it', () => {
    const file = path.join(makeTempDir(), 'app.sqlite')
    fs.writeFileSync(file, 'this is a text file, not SQLite '.repeat(40))
    const before = sha256(file)
    expect(() => openDatabase(file)).toThrow(DatabaseUnreadableError)
    expect(() => openDatabase(file)).toThrow(/cannot be read .* Move the file aside/)
    expect(sha256(file)).toBe(before)
  })
})

describe('openDatabaseReadOnly (the MCP server)', () => {
  it('reads beside a writer, refuses every write, and makes no database where there is none', () => {
    const folder = makeTempDir()
    const file = path.join(folder, 'app.sqlite')
    expect(() => openDatabaseReadOnly(file)).toThrow(NoDatabaseError)
    expect(fs.readdirSync(folder)).toEqual([])

    const writer = openDatabase(file)
    writer.prepare("INSERT INTO activity (at, kind, ok, summary) VALUES ('2026-12-01T00:00:00.000Z', 'sync', 1, 'first')").run()
    const reader = openDatabaseReadOnly(file)
    expect(reader.pragma('query_only', { simple: true })).toBe(1)
    expect(() => reader.prepare("DELETE FROM activity").run()).toThrow(/readonly|query_only/)
    writer.prepare("INSERT INTO activity (at, kind, ok, summary) VALUES ('2026-12-02T00:00:00.000Z', 'sync', 1, 'second')").run()
    expect(reader.prepare('SELECT COUNT(*) AS n FROM activity').get()).toEqual({ n: 2 })
    reader.close()
    writer.close()
  })

  it('refuses a database from a newer app, and one the app has not brought up to date, untouched', () => {
    const file = path.join(makeTempDir(), 'app.sqlite')
    openDatabase(file, migrations.slice(0, -1)).close()
    expect(() => openDatabaseReadOnly(file)).toThrow('was written by an older version of WHOOP Desktop. Open WHOOP Desktop once to bring it up to date')
    const newer = new BetterSqlite3(file)
    newer.pragma('user_version = 42')
    newer.close()
    const before = sha256(file)
    expect(() => openDatabaseReadOnly(file)).toThrow(DatabaseTooNewError)
    expect(sha256(file)).toBe(before)
  })
})
