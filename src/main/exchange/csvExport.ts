import fs from 'node:fs'
import type { Database } from 'better-sqlite3'
import { stringify } from 'csv-stringify/sync'
import { strToU8, zipSync } from 'fflate'
import { exportRecordTypes, type ExportRecordType, type ExportRequest } from '../../shared/exchange'

type Row = Record<string, number | string | null>
interface Column {
  header: string
  value: (row: Row) => number | string | null
}

const iso = (column: string) => (row: Row) => (row[column] === null ? null : new Date(row[column] as number).toISOString())
const minutes = (column: string) => (row: Row) => (row[column] === null ? null : Math.round(((row[column] as number) / 60_000) * 100) / 100)
const plain = (column: string) => (row: Row) => row[column]
const yesNo = (column: string) => (row: Row) => (row[column] === null ? null : row[column] === 1 ? 'true' : 'false')

const commonTail: Column[] = [
  { header: 'Score state', value: plain('score_state') },
  { header: 'Updated at (UTC)', value: plain('updated_at') },
  { header: 'Source', value: plain('source') }
]

/** One CSV file per record type; every header names its unit. */
const files: Record<ExportRecordType, { name: string; table: string; anchor: string; columns: Column[] }> = {
  cycle: {
    name: 'cycles.csv',
    table: 'cycle',
    anchor: 'start_ms',
    columns: [
      { header: 'Cycle id', value: plain('id') },
      // The day the app dates the cycle by: the day its member woke from its main sleep.
      { header: 'Date (local)', value: plain('day') },
      { header: 'Start (UTC)', value: iso('start_ms') },
      { header: 'End (UTC)', value: iso('end_ms') },
      { header: 'Timezone offset', value: plain('timezone_offset') },
      { header: 'Day strain (0-21)', value: plain('strain') },
      { header: 'Energy (kJ)', value: plain('kilojoule') },
      { header: 'Average HR (bpm)', value: plain('average_heart_rate') },
      { header: 'Max HR (bpm)', value: plain('max_heart_rate') },
      ...commonTail
    ]
  },
  recovery: {
    name: 'recoveries.csv',
    table: 'recovery',
    anchor: 'sleep_start_ms',
    columns: [
      { header: 'Cycle id', value: plain('cycle_id') },
      { header: 'Sleep id', value: plain('sleep_id') },
      { header: 'Sleep start (UTC)', value: iso('sleep_start_ms') },
      { header: 'Recovery score (%)', value: plain('recovery_score') },
      { header: 'Resting heart rate (bpm)', value: plain('resting_heart_rate') },
      { header: 'Heart rate variability RMSSD (ms)', value: plain('hrv_rmssd_milli') },
      { header: 'Blood oxygen (%)', value: plain('spo2_percentage') },
      { header: 'Skin temperature (°C)', value: plain('skin_temp_celsius') },
      { header: 'Calibrating', value: yesNo('user_calibrating') },
      ...commonTail
    ]
  },
  sleep: {
    name: 'sleeps.csv',
    table: 'sleep',
    anchor: 'start_ms',
    columns: [
      { header: 'Sleep id', value: plain('id') },
      { header: 'Cycle id', value: plain('cycle_id') },
      { header: 'Date woken (local)', value: plain('local_date') },
      { header: 'Start (UTC)', value: iso('start_ms') },
      { header: 'End (UTC)', value: iso('end_ms') },
      { header: 'Timezone offset', value: plain('timezone_offset') },
      { header: 'Nap', value: yesNo('nap') },
      { header: 'In bed (min)', value: minutes('in_bed_ms') },
      { header: 'Awake (min)', value: minutes('awake_ms') },
      { header: 'Light sleep (min)', value: minutes('light_ms') },
      { header: 'Deep (SWS) sleep (min)', value: minutes('deep_ms') },
      { header: 'REM sleep (min)', value: minutes('rem_ms') },
      { header: 'No data (min)', value: minutes('no_data_ms') },
      { header: 'Sleep need (min)', value: minutes('need_ms') },
      { header: 'Sleep cycles (count)', value: plain('sleep_cycle_count') },
      { header: 'Disturbances (count)', value: plain('disturbance_count') },
      { header: 'Respiratory rate (rpm)', value: plain('respiratory_rate') },
      { header: 'Sleep performance (%)', value: plain('performance_pct') },
      { header: 'Sleep efficiency (%)', value: plain('efficiency_pct') },
      { header: 'Sleep consistency (%)', value: plain('consistency_pct') },
      ...commonTail
    ]
  },
  workout: {
    name: 'workouts.csv',
    table: 'workout',
    anchor: 'start_ms',
    columns: [
      { header: 'Workout id', value: plain('id') },
      { header: 'Date (local)', value: plain('local_date') },
      { header: 'Start (UTC)', value: iso('start_ms') },
      { header: 'End (UTC)', value: iso('end_ms') },
      { header: 'Timezone offset', value: plain('timezone_offset') },
      { header: 'Sport', value: plain('sport_name') },
      { header: 'Strain (0-21)', value: plain('strain') },
      { header: 'Energy (kJ)', value: plain('kilojoule') },
      { header: 'Average HR (bpm)', value: plain('average_heart_rate') },
      { header: 'Max HR (bpm)', value: plain('max_heart_rate') },
      { header: 'HR recorded (%)', value: plain('percent_recorded') },
      { header: 'Distance (m)', value: plain('distance_meter') },
      { header: 'Altitude gain (m)', value: plain('altitude_gain_meter') },
      { header: 'Altitude change (m)', value: plain('altitude_change_meter') },
      ...[0, 1, 2, 3, 4, 5].map((zone) => ({ header: `HR zone ${zone} (min)`, value: minutes(`zone${zone}_ms`) })),
      ...commonTail
    ]
  },
  journal: {
    name: 'journal_entries.csv',
    table: 'journal_entry',
    anchor: 'cycle_start_ms',
    columns: [
      { header: 'Date (local)', value: plain('local_date') },
      { header: 'Cycle start (UTC)', value: iso('cycle_start_ms') },
      { header: 'Question', value: plain('question') },
      { header: 'Answered yes', value: yesNo('answered_yes') },
      { header: 'Notes', value: plain('notes') },
      { header: 'Source', value: plain('source') }
    ]
  },
  tag: {
    name: 'tags.csv',
    table: 'day_tag',
    // A tag is on a day, not at a time: the range applies to the day's start (UTC).
    anchor: '(unixepoch(date) * 1000)',
    columns: [
      { header: 'Date (local)', value: plain('date') },
      { header: 'Tag', value: plain('tag') },
      { header: 'Tagged at (UTC)', value: iso('created_ms') }
    ]
  }
}

