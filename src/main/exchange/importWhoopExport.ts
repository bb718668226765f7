import type { Database } from 'better-sqlite3'
import type { ImportCounts, ImportVerdict, WhoopRecordType } from '../../shared/exchange'
import { sportName } from '../../shared/sportName'
import { localTimeOf } from '../store/localDate'
import type { Row } from '../store/recordTables'
import { SAME_RECORD_WINDOW_MS } from '../store/recordStore'
import { keepsKnownTime, whoopTables, type ExportedTable } from './exportedTables'
import { createImportTally } from './importTally'
import { pairNearest } from './pairNearest'
import type { ExportTable } from './readWhoopExport'
import type { StaleRecord } from './staleRecords'
import { cycleRow, journalRow, recoveryRow, sleepRow, workoutRow } from './whoopExportRows'

/** The account WHOOP-export history lands in before any WHOOP account is connected. */
const LOCAL_IMPORT_USER_ID = 0
const HOUR = 3_600_000

/**
 * How far apart two versions of one record may start and still be taken for the same record: a
 * cycle or main sleep whose time the person edited at WHOOP moves by minutes or hours (cycles and
 * main sleeps are a day apart, so up to 12 h), a nap or a workout by less (there may be several a day).
 */
const SAME_RECORD_TOLERANCE_MS = { cycle: 12 * HOUR, mainSleep: 12 * HOUR, nap: 2 * HOUR, workout: 2 * HOUR } as const

/** What each record type needs beyond its table: how far its versions may drift, and what must agree. */
interface SnapshotKind {
  tolerance: (row: Row) => number
  sameKind: (incoming: Row, stored: Row) => boolean
}

const snapshotKinds: Record<WhoopRecordType, SnapshotKind> = {
  cycle: { tolerance: () => SAME_RECORD_TOLERANCE_MS.cycle, sameKind: () => true },
  recovery: { tolerance: () => SAME_RECORD_TOLERANCE_MS.cycle, sameKind: () => true },
  sleep: {
    tolerance: (row) => (row.nap ? SAME_RECORD_TOLERANCE_MS.nap : SAME_RECORD_TOLERANCE_MS.mainSleep),
    sameKind: (incoming, stored) => incoming.nap === stored.nap
  },
  workout: { tolerance: () => SAME_RECORD_TOLERANCE_MS.workout, sameKind: () => true },
  journal: { tolerance: () => SAME_RECORD_TOLERANCE_MS.cycle, sameKind: (incoming, stored) => incoming.question === stored.question }
}

/** Columns that say when a row was known, not what it says. */
const bookkeeping = new Set(['updated_ms', 'updated_at', 'walk', 'known_ms'])

export interface WhoopExportImport {
  counts: ImportCounts
  /** Records of an earlier export this one no longer has: removed only when the person confirms. */
  stale: StaleRecord[]
}

/**
 * Merges WHOOP's own data export into the store, for history and journal answers the API does not
 * give. An export is a snapshot of the person's history over the days it covers, known as of its
 * newest moment:
 * - each record is paired with the stored version of it (nearest start within
 *   SAME_RECORD_TOLERANCE_MS), so a record whose time was edited at WHOOP replaces its old version;
 * - a stored version known as of a later export is newer and is kept, and so is the absence of a
 *   record from between two records a later export gave;
 * - stored records of earlier exports that this one no longer has within its days are reported as
 *   stale, for the person to remove or keep;
 * - a period already synced from WHOOP's API is skipped (the API is the source of truth).
 * Everything is written in one transaction or not at all.
 */
export function importWhoopExport(db: Database, tables: ExportTable[], now: number): WhoopExportImport {
  const userId = (db.prepare('SELECT user_id FROM account WHERE is_demo = 0 ORDER BY connected_at DESC, user_id LIMIT 1').get() as
    | { user_id: number }
    | undefined)?.user_id ?? LOCAL_IMPORT_USER_ID
  const incoming = rowsOf(tables, userId)
  const knownAt = Math.max(...[...incoming.values()].flat().map(latestMomentOf))
  const tally = createImportTally()
  const stale: StaleRecord[] = []

  db.transaction(() => {
    db.prepare('INSERT INTO account (user_id, connected_at, is_demo) VALUES (?, ?, 0) ON CONFLICT DO NOTHING').run(
      userId,
      new Date(now).toISOString()
    )
    for (const [type, rows] of incoming) {
      if (rows.length === 0) continue
      const table = whoopTables.find((candidate) => candidate.recordType === type)!
      const stamped = !keepsKnownTime(table) ? rows : rows.map((row) => ({ ...row, updated_ms: knownAt, updated_at: new Date(knownAt).toISOString() }))
      const merged = mergeSnapshot(db, table, snapshotKinds[type], userId, stamped, knownAt)
      merged.verdicts.forEach((verdict) => tally.count(type, verdict))
      stale.push(...merged.stale)
    }
  })()

  // Recoveries have no date of their own: they fall on their cycle's.
  const dates = [...incoming.values()].flat().flatMap((row) => (typeof row.local_date === 'string' ? [row.local_date] : [])).sort()
  return { counts: { ...tally.counts, ...(dates.length ? { covers: { from: dates[0], to: dates.at(-1)! } } : {}) }, stale }
}

