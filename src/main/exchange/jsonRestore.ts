import type { Database } from 'better-sqlite3'
import type { ImportCounts } from '../../shared/exchange'
import { exportedTables } from './exportedTables'
import { createImportTally } from './importTally'
import type { ExportFile } from './exportFormat'
import { readJsonExport, type ReadJsonOptions } from './readJsonExport'

/**
 * Restores a JSON export: the file is read and checked as a stream (see readJsonExport) before
 * anything is written; then everything is merged in one transaction, by WHOOP ids (journal entries
 * by cycle and question): a record is added, or replaced by one at least as new, so restoring the
 * same file twice changes nothing.
 */
export async function restoreJsonExport(db: Database, file: string, options?: ReadJsonOptions): Promise<ImportCounts> {
  return mergeExport(db, await readJsonExport(file, options))
}

function mergeExport(db: Database, file: ExportFile): ImportCounts {
  const tally = createImportTally()
  const statements = exportedTables.map((table) => {
    const columns = ['user_id', ...table.columns, ...(table.hasRaw ? ['raw'] : [])]
    const where = table.key.map((column) => `${column} = @${column}`).join(' AND ')
    return {
      table,
      existing: db.prepare(`SELECT ${columns.join(', ')} FROM ${table.table} WHERE user_id = @user_id AND ${where}`),
      insert: db.prepare(`INSERT INTO ${table.table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
      update: db.prepare(
        `UPDATE ${table.table} SET ${columns.map((c) => `${c} = @${c}`).join(', ')} WHERE user_id = @user_id AND ${where}`
      )
    }
  })
  const account = db.prepare('INSERT INTO account (user_id, connected_at, is_demo) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
  const profile = db.prepare(`INSERT INTO profile (user_id, email, first_name, last_name, fetched_at, raw)
      VALUES (@user_id, @email, @first_name, @last_name, @fetched_at, @raw)
      ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, first_name = excluded.first_name, last_name = excluded.last_name,
        fetched_at = excluded.fetched_at, raw = excluded.raw WHERE excluded.fetched_at > profile.fetched_at`)
  const body = db.prepare(`INSERT INTO body_measurement (user_id, height_meter, weight_kilogram, max_heart_rate, fetched_at, raw)
      VALUES (@user_id, @height_meter, @weight_kilogram, @max_heart_rate, @fetched_at, @raw)
      ON CONFLICT (user_id) DO UPDATE SET height_meter = excluded.height_meter, weight_kilogram = excluded.weight_kilogram,
        max_heart_rate = excluded.max_heart_rate, fetched_at = excluded.fetched_at, raw = excluded.raw
      WHERE excluded.fetched_at > body_measurement.fetched_at`)

  db.transaction(() => {
    for (const exported of file.accounts) {
      const userId = exported.userId
      account.run(userId, exported.connectedAt, Number(exported.isDemo))
      if (exported.profile) profile.run({ user_id: userId, ...exported.profile, raw: JSON.stringify(exported.profile.raw) })
      if (exported.bodyMeasurement) body.run({ user_id: userId, ...exported.bodyMeasurement, raw: JSON.stringify(exported.bodyMeasurement.raw) })
      for (const { table, existing, insert, update } of statements) {
        for (const record of (exported[table.list] ?? []) as Record<string, unknown>[]) {
          const row: Record<string, unknown> = { ...record, user_id: userId }
          if (table.hasRaw) row.raw = JSON.stringify(record.raw)
          const current = existing.get(row) as Record<string, unknown> | undefined
          if (!current) {
            insert.run(row)
            tally.count(table.recordType, 'added')
          } else if (sameRow(current, row)) {
            tally.count(table.recordType, 'unchanged')
          } else if (!('updated_ms' in row) || (row.updated_ms as number) >= (current.updated_ms as number)) {
            update.run(row)
            tally.count(table.recordType, 'updated')
          } else {
            tally.count(table.recordType, 'keptNewer')
          }
        }
      }
    }
  })()
  return tally.counts
}

function sameRow(current: Record<string, unknown>, incoming: Record<string, unknown>): boolean {
  return Object.keys(current).every((column) => current[column] === incoming[column])
}
