import { z } from 'zod'

/**
 * WHOOP API v2 response shapes, written from WHOOP's OpenAPI document (shared/whoop-api/openapi.json).
 * Objects are loose: fields WHOOP adds later pass through untouched and are stored with the record.
 * A score is required when `score_state` is `SCORED`; otherwise it is ignored if present.
 */
const timestamp = z.iso.datetime({ offset: true })
// WHOOP's example UUIDs are not all RFC 4122 variants; any 8-4-4-4-12 hex id is accepted.
const uuid = z.guid()
const int = z.number().int()
const scoreStates = ['SCORED', 'PENDING_SCORE', 'UNSCORABLE'] as const
const scoreState = z.enum(scoreStates)

function withScore<Shape extends z.ZodRawShape, Score extends z.ZodType>(shape: Shape, score: Score) {
  return z
    .looseObject({ ...shape, score_state: scoreState, score: score.nullish() })
    .superRefine((record, context) => {
      if (record.score_state === 'SCORED' && record.score == null) {
        context.addIssue({ code: 'custom', path: ['score'], message: 'is required when score_state is SCORED' })
      }
    })
}

export const userBasicProfileSchema = z.looseObject({
  user_id: int,
  email: z.string(),
  first_name: z.string(),
  last_name: z.string()
})

export const userBodyMeasurementSchema = z.looseObject({
  height_meter: z.number(),
  weight_kilogram: z.number(),
  max_heart_rate: int
})

export const cycleSchema = withScore(
  {
    id: int,
    user_id: int,
    created_at: timestamp,
    updated_at: timestamp,
    start: timestamp,
    end: timestamp.nullish(),
    timezone_offset: z.string()
  },
  z.looseObject({ strain: z.number(), kilojoule: z.number(), average_heart_rate: int, max_heart_rate: int })
)

export const recoverySchema = withScore(
  { cycle_id: int, sleep_id: uuid, user_id: int, created_at: timestamp, updated_at: timestamp },
  z.looseObject({
    user_calibrating: z.boolean(),
    recovery_score: z.number(),
    resting_heart_rate: z.number(),
    hrv_rmssd_milli: z.number(),
    spo2_percentage: z.number().nullish(),
    skin_temp_celsius: z.number().nullish()
  })
)

export const sleepSchema = withScore(
  {
    id: uuid,
    cycle_id: int,
    v1_id: int.nullish(),
    user_id: int,
    created_at: timestamp,
    updated_at: timestamp,
    start: timestamp,
    end: timestamp,
    timezone_offset: z.string(),
    nap: z.boolean()
  },
  z.looseObject({
    stage_summary: z.looseObject({
      total_in_bed_time_milli: int,
      total_awake_time_milli: int,
      total_no_data_time_milli: int,
      total_light_sleep_time_milli: int,
      total_slow_wave_sleep_time_milli: int,
      total_rem_sleep_time_milli: int,
      sleep_cycle_count: int,
      disturbance_count: int
    }),
    sleep_needed: z.looseObject({
      baseline_milli: int,
      need_from_sleep_debt_milli: int,
      need_from_recent_strain_milli: int,
      need_from_recent_nap_milli: int
    }),
    respiratory_rate: z.number().nullish(),
    sleep_performance_percentage: z.number().nullish(),
    sleep_consistency_percentage: z.number().nullish(),
    sleep_efficiency_percentage: z.number().nullish()
  })
)

export const workoutSchema = withScore(
  {
    id: uuid,
    v1_id: int.nullish(),
    user_id: int,
    created_at: timestamp,
    updated_at: timestamp,
    start: timestamp,
    end: timestamp,
    timezone_offset: z.string(),
    sport_name: z.string(),
    sport_id: int.nullish()
  },
  z.looseObject({
    strain: z.number(),
    average_heart_rate: int,
    max_heart_rate: int,
    kilojoule: z.number(),
    percent_recorded: z.number(),
    distance_meter: z.number().nullish(),
    altitude_gain_meter: z.number().nullish(),
    altitude_change_meter: z.number().nullish(),
    zone_durations: z.looseObject({
      zone_zero_milli: int,
      zone_one_milli: int,
      zone_two_milli: int,
      zone_three_milli: int,
      zone_four_milli: int,
      zone_five_milli: int
    })
  })
)

export type UserBasicProfile = z.infer<typeof userBasicProfileSchema>
export type UserBodyMeasurement = z.infer<typeof userBodyMeasurementSchema>
export type Cycle = z.infer<typeof cycleSchema>
export type Recovery = z.infer<typeof recoverySchema>
export type Sleep = z.infer<typeof sleepSchema>
export type Workout = z.infer<typeof workoutSchema>

/** The four collections WHOOP pages through, with their paths and record shapes. */
export const collections = {
  cycle: { path: '/v2/cycle', record: cycleSchema },
  recovery: { path: '/v2/recovery', record: recoverySchema },
  sleep: { path: '/v2/activity/sleep', record: sleepSchema },
  workout: { path: '/v2/activity/workout', record: workoutSchema }
} as const

export type CollectionName = keyof typeof collections
export const collectionNames = Object.keys(collections) as CollectionName[]

export interface CollectionRecords {
  cycle: Cycle
  recovery: Recovery
  sleep: Sleep
  workout: Workout
}

export function pageSchema<Record extends z.ZodType>(record: Record) {
  return z.looseObject({ records: z.array(record), next_token: z.string().nullish() })
}
