import type { Database } from 'better-sqlite3'
import type { ImportCounts } from '../../shared/exchange'
import { recordTables, type Row } from '../store/recordTables'
import { cycleDateOf, localDateOf } from '../store/localDate'
import { SAME_RECORD_WINDOW_MS } from '../store/recordStore'
import { ImportRejectedError } from './importErrors'
import type { ExportTable } from './readWhoopExport'
import type { WhoopExportField } from './whoopExportColumns'

/** The account WHOOP-export history lands in before any WHOOP account is connected. */
export const LOCAL_IMPORT_USER_ID = 0
const KJ_PER_KCAL = 4.184
const MINUTE = 60_000

type Fields = Partial<Record<WhoopExportField, string>>

/**
 * Merges WHOOP's own data export into the store, for history and journal answers the API does not
 * give. Local times are converted with each row's `Cycle timezone`, kilocalories to kilojoules,
 * minutes to milliseconds. Rows get stable ids derived from their start, so importing the same
 * export again changes nothing, and a row for a period already synced from WHOOP's API is skipped.
 * Everything is written in one transaction or not at all.
 */
export function importWhoopExport(db: Database, tables: ExportTable[], now: number): ImportCounts {
  const counts = { added: 0, updated: 0, unchanged: 0, skippedAsDuplicates: 0 }
  const userId = (db.prepare('SELECT user_id FROM account WHERE is_demo = 0 ORDER BY connected_at DESC, user_id LIMIT 1').get() as
    | { user_id: number }
    | undefined)?.user_id ?? LOCAL_IMPORT_USER_ID
  const statements = new Map<string, ReturnType<typeof tableStatements>>()
  const statementsFor = (table: keyof typeof recordTables | 'journal') => {
    if (!statements.has(table)) statements.set(table, tableStatements(db, table))
    return statements.get(table)!
  }

  function store(table: keyof typeof recordTables | 'journal', row: Row, startMs: number) {
    const sql = statementsFor(table)
    if (sql.apiTwin && sql.apiTwin.get(userId, startMs - SAME_RECORD_WINDOW_MS, startMs + SAME_RECORD_WINDOW_MS)) {
      counts.skippedAsDuplicates++
      return
    }
    const full: Row = { ...row, user_id: userId }
    const existing = sql.existing.get(full) as Row | undefined
    if (!existing) {
      sql.insert.run(full)
      counts.added++
    } else if (Object.keys(existing).every((column) => existing[column] === full[column])) {
      counts.unchanged++
    } else {
      sql.update.run(full)
      counts.updated++
    }
  }

  db.transaction(() => {
    db.prepare('INSERT INTO account (user_id, connected_at, is_demo) VALUES (?, ?, 0) ON CONFLICT DO NOTHING').run(
      userId,
      new Date(now).toISOString()
    )
    for (const table of tables) {
      for (const [index, { fields, raw }] of table.rows.entries()) {
        const where = `${table.file}, row ${index + 2}`
        const rawText = JSON.stringify(raw)
        if (table.kind === 'cycles') {
          const cycle = cycleRow(fields, rawText, where)
          store('cycle', cycle, cycle.start_ms as number)
          const recovery = recoveryRow(fields, cycle, rawText, where)
          if (recovery) store('recovery', recovery, recovery.sleep_start_ms as number)
        } else if (table.kind === 'sleeps') {
          const sleep = sleepRow(fields, rawText, where)
          store('sleep', sleep, sleep.start_ms as number)
        } else if (table.kind === 'workouts') {
          const workout = workoutRow(fields, rawText, where)
          store('workout', workout, workout.start_ms as number)
        } else {
          store('journal', journalRow(fields, where), 0)
        }
      }
    }
  })()
  return counts
}

/**
 * History imported before any WHOOP account was connected becomes the connected account's, once
 * there is one. Records the account already has are not duplicated: the next sync replaces any
 * imported record that WHOOP's API also has.
 */
export function adoptImportedHistory(db: Database, userId: number): void {
  db.transaction(() => {
    for (const table of ['cycle', 'recovery', 'sleep', 'workout', 'journal_entry']) {
      db.prepare(`UPDATE OR IGNORE ${table} SET user_id = ? WHERE user_id = ?`).run(userId, LOCAL_IMPORT_USER_ID)
    }
    db.prepare('DELETE FROM account WHERE user_id = ?').run(LOCAL_IMPORT_USER_ID)
  })()
}

