import type { Database, Statement } from 'better-sqlite3'
import type { CollectionName, CollectionRecords, UserBasicProfile, UserBodyMeasurement } from '../whoop/whoopSchemas'
import { recordTables, type RecordSource, type RecordTable, type Row } from './recordTables'

/** A record from WHOOP's data export and one from the API starting this close together are the same. */
export const SAME_RECORD_WINDOW_MS = 60_000

export interface UpsertCounts {
  added: number
  updated: number
}

export type SingleChange = 'added' | 'updated' | 'unchanged'

interface TableStatements {
  existing: Statement<[string | number], { updated_ms: number; raw: string }>
  dropExportTwin: Statement<[number, number, number]>
  insert: Statement<[Row]>
  update: Statement<[Row]>
  markSeen: Statement<[{ walk: number | null; key: string | number }]>
  sweep: Statement<[{ userId: number; walk: number; from: number; to: number }]>
}

/**
 * Writes WHOOP records into SQLite. A record is keyed on its WHOOP id and only replaced by a version
 * at least as new (`updated_at`); an unchanged record is not rewritten. Callers wrap a page in one
 * transaction, together with their sync checkpoint.
 */
export function createRecordStore(db: Database) {
  const statements = Object.fromEntries(
    Object.entries(recordTables).map(([name, table]) => [name, prepareTable(db, table as RecordTable<unknown>)])
  ) as Record<CollectionName, TableStatements>

  const sleepStart = db.prepare<[string], { start_ms: number }>('SELECT start_ms FROM sleep WHERE id = ?')
  const cycleStart = db.prepare<[number], { start_ms: number }>('SELECT start_ms FROM cycle WHERE id = ?')
  const context = (userId: number, source: RecordSource, walk: number | null) => ({
    userId,
    source,
    walk,
    sleepStartMs: (id: string) => sleepStart.get(id)?.start_ms,
    cycleStartMs: (id: number) => cycleStart.get(id)?.start_ms
  })

  const profileRaw = db.prepare<[number], { raw: string }>('SELECT raw FROM profile WHERE user_id = ?')
  const bodyRaw = db.prepare<[number], { raw: string }>('SELECT raw FROM body_measurement WHERE user_id = ?')
  const changeOf = (before: { raw: string } | undefined, raw: string): SingleChange =>
    !before ? 'added' : before.raw === raw ? 'unchanged' : 'updated'
  const ensureAccount = db.prepare(
    `INSERT INTO account (user_id, connected_at, is_demo) VALUES (?, ?, ?) ON CONFLICT (user_id) DO NOTHING`
  )
  const saveProfile = db.prepare(`
    INSERT INTO profile (user_id, email, first_name, last_name, fetched_at, raw)
    VALUES (@user_id, @email, @first_name, @last_name, @fetched_at, @raw)
    ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name,
      last_name = excluded.last_name, fetched_at = excluded.fetched_at, raw = excluded.raw`)
  const saveBody = db.prepare(`
    INSERT INTO body_measurement (user_id, height_meter, weight_kilogram, max_heart_rate, fetched_at, raw)
    VALUES (@user_id, @height_meter, @weight_kilogram, @max_heart_rate, @fetched_at, @raw)
    ON CONFLICT (user_id) DO UPDATE SET height_meter = excluded.height_meter, weight_kilogram = excluded.weight_kilogram,
      max_heart_rate = excluded.max_heart_rate, fetched_at = excluded.fetched_at, raw = excluded.raw`)

  return {
    /** The member's account and profile; the account row is created on first sight. */
    saveProfile(profile: UserBasicProfile, fetchedAt: string, isDemo = false): SingleChange {
      const raw = JSON.stringify(profile)
      return db.transaction(() => {
        const change = changeOf(profileRaw.get(profile.user_id), raw)
        ensureAccount.run(profile.user_id, fetchedAt, Number(isDemo))
        saveProfile.run({
          user_id: profile.user_id,
          email: profile.email,
          first_name: profile.first_name,
          last_name: profile.last_name,
          fetched_at: fetchedAt,
          raw
        })
        return change
      })()
    },

    saveBodyMeasurement(userId: number, body: UserBodyMeasurement, fetchedAt: string): SingleChange {
      const raw = JSON.stringify(body)
      const change = changeOf(bodyRaw.get(userId), raw)
      saveBody.run({
        user_id: userId,
        height_meter: body.height_meter,
        weight_kilogram: body.weight_kilogram,
        max_heart_rate: body.max_heart_rate,
        fetched_at: fetchedAt,
        raw
      })
      return change
    },

    /**
     * Stores records, counting what was new and what changed, and marks each as seen by `walk`.
     * Run inside a transaction.
     */
    upsert<Name extends CollectionName>(
      name: Name,
      userId: number,
      records: readonly CollectionRecords[Name][],
      options: { source: RecordSource; walk: number | null }
    ): UpsertCounts {
      const table = recordTables[name] as RecordTable<CollectionRecords[Name]>
      const sql = statements[name]
      const rowContext = context(userId, options.source, options.walk)
      const counts = { added: 0, updated: 0 }
      for (const record of records) {
        const row = table.toRow(record, rowContext)
        const key = row[table.key] as string | number
        const existing = sql.existing.get(key)
        if (!existing) {
          sql.insert.run(row)
          counts.added++
          // The same record imported earlier from WHOOP's data export gives way to the API's.
          if (options.source === 'api') {
            const time = row[table.anchor] as number
            sql.dropExportTwin.run(userId, time - SAME_RECORD_WINDOW_MS, time + SAME_RECORD_WINDOW_MS)
          }
        } else if ((row.updated_ms as number) >= existing.updated_ms && row.raw !== existing.raw) {
          sql.update.run(row)
          counts.updated++
        } else {
          sql.markSeen.run({ walk: options.walk, key })
        }
      }
      return counts
    },

    /**
     * Removes records WHOOP no longer has: those of the account from the API whose time falls in a
     * window that `walk` read completely, and that the walk did not see. Returns how many.
     */
    sweep(name: CollectionName, userId: number, walk: number, window: { from?: number; to: number }): number {
      return statements[name].sweep.run({ userId, walk, from: window.from ?? Number.MIN_SAFE_INTEGER, to: window.to }).changes
    }
  }
}

function prepareTable(db: Database, table: RecordTable<unknown>): TableStatements {
  const columns = table.columns
  const assignments = columns.filter((column) => column !== table.key).map((column) => `${column} = @${column}`)
  return {
    existing: db.prepare(`SELECT updated_ms, raw FROM ${table.table} WHERE ${table.key} = ?`),
    dropExportTwin: db.prepare(
      `DELETE FROM ${table.table} WHERE user_id = ? AND source = 'export' AND ${table.anchor} BETWEEN ? AND ?`
    ),
    insert: db.prepare(`INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
    update: db.prepare(`UPDATE ${table.table} SET ${assignments.join(', ')} WHERE ${table.key} = @${table.key}`),
    markSeen: db.prepare(`UPDATE ${table.table} SET walk = @walk WHERE ${table.key} = @key`),
    sweep: db.prepare(
      `DELETE FROM ${table.table} WHERE user_id = @userId AND source = 'api' AND walk IS NOT @walk
         AND ${table.anchor} >= @from AND ${table.anchor} < @to`
    )
  }
}
