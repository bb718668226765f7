import { z } from 'zod'

/**
 * The JSON export format, version 2: every record of every account with its typed fields (as the
 * app stores them) and `raw`, the record exactly as it came (WHOOP's JSON, or the row of WHOOP's CSV
 * export it was imported from), plus profile, body measurement, journal entries and the person's
 * own day tags (new in version 2; a version 1 file, without them, restores as it always did). Never
 * tokens, secrets or settings. The committed JSON Schema (`whoop-desktop-export.schema.json`, linked from the
 * README) is generated from these definitions, and a test keeps the two identical.
 */
export const EXPORT_FORMAT = 'whoop-desktop-export'
export const EXPORT_VERSION = 2

const nullableNumber = z.number().nullable()
const nullableInteger = z.number().int().nullable()
const integer = z.number().int()
const source = z.enum(['api', 'export', 'demo'])
const scoreState = z.string()
const raw = z.unknown().describe('The record exactly as it was received')

const common = {
  score_state: scoreState,
  created_at: z.string(),
  updated_at: z.string(),
  updated_ms: integer,
  source,
  raw
}

export const exportedCycleSchema = z.strictObject({
  id: integer,
  start_ms: integer,
  end_ms: nullableInteger,
  timezone_offset: z.string(),
  local_date: z.string(),
  strain: nullableNumber,
  kilojoule: nullableNumber,
  average_heart_rate: nullableInteger,
  max_heart_rate: nullableInteger,
  ...common
})

export const exportedRecoverySchema = z.strictObject({
  cycle_id: integer,
  sleep_id: z.string(),
  sleep_start_ms: integer,
  user_calibrating: nullableInteger,
  recovery_score: nullableNumber,
  resting_heart_rate: nullableNumber,
  hrv_rmssd_milli: nullableNumber,
  spo2_percentage: nullableNumber,
  skin_temp_celsius: nullableNumber,
  ...common
})

export const exportedSleepSchema = z.strictObject({
  id: z.string(),
  cycle_id: integer,
  start_ms: integer,
  end_ms: integer,
  timezone_offset: z.string(),
  local_date: z.string(),
  nap: integer,
  in_bed_ms: nullableInteger,
  awake_ms: nullableInteger,
  no_data_ms: nullableInteger,
  light_ms: nullableInteger,
  deep_ms: nullableInteger,
  rem_ms: nullableInteger,
  sleep_cycle_count: nullableInteger,
  disturbance_count: nullableInteger,
  need_ms: nullableInteger,
  respiratory_rate: nullableNumber,
  performance_pct: nullableNumber,
  consistency_pct: nullableNumber,
  efficiency_pct: nullableNumber,
  ...common
})

export const exportedWorkoutSchema = z.strictObject({
  id: z.string(),
  start_ms: integer,
  end_ms: integer,
  timezone_offset: z.string(),
  local_date: z.string(),
  sport_name: z.string(),
  strain: nullableNumber,
  average_heart_rate: nullableInteger,
  max_heart_rate: nullableInteger,
  kilojoule: nullableNumber,
  percent_recorded: nullableNumber,
  distance_meter: nullableNumber,
  altitude_gain_meter: nullableNumber,
  altitude_change_meter: nullableNumber,
  zone0_ms: nullableInteger,
  zone1_ms: nullableInteger,
  zone2_ms: nullableInteger,
  zone3_ms: nullableInteger,
  zone4_ms: nullableInteger,
  zone5_ms: nullableInteger,
  ...common
})

export const exportedJournalEntrySchema = z.strictObject({
  cycle_start_ms: integer,
  cycle_end_ms: nullableInteger,
  timezone_offset: z.string(),
  local_date: z.string(),
  question: z.string(),
  answered_yes: nullableInteger,
  notes: z.string().nullable(),
  source
})

export const exportedDayTagSchema = z.strictObject({
  date: z.iso.date().describe('The member’s day the tag is on, YYYY-MM-DD'),
  tag: z.string().min(1).max(40),
  created_ms: integer
})

export const exportedAccountSchema = z.strictObject({
  userId: integer,
  connectedAt: z.string(),
  isDemo: z.boolean(),
  profile: z
    .strictObject({ email: z.string(), first_name: z.string(), last_name: z.string(), fetched_at: z.string(), raw })
    .nullable(),
  bodyMeasurement: z
    .strictObject({ height_meter: z.number(), weight_kilogram: z.number(), max_heart_rate: integer, fetched_at: z.string(), raw })
    .nullable(),
  cycles: z.array(exportedCycleSchema),
  recoveries: z.array(exportedRecoverySchema),
  sleeps: z.array(exportedSleepSchema),
  workouts: z.array(exportedWorkoutSchema),
  journalEntries: z.array(exportedJournalEntrySchema),
  /** Absent from version 1 files. */
  tags: z.array(exportedDayTagSchema).optional()
})

export const exportFileSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.number().int().min(1).max(EXPORT_VERSION).describe('The format version: 2 since day tags; 1 files are read too'),
  exportedAt: z.string(),
  app: z.strictObject({ name: z.string(), version: z.string() }),
  range: z.strictObject({ start: z.string().nullable(), end: z.string().nullable() }),
  recordTypes: z.array(z.enum(['cycle', 'recovery', 'sleep', 'workout', 'journal', 'tag'])),
  accounts: z.array(exportedAccountSchema)
})

export type ExportFile = z.infer<typeof exportFileSchema>

/** The JSON Schema committed beside this file, generated from the definitions above. */
export function exportJsonSchema(): object {
  return {
    title: `WHOOP Desktop export, version ${EXPORT_VERSION}`,
    description:
      'Every record with its typed fields and `raw`, the record exactly as received (WHOOP API JSON, or the row of WHOOP’s CSV export it was imported from). Times ending in _ms are milliseconds since 1970 (UTC); local_date is the member’s calendar day in the record’s timezone.',
    ...z.toJSONSchema(exportFileSchema, { unrepresentable: 'any' })
  }
}
