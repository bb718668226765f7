import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3, { type Database } from 'better-sqlite3'
import type { BackupEntry, RestoreResult } from '../../shared/backups'
import { AppError } from '../api/apiErrors'
import type { Clock } from '../clock'
import { latestSchemaVersion } from '../database/migrations'
import { migrateToLatest, schemaVersionOf } from '../database/openDatabase'

const PREFIXES: Record<BackupEntry['kind'], string> = { daily: 'whoop-desktop', 'before-restore': 'before-restore' }
const NAME = /^(whoop-desktop|before-restore)-(\d{4}-\d{2}-\d{2})T(\d{2})(\d{2})(\d{2})(\d{3})Z\.sqlite$/
/** Copies kept aside by restores: enough to undo the last few. */
const BEFORE_RESTORE_KEPT = 3

export interface BackupsOptions {
  db: Database
  databaseFile: string
  /** Where backups go: the setting, read each time. */
  folder: () => string
  /** How many daily backups to keep: the setting, read each time. */
  keep: () => number
  clock: Clock
}

/**
 * Copies of the database: made with SQLite's online backup while the app runs (a consistent
 * snapshot, even while a sync writes), checked with `integrity_check` before they count, the oldest
 * removed past the number kept. A restore copies a backup back into the open database, keeping
 * the database it replaces aside first, so a restore can be undone by restoring that copy.
 * The sign-in is never in a backup: it lives in the vault, a file of its own.
 */
export function createBackups(options: BackupsOptions) {
  const { db, clock } = options

  /** `whoop-desktop-2026-12-07T081203045Z.sqlite`: sortable, and safe in every file system. */
  const nameFor = (kind: BackupEntry['kind']) => {
    const [day, time] = new Date(clock.now()).toISOString().split('T')
    return `${PREFIXES[kind]}-${day}T${time.replace(/[:.]/g, '')}.sqlite`
  }

  /** Copies the open database to a new file of `kind` in the folder, checked, and returns it. */
  async function copyTo(kind: BackupEntry['kind']): Promise<BackupEntry> {
    const folder = options.folder()
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 })
    const name = nameFor(kind)
    const file = path.join(folder, name)
    // Written under another name and renamed once checked: a half-made copy is never listed.
    const partial = `${file}.partial`
    try {
      await db.backup(partial)
      const copy = new BetterSqlite3(partial)
      try {
        // One self-contained file.
        copy.pragma('journal_mode = DELETE')
        const integrity = String(copy.pragma('integrity_check', { simple: true }))
        if (integrity !== 'ok') throw new Error(`the copy failed SQLite's integrity check (${integrity})`)
      } finally {
        copy.close()
      }
      // Readable by the person only, like the database.
      if (process.platform !== 'win32') fs.chmodSync(partial, 0o600)
      fs.renameSync(partial, file)
    } catch (error) {
      fs.rmSync(partial, { force: true })
      throw error
    }
    return entryOf(folder, name)!
  }

  function list(): BackupEntry[] {
    const folder = options.folder()
    if (!fs.statSync(folder, { throwIfNoEntry: false })?.isDirectory()) return []
    return fs
      .readdirSync(folder)
      .flatMap((name) => entryOf(folder, name) ?? [])
      .sort((a, b) => b.madeAt.localeCompare(a.madeAt))
  }

  /** Removes the oldest copies of each kind past the number kept. */
  function rotate(): void {
    const kept = { daily: options.keep(), 'before-restore': BEFORE_RESTORE_KEPT }
    for (const kind of ['daily', 'before-restore'] as const) {
      for (const old of list().filter((entry) => entry.kind === kind).slice(kept[kind])) fs.rmSync(path.join(options.folder(), old.name))
    }
  }

  return {
    list,

    /** A backup now (the day's, or one the person asked for), then the oldest past the number kept removed. */
    async make(): Promise<BackupEntry> {
      const made = await copyTo('daily')
      rotate()
      return made
    },

    /** Deletes every backup (all data is being deleted); returns how many there were. */
    deleteAll(): number {
      const all = list()
      for (const entry of all) fs.rmSync(path.join(options.folder(), entry.name))
      return all.length
    },

    /**
     * Replaces the database's content with a backup's, after checking the backup and keeping the
     * current database aside. The caller makes sure nothing writes meanwhile (no sync runs).
     */
    async restore(name: string): Promise<RestoreResult> {
      if (!list().some((entry) => entry.name === name)) {
        throw new AppError('invalid-argument', `There is no backup called ${name} in ${options.folder()}.`)
      }
      const source = new BetterSqlite3(path.join(options.folder(), name), { readonly: true, fileMustExist: true })
      try {
        const integrity = String(source.pragma('integrity_check', { simple: true }))
        if (integrity !== 'ok') throw new AppError('invalid-argument', `The backup ${name} is damaged (${integrity}); nothing was restored.`)
        if (schemaVersionOf(source) > latestSchemaVersion) {
          throw new AppError('invalid-argument', `The backup ${name} was made by a newer version of WHOOP Desktop: install it to restore this backup. Nothing was restored.`)
        }
        const keptAside = await copyTo('before-restore')
        // SQLite's backup into the open database's file: the app's connection reads the restored
        // content from its next statement.
        await source.backup(options.databaseFile)
        migrateToLatest(db)
        rotate()
        return { restored: name, keptAside: keptAside.name }
      } finally {
        source.close()
      }
    }
  }
}

function entryOf(folder: string, name: string): BackupEntry | undefined {
  const parts = NAME.exec(name)
  if (!parts) return undefined
  const [, prefix, day, hours, minutes, seconds, millis] = parts
  return {
    name,
    kind: prefix === PREFIXES.daily ? 'daily' : 'before-restore',
    madeAt: `${day}T${hours}:${minutes}:${seconds}.${millis}Z`,
    bytes: fs.statSync(path.join(folder, name)).size
  }
}