/** Prepared statements for one table, keyed as the app keys it, with the check for an API twin. */
function tableStatements(db: Database, name: keyof typeof recordTables | 'journal') {
  const columns =
    name === 'journal'
      ? ['user_id', 'cycle_start_ms', 'cycle_end_ms', 'timezone_offset', 'local_date', 'question', 'answered_yes', 'notes', 'source']
      : [...recordTables[name].columns]
  const table = name === 'journal' ? 'journal_entry' : recordTables[name].table
  const key = name === 'journal' ? ['user_id', 'cycle_start_ms', 'question'] : [recordTables[name].key]
  const where = key.map((column) => `${column} = @${column}`).join(' AND ')
  const compared = columns.filter((column) => column !== 'walk')
  return {
    existing: db.prepare(`SELECT ${compared.join(', ')} FROM ${table} WHERE ${where}`),
    insert: db.prepare(`INSERT INTO ${table} (${columns.join(', ')}) VALUES (${columns.map((c) => `@${c}`).join(', ')})`),
    update: db.prepare(`UPDATE ${table} SET ${compared.map((c) => `${c} = @${c}`).join(', ')} WHERE ${where}`),
    apiTwin:
      name === 'journal'
        ? undefined
        : db.prepare(
            `SELECT 1 FROM ${table} WHERE user_id = ? AND source != 'export' AND ${recordTables[name].anchor} BETWEEN ? AND ?`
          )
  }
}

// ---- one row of the export to one row of the store ----

/** `UTC-04:00` (or WHOOP's API form `-04:00`) as minutes east of UTC. */
function offsetOf(fields: Fields, where: string): { minutes: number; text: string } {
  const match = /^(?:UTC|GMT)?\s*([+-])(\d{1,2}):?(\d{2})$/i.exec(fields.cycleTimezone ?? '')
  if (!match) {
    if (/^(UTC|GMT|Z)$/i.test(fields.cycleTimezone ?? '')) return { minutes: 0, text: '+00:00' }
    throw new ImportRejectedError(`${where}: the cycle timezone "${fields.cycleTimezone ?? ''}" is not a UTC offset.`)
  }
  const minutes = (Number(match[2]) * 60 + Number(match[3])) * (match[1] === '-' ? -1 : 1)
  return { minutes, text: `${match[1]}${match[2].padStart(2, '0')}:${match[3]}` }
}

/** A local `YYYY-MM-DD HH:MM:SS` in the row's timezone, as epoch milliseconds (UTC). */
function timeOf(value: string | undefined, offsetMinutes: number, where: string, column: string): number | null {
  if (!value) return null
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value)
  if (!match) throw new ImportRejectedError(`${where}: "${value}" in ${column} is not a date and time.`)
  const [, y, mo, d, h, mi, s = '0'] = match
  return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offsetMinutes * MINUTE
}

function requiredTime(value: string | undefined, offsetMinutes: number, where: string, column: string): number {
  const time = timeOf(value, offsetMinutes, where, column)
  if (time === null) throw new ImportRejectedError(`${where}: ${column} is empty.`)
  return time
}

function numberOf(value: string | undefined, where: string, column: string): number | null {
  if (value === undefined || value === '') return null
  const parsed = Number(value.replace(',', '.'))
  if (!Number.isFinite(parsed)) throw new ImportRejectedError(`${where}: "${value}" in ${column} is not a number.`)
  return parsed
}

const kilojoules = (kcal: number | null) => (kcal === null ? null : Math.round(kcal * KJ_PER_KCAL * 1000) / 1000)
const milliseconds = (minutes: number | null) => (minutes === null ? null : Math.round(minutes * MINUTE))
const booleanOf = (value: string | undefined) => (value === undefined || value === '' ? null : /^(true|s[ií]|yes|1)$/i.test(value) ? 1 : 0)
const iso = (ms: number) => new Date(ms).toISOString()

/** Ids no WHOOP record has: negative cycle ids and `export-…` ids, fixed by the record's start. */
const cycleIdOf = (startMs: number) => -Math.floor(startMs / 1000)

function exportColumns(startMs: number, scored: boolean, raw: string) {
  return {
    score_state: scored ? 'SCORED' : 'UNSCORABLE',
    created_at: iso(startMs),
    updated_at: iso(startMs),
    updated_ms: startMs,
    source: 'export',
    walk: null,
    raw
  }
}

function cycleRow(fields: Fields, raw: string, where: string): Row {
  const offset = offsetOf(fields, where)
  const start = requiredTime(fields.cycleStart, offset.minutes, where, 'Cycle start time')
  const strain = numberOf(fields.dayStrain, where, 'Day Strain')
  return {
    id: cycleIdOf(start),
    start_ms: start,
    end_ms: timeOf(fields.cycleEnd, offset.minutes, where, 'Cycle end time'),
    timezone_offset: offset.text,
    local_date: cycleDateOf(start, offset.text),
    strain,
    kilojoule: kilojoules(numberOf(fields.energy, where, 'Energy burned')),
    average_heart_rate: numberOf(fields.averageHr, where, 'Average HR'),
    max_heart_rate: numberOf(fields.maxHr, where, 'Max HR'),
    ...exportColumns(start, strain !== null, raw)
  }
}

function recoveryRow(fields: Fields, cycle: Row, raw: string, where: string): Row | undefined {
  const recovery = numberOf(fields.recovery, where, 'Recovery score')
  const onset = timeOf(fields.sleepOnset, offsetOf(fields, where).minutes, where, 'Sleep onset')
  if (recovery === null && onset === null) return undefined
  const sleepStart = onset ?? (cycle.start_ms as number)
  return {
    cycle_id: cycle.id,
    sleep_id: `export-sleep-${sleepStart}`,
    sleep_start_ms: sleepStart,
    user_calibrating: null,
    recovery_score: recovery,
    resting_heart_rate: numberOf(fields.restingHr, where, 'Resting heart rate'),
    hrv_rmssd_milli: numberOf(fields.hrv, where, 'Heart rate variability'),
    spo2_percentage: numberOf(fields.spo2, where, 'Blood oxygen'),
    skin_temp_celsius: numberOf(fields.skinTemp, where, 'Skin temp'),
    ...exportColumns(cycle.start_ms as number, recovery !== null, raw)
  }
}