/** The export's rows by record type, for the types its files hold (a file's absence says nothing). */
function rowsOf(tables: ExportTable[], userId: number): Map<WhoopRecordType, Row[]> {
  const rows = new Map<WhoopRecordType, Row[]>()
  const add = (type: WhoopRecordType, row: Row | undefined) => {
    if (!rows.has(type)) rows.set(type, [])
    if (row) rows.get(type)!.push({ ...row, user_id: userId })
  }
  for (const table of tables) {
    for (const [index, { fields, raw }] of table.rows.entries()) {
      const where = `${table.file}, row ${index + 2}`
      const rawText = JSON.stringify(raw)
      if (table.kind === 'cycles') {
        const cycle = cycleRow(fields, rawText, where)
        add('cycle', cycle)
        add('recovery', recoveryRow(fields, cycle, rawText, where))
      } else if (table.kind === 'sleeps') add('sleep', sleepRow(fields, rawText, where))
      else if (table.kind === 'workouts') add('workout', workoutRow(fields, rawText, where))
      else add('journal', journalRow(fields, where))
    }
  }
  return rows
}

/** The newest moment a row tells of: the export was cut no earlier. */
function latestMomentOf(row: Row): number {
  return Math.max(...['start_ms', 'end_ms', 'sleep_start_ms', 'cycle_start_ms', 'cycle_end_ms'].map((column) => (row[column] as number | null | undefined) ?? 0))
}

/** One record type of the snapshot against what is stored: the verdict on each row, and the stale rows. */
function mergeSnapshot(db: Database, table: ExportedTable, kind: SnapshotKind, userId: number, rows: Row[], knownAt: number) {
  const anchors = rows.map((row) => row[table.anchor] as number)
  const first = Math.min(...anchors)
  const last = Math.max(...anchors)
  const stored = storedExportRows(db, table, userId, first - SAME_RECORD_TOLERANCE_MS.cycle, last + SAME_RECORD_TOLERANCE_MS.cycle)
  const pairs = pairNearest(
    anchors,
    stored.map((row) => row[table.anchor] as number),
    (index) => kind.tolerance(rows[index]),
    (index, storedIndex) => kind.sameKind(rows[index], stored[storedIndex])
  )
  const sql = tableStatements(db, table)
  const verdicts = rows.map((row, index): ImportVerdict => {
    const previous = pairs.has(index) ? stored[pairs.get(index)!] : undefined
    if (sql.apiTwin?.get(userId, anchors[index] - SAME_RECORD_WINDOW_MS, anchors[index] + SAME_RECORD_WINDOW_MS)) return 'skippedAsDuplicates'
    if (!previous) {
      if (coveredByNewerExport(stored, table.anchor, anchors[index], knownAt)) return 'keptNewer'
      sql.insert.run(row)
      return 'added'
    }
    const storedIsNewer = (previous.known_ms as number) > knownAt
    if (sameValues(previous, row, { withRaw: true })) {
      if (!storedIsNewer) sql.touch?.run(row)
      return 'unchanged'
    }
    if (storedIsNewer) return 'keptNewer'
    sql.remove.run(previous)
    sql.insert.run(row)
    // A cycle's row in WHOOP's CSV carries its recovery too: a changed recovery changes the cycle's
    // `raw` alone. The record that changed is the one whose own fields did.
    return sameValues(previous, row, { withRaw: false }) ? 'unchanged' : 'updated'
  })
  const paired = new Set(pairs.values())
  const stale = stored
    .filter((row, index) => !paired.has(index) && (row[table.anchor] as number) >= first && (row[table.anchor] as number) <= last)
    .filter((row) => (row.known_ms as number) <= knownAt)
    .map((row): StaleRecord => ({
      type: table.recordType,
      userId,
      key: table.key.map((column) => row[column] as string | number),
      knownMs: row.known_ms as number,
      shown: shownRecord(table, row)
    }))
  return { verdicts, stale }
}

