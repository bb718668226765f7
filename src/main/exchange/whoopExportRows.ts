import { cycleDateOf, localDateOf } from '../store/localDate'
import type { Row } from '../store/recordTables'
import { ImportRejectedError } from './importErrors'
import type { WhoopExportField } from './whoopExportColumns'

const KJ_PER_KCAL = 4.184
const MINUTE = 60_000

type Fields = Partial<Record<WhoopExportField, string>>

/*
 * One row of WHOOP's export to one row of the store. Local times are converted with each row's
 * `Cycle timezone`, kilocalories to kilojoules, minutes to milliseconds. What the export knows and
 * when (`updated_ms`) is stamped on later, by the import, from the whole export.
 */

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

/**
 * A row WHOOP left unscored is still being scored while its cycle is open (the export is cut
 * mid-day), and could not be scored once it closed.
 */
const scoreStateOf = (scored: boolean, open: boolean) => (scored ? 'SCORED' : open ? 'PENDING_SCORE' : 'UNSCORABLE')

function exportColumns(startMs: number, scoreState: string, raw: string) {
  return { score_state: scoreState, created_at: iso(startMs), source: 'export', walk: null, raw }
}

export function cycleRow(fields: Fields, raw: string, where: string): Row {
  const offset = offsetOf(fields, where)
  const start = requiredTime(fields.cycleStart, offset.minutes, where, 'Cycle start time')
  const strain = numberOf(fields.dayStrain, where, 'Day Strain')
  const end = timeOf(fields.cycleEnd, offset.minutes, where, 'Cycle end time')
  return {
    id: cycleIdOf(start),
    start_ms: start,
    end_ms: end,
    timezone_offset: offset.text,
    local_date: cycleDateOf(start, offset.text),
    strain,
    kilojoule: kilojoules(numberOf(fields.energy, where, 'Energy burned')),
    average_heart_rate: numberOf(fields.averageHr, where, 'Average HR'),
    max_heart_rate: numberOf(fields.maxHr, where, 'Max HR'),
    ...exportColumns(start, scoreStateOf(strain !== null, end === null), raw)
  }
}

export function recoveryRow(fields: Fields, cycle: Row, raw: string, where: string): Row | undefined {
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
    ...exportColumns(cycle.start_ms as number, scoreStateOf(recovery !== null, cycle.end_ms === null), raw)
  }
}

export function sleepRow(fields: Fields, raw: string, where: string): Row {
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
    ...exportColumns(start, scoreStateOf(asleep !== null, false), raw)
  }
}

export function workoutRow(fields: Fields, raw: string, where: string): Row {
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
    ...exportColumns(start, scoreStateOf(strain !== null, false), raw)
  }
}

export function journalRow(fields: Fields, where: string): Row {
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