function sleepRow(fields: Fields, raw: string, where: string): Row {
  const offset = offsetOf(fields, where)
  const start = requiredTime(fields.sleepOnset, offset.minutes, where, 'Sleep onset')
  const end = requiredTime(fields.wakeOnset, offset.minutes, where, 'Wake onset')
  const cycleStart = requiredTime(fields.cycleStart, offset.minutes, where, 'Cycle start time')
  const minutes = (field: WhoopExportField, column: string) => milliseconds(numberOf(fields[field], where, column))
  const asleep = numberOf(fields.asleep, where, 'Asleep duration')
  return {
    id: `export-sleep-${start}`,
    cycle_id: cycleIdOf(cycleStart),
    start_ms: start,
    end_ms: end,
    timezone_offset: offset.text,
    local_date: localDateOf(end, offset.text),
    nap: booleanOf(fields.nap) ?? 0,
    in_bed_ms: minutes('inBed', 'In bed duration'),
    awake_ms: minutes('awake', 'Awake duration'),
    no_data_ms: null,
    light_ms: minutes('light', 'Light sleep duration'),
    deep_ms: minutes('deep', 'Deep (SWS) duration'),
    rem_ms: minutes('rem', 'REM duration'),
    sleep_cycle_count: null,
    disturbance_count: null,
    need_ms: minutes('sleepNeed', 'Sleep need'),
    respiratory_rate: numberOf(fields.respiratoryRate, where, 'Respiratory rate'),
    performance_pct: numberOf(fields.sleepPerformance, where, 'Sleep performance'),
    consistency_pct: numberOf(fields.sleepConsistency, where, 'Sleep consistency'),
    efficiency_pct: numberOf(fields.sleepEfficiency, where, 'Sleep efficiency'),
    ...exportColumns(start, asleep !== null, raw)
  }
}

function workoutRow(fields: Fields, raw: string, where: string): Row {
  const offset = offsetOf(fields, where)
  const start = requiredTime(fields.workoutStart, offset.minutes, where, 'Workout start time')
  const end = requiredTime(fields.workoutEnd, offset.minutes, where, 'Workout end time')
  const strain = numberOf(fields.activityStrain, where, 'Activity Strain')
  // The export gives zones 1–5 as a share of the workout; the store keeps time in each zone.
  const length = end - start
  const zoneShares = (['zone1', 'zone2', 'zone3', 'zone4', 'zone5'] as const).map((zone, index) =>
    numberOf(fields[zone], where, `HR Zone ${index + 1} %`)
  )
  const zoneMs = zoneShares.map((share) => (share === null ? null : Math.round((share / 100) * length)))
  const known = zoneMs.every((ms) => ms !== null)
  return {
    id: `export-workout-${start}`,
    start_ms: start,
    end_ms: end,
    timezone_offset: offset.text,
    local_date: localDateOf(start, offset.text),
    sport_name: (fields.activity ?? '').toLowerCase().replace(/\s+/g, '-'),
    strain,
    average_heart_rate: numberOf(fields.averageHr, where, 'Average HR'),
    max_heart_rate: numberOf(fields.maxHr, where, 'Max HR'),
    kilojoule: kilojoules(numberOf(fields.energy, where, 'Energy burned')),
    percent_recorded: null,
    distance_meter: numberOf(fields.distance, where, 'Distance'),
    altitude_gain_meter: numberOf(fields.altitudeGain, where, 'Altitude gain'),
    altitude_change_meter: numberOf(fields.altitudeChange, where, 'Altitude change'),
    zone0_ms: known ? Math.max(0, length - zoneMs.reduce((sum, ms) => sum! + ms!, 0)!) : null,
    zone1_ms: zoneMs[0],
    zone2_ms: zoneMs[1],
    zone3_ms: zoneMs[2],
    zone4_ms: zoneMs[3],
    zone5_ms: zoneMs[4],
    ...exportColumns(start, strain !== null, raw)
  }
}

function journalRow(fields: Fields, where: string): Row {
  const offset = offsetOf(fields, where)
  const start = requiredTime(fields.cycleStart, offset.minutes, where, 'Cycle start time')
  const question = (fields.question ?? '').trim()
  if (!question) throw new ImportRejectedError(`${where}: the question is empty.`)
  return {
    cycle_start_ms: start,
    cycle_end_ms: timeOf(fields.cycleEnd, offset.minutes, where, 'Cycle end time'),
    timezone_offset: offset.text,
    local_date: cycleDateOf(start, offset.text),
    question,
    answered_yes: booleanOf(fields.answeredYes),
    notes: fields.notes ? fields.notes : null,
    source: 'export'
  }
}