/**
 * A text cell a spreadsheet would run as a formula (=, +, -, @, tab or CR first: a journal note of
 * `=HYPERLINK(…)`) gets a leading apostrophe, as OWASP advises for CSV injection. Numbers stay
 * numbers, and the app's own UTC offsets (`-05:00`), which no spreadsheet runs, stay as they are.
 */
function neutraliseFormula(text: string): string {
  return /^[=+\-@\t\r]/.test(text) && !/^[+-]\d{2}:\d{2}$/.test(text) ? `'${text}` : text
}

const toCsv = (lines: (number | string | null)[][]) => stringify(lines, { record_delimiter: 'windows', cast: { string: neutraliseFormula } })

/** Writes a ZIP with one CSV file per chosen record type, all accounts, oldest record first. */
export function writeCsvExport(db: Database, file: string, request: Omit<ExportRequest, 'format'>): { records: number; bytes: number } {
  const from = request.start ? Date.parse(request.start) : Number.MIN_SAFE_INTEGER
  const to = request.end ? Date.parse(request.end) : Number.MAX_SAFE_INTEGER
  const entries: Record<string, Uint8Array> = {}
  let records = 0
  for (const type of request.recordTypes ?? exportRecordTypes) {
    const spec = files[type]
    const rows = db
      .prepare(`SELECT * FROM ${spec.table} WHERE ${spec.anchor} >= ? AND ${spec.anchor} < ? ORDER BY user_id, ${spec.anchor}`)
      .all(from, to) as Row[]
    entries[spec.name] = strToU8(
      toCsv([['User id', ...spec.columns.map((column) => column.header)], ...rows.map((row) => [row.user_id, ...spec.columns.map((column) => column.value(row))])])
    )
    records += rows.length
  }
  const temporary = `${file}.partial`
  fs.writeFileSync(temporary, zipSync(entries, { level: 6 }), { mode: 0o600 })
  fs.renameSync(temporary, file)
  return { records, bytes: fs.statSync(file).size }
}
