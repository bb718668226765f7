import fs from 'node:fs'
import type { Database } from 'better-sqlite3'
import { exportRecordTypes, type ExportRequest } from '../../shared/exchange'
import { exportedTables, type ExportedTable } from './exportedTables'
import { EXPORT_FORMAT, EXPORT_VERSION } from './exportFormat'

/** Rows read per query: enough to be fast, few enough that memory stays flat with any history. */
const BATCH = 500
const WRITE_CHUNK = 64 * 1024

export interface ExportMeta {
  appName: string
  appVersion: string
  exportedAt: string
}

/**
 * Writes the JSON export to `file`, streaming: records are read in batches and written as they
 * come, so years of data never sit in memory at once. The file appears complete or not at all
 * (written aside, then renamed). Returns how many records it holds.
 */
export async function writeJsonExport(
  db: Database,
  file: string,
  request: Omit<ExportRequest, 'format'>,
  meta: ExportMeta,
  onProgress: (records: number) => void = () => {}
): Promise<{ records: number; bytes: number }> {
  const recordTypes = request.recordTypes ?? [...exportRecordTypes]
  const from = request.start ? Date.parse(request.start) : Number.MIN_SAFE_INTEGER
  const to = request.end ? Date.parse(request.end) : Number.MAX_SAFE_INTEGER
  const temporary = `${file}.partial`
  const out = fs.createWriteStream(temporary, { mode: 0o600 })
  let records = 0
  // Text is gathered into chunks of about 64 KiB; each chunk waits until the disk has taken it.
  let pending = ''
  const flush = () =>
    new Promise<void>((resolve, reject) => {
      const chunk = pending
      pending = ''
      out.write(chunk, (error) => (error ? reject(error) : resolve()))
    })
  const write = async (text: string) => {
    pending += text
    if (pending.length >= WRITE_CHUNK) await flush()
  }

  try {
    const header = {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: meta.exportedAt,
      app: { name: meta.appName, version: meta.appVersion },
      range: { start: request.start ?? null, end: request.end ?? null },
      recordTypes
    }
    await write(`${JSON.stringify(header, null, 2).slice(0, -2)},\n  "accounts": [`)
    const accounts = db.prepare<[], { user_id: number; connected_at: string; is_demo: number }>(
      'SELECT user_id, connected_at, is_demo FROM account ORDER BY user_id'
    ).all()
    for (const [index, account] of accounts.entries()) {
      const profile = db
        .prepare<[number], Record<string, unknown>>('SELECT email, first_name, last_name, fetched_at, raw FROM profile WHERE user_id = ?')
        .get(account.user_id)
      const body = db
        .prepare<[number], Record<string, unknown>>(
          'SELECT height_meter, weight_kilogram, max_heart_rate, fetched_at, raw FROM body_measurement WHERE user_id = ?'
        )
        .get(account.user_id)
      const head = {
        userId: account.user_id,
        connectedAt: account.connected_at,
        isDemo: account.is_demo === 1,
        profile: profile ? withParsedRaw(profile) : null,
        bodyMeasurement: body ? withParsedRaw(body) : null
      }
      await write(`${index ? ',' : ''}\n    ${JSON.stringify(head).slice(0, -1)}`)
      for (const table of exportedTables) {
        await write(`,\n      ${JSON.stringify(table.list)}: [`)
        if (recordTypes.includes(table.recordType)) {
          let first = true
          for (const row of batches(db, table, account.user_id, from, to)) {
            await write(`${first ? '' : ','}\n        ${JSON.stringify(table.hasRaw ? withParsedRaw(row) : row)}`)
            first = false
            onProgress(++records)
          }
          if (!first) await write('\n      ')
        }
        await write(']')
      }
      await write('\n    }')
    }
    await write(`${accounts.length ? '\n  ' : ''}]\n}\n`)
    await flush()
    await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
    fs.renameSync(temporary, file)
    return { records, bytes: fs.statSync(file).size }
  } catch (error) {
    out.destroy()
    fs.rmSync(temporary, { force: true })
    throw error
  }
}

/** The table's rows for one account and time window, in key order, a batch of rows at a time. */
function* batches(db: Database, table: ExportedTable, userId: number, from: number, to: number): Generator<Record<string, unknown>> {
  const columns = [...table.columns, ...(table.hasRaw ? ['raw'] : [])].join(', ')
  const keys = table.key.join(', ')
  const after = `(${keys}) > (${table.key.map((column) => `@${column}`).join(', ')})`
  const first = db.prepare(
    `SELECT ${columns} FROM ${table.table} WHERE user_id = @userId AND ${table.anchor} >= @from AND ${table.anchor} < @to
      ORDER BY ${keys} LIMIT ${BATCH}`
  )
  const next = db.prepare(
    `SELECT ${columns} FROM ${table.table} WHERE user_id = @userId AND ${table.anchor} >= @from AND ${table.anchor} < @to
      AND ${after} ORDER BY ${keys} LIMIT ${BATCH}`
  )
  let rows = first.all({ userId, from, to }) as Record<string, unknown>[]
  while (rows.length) {
    yield* rows
    const last = rows.at(-1)!
    rows = next.all({ userId, from, to, ...Object.fromEntries(table.key.map((column) => [column, last[column]])) }) as Record<string, unknown>[]
  }
}

function withParsedRaw(row: Record<string, unknown>): Record<string, unknown> {
  return { ...row, raw: JSON.parse(row.raw as string) }
}