/** How the person is told of a record: its type, when it was by its own clock, and what it was. */
function shownRecord(table: ExportedTable, row: Row): StaleRecord['shown'] {
  const detail = table.recordType === 'workout' ? sportName(row.sport_name as string) : table.recordType === 'journal' ? (row.question as string) : row.nap ? 'nap' : null
  return { type: table.recordType, at: localTimeOf(row[table.anchor] as number, row.offset as string).local, detail }
}

/**
 * Rows of earlier exports around the window, with when each was known: its own `updated_ms`, and
 * for journal answers (which have none) their cycle's; and the UTC offset of the time it is placed
 * at (a recovery's is its cycle's).
 */
function storedExportRows(db: Database, table: ExportedTable, userId: number, from: number, to: number): Row[] {
  const knownMs =
    table.recordType === 'journal'
      ? `COALESCE((SELECT MAX(c.updated_ms) FROM cycle c WHERE c.user_id = t.user_id AND c.start_ms = t.cycle_start_ms AND c.source = 'export'), 0)`
      : 't.updated_ms'
  const offset = table.recordType === 'recovery' ? '(SELECT c.timezone_offset FROM cycle c WHERE c.id = t.cycle_id)' : 't.timezone_offset'
  return db
    .prepare(
      `SELECT t.*, ${knownMs} AS known_ms, ${offset} AS offset FROM ${table.table} t WHERE t.user_id = ? AND t.source = 'export' AND t.${table.anchor} BETWEEN ? AND ? ORDER BY t.${table.anchor}`
    )
    .all(userId, from, to) as Row[]
}

/**
 * Whether a later export already spoke for this moment: it gave the records on both sides of it
 * and none here, so this older export's record was deleted at WHOOP since.
 */
function coveredByNewerExport(stored: Row[], anchor: string, at: number, knownAt: number): boolean {
  const before = stored.findLast((row) => (row[anchor] as number) < at)
  const after = stored.find((row) => (row[anchor] as number) > at)
  return before !== undefined && after !== undefined && (before.known_ms as number) > knownAt && (after.known_ms as number) > knownAt
}

/** Whether a stored row says what the incoming one says (its `raw`, the row as WHOOP's file gave it, too when asked). */
function sameValues(stored: Row, incoming: Row, { withRaw }: { withRaw: boolean }): boolean {
  return Object.keys(incoming).every((column) => bookkeeping.has(column) || (!withRaw && column === 'raw') || stored[column] === incoming[column])
}

function tableStatements(db: Database, table: ExportedTable) {
  const columns = ['user_id', ...table.columns, ...(table.hasRaw ? ['raw'] : [])]
  const byKey = ['user_id', ...table.key].map((column) => `${column} = @${column}`).join(' AND ')
  const hasUpdatedMs = keepsKnownTime(table)
  return {
    insert: db.prepare(`INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
    remove: db.prepare(`DELETE FROM ${table.table} WHERE ${byKey}`),
    /** An unchanged row is now known as of this export, so an older one cannot overwrite it. */
    touch: hasUpdatedMs ? db.prepare(`UPDATE ${table.table} SET updated_ms = @updated_ms, updated_at = @updated_at WHERE ${byKey}`) : undefined,
    apiTwin: hasUpdatedMs
      ? db.prepare(`SELECT 1 FROM ${table.table} WHERE user_id = ? AND source != 'export' AND ${table.anchor} BETWEEN ? AND ?`)
      : undefined
  }
}

/**
 * History imported before any WHOOP account was connected becomes the connected account's, once
 * there is one. Records the account already has are not duplicated: the next sync replaces any
 * imported record that WHOOP's API also has.
 */
export function adoptImportedHistory(db: Database, userId: number): void {
  db.transaction(() => {
    for (const table of ['cycle', 'recovery', 'sleep', 'workout', 'journal_entry', 'day_tag']) {
      db.prepare(`UPDATE OR IGNORE ${table} SET user_id = ? WHERE user_id = ?`).run(userId, LOCAL_IMPORT_USER_ID)
    }
    db.prepare('DELETE FROM account WHERE user_id = ?').run(LOCAL_IMPORT_USER_ID)
  })()
}
