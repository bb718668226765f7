import type { Cycle, Recovery, Sleep, Workout } from '../whoop/whoopSchemas'
import { cycleDateOf, localDateOf } from './localDate'

export type RecordSource = 'api' | 'export' | 'demo'
export type Row = Record<string, string | number | null>

/**
 * How each WHOOP collection is stored: its table, key, the column WHOOP filters a time window on,
 * and the typed columns taken from a record. Inserts, updates and sweeps are generated from this,
 * so a column is named in exactly one place.
 */
export interface RecordTable<Record> {
  table: string
  key: string
  /** The time WHOOP's `start`/`end` window applies to, for incremental windows and sweeps. */
  anchor: string
  columns: readonly string[]
  toRow(record: Record, context: RowContext): Row
}

interface RowContext {
  userId: number
  source: RecordSource
  walk: number | null
  /** Start of a stored sleep, to place a recovery in time (WHOOP orders recoveries by their sleep). */
  sleepStartMs(sleepId: string): number | undefined
  cycleStartMs(cycleId: number): number | undefined
}

const common = ['user_id', 'score_state', 'created_at', 'updated_at', 'updated_ms', 'source', 'walk', 'raw'] as const

function commonColumns(record: { user_id: number; score_state: string; created_at: string; updated_at: string }, context: RowContext) {
  return {
    user_id: context.userId,
    score_state: record.score_state,
    created_at: record.created_at,
    updated_at: record.updated_at,
    updated_ms: Date.parse(record.updated_at),
    source: context.source,
    walk: context.walk,
    raw: JSON.stringify(record)
  }
}

/** A score only counts when WHOOP says the record is scored. */
const scoreOf = <T extends { score_state: string; score?: unknown }>(record: T) =>
  (record.score_state === 'SCORED' ? record.score : undefined) as NonNullable<T['score']> | undefined

const cycleTable: RecordTable<Cycle> = {
  table: 'cycle',
  key: 'id',
  anchor: 'start_ms',
  columns: ['id', 'start_ms', 'end_ms', 'timezone_offset', 'local_date', 'strain', 'kilojoule', 'average_heart_rate', 'max_heart_rate', ...common],
  toRow(cycle, context) {
    const start = Date.parse(cycle.start)
    const score = scoreOf(cycle)
    return {
      id: cycle.id,
      start_ms: start,
      end_ms: cycle.end ? Date.parse(cycle.end) : null,
      timezone_offset: cycle.timezone_offset,
      local_date: cycleDateOf(start, cycle.timezone_offset),
      strain: score?.strain ?? null,
      kilojoule: score?.kilojoule ?? null,
      average_heart_rate: score?.average_heart_rate ?? null,
      max_heart_rate: score?.max_heart_rate ?? null,
      ...commonColumns(cycle, context)
    }
  }
}

const recoveryTable: RecordTable<Recovery> = {
  table: 'recovery',
  key: 'cycle_id',
  anchor: 'sleep_start_ms',
  columns: [
    'cycle_id', 'sleep_id', 'sleep_start_ms', 'user_calibrating', 'recovery_score', 'resting_heart_rate',
    'hrv_rmssd_milli', 'spo2_percentage', 'skin_temp_celsius', ...common
  ],
  toRow(recovery, context) {
    const score = scoreOf(recovery)
    return {
      cycle_id: recovery.cycle_id,
      sleep_id: recovery.sleep_id,
      sleep_start_ms:
        context.sleepStartMs(recovery.sleep_id) ?? context.cycleStartMs(recovery.cycle_id) ?? Date.parse(recovery.created_at),
      user_calibrating: score ? Number(score.user_calibrating) : null,
      recovery_score: score?.recovery_score ?? null,
      resting_heart_rate: score?.resting_heart_rate ?? null,
      hrv_rmssd_milli: score?.hrv_rmssd_milli ?? null,
      spo2_percentage: score?.spo2_percentage ?? null,
      skin_temp_celsius: score?.skin_temp_celsius ?? null,
      ...commonColumns(recovery, context)
    }
  }
}

const sleepTable: RecordTable<Sleep> = {
  table: 'sleep',
  key: 'id',
  anchor: 'start_ms',
  columns: [
    'id', 'cycle_id', 'start_ms', 'end_ms', 'timezone_offset', 'local_date', 'nap', 'in_bed_ms', 'awake_ms',
    'no_data_ms', 'light_ms', 'deep_ms', 'rem_ms', 'sleep_cycle_count', 'disturbance_count', 'need_ms',
    'respiratory_rate', 'performance_pct', 'consistency_pct', 'efficiency_pct', ...common
  ],
  toRow(sleep, context) {
    const end = Date.parse(sleep.end)
    const score = scoreOf(sleep)
    const stages = score?.stage_summary
    const need = score?.sleep_needed
    return {
      id: sleep.id,
      cycle_id: sleep.cycle_id,
      start_ms: Date.parse(sleep.start),
      end_ms: end,
      timezone_offset: sleep.timezone_offset,
      // A night belongs to the day the member wakes up on.
      local_date: localDateOf(end, sleep.timezone_offset),
      nap: Number(sleep.nap),
      in_bed_ms: stages?.total_in_bed_time_milli ?? null,
      awake_ms: stages?.total_awake_time_milli ?? null,
      no_data_ms: stages?.total_no_data_time_milli ?? null,
      light_ms: stages?.total_light_sleep_time_milli ?? null,
      deep_ms: stages?.total_slow_wave_sleep_time_milli ?? null,
      rem_ms: stages?.total_rem_sleep_time_milli ?? null,
      sleep_cycle_count: stages?.sleep_cycle_count ?? null,
      disturbance_count: stages?.disturbance_count ?? null,
      need_ms: need
        ? need.baseline_milli + need.need_from_sleep_debt_milli + need.need_from_recent_strain_milli + need.need_from_recent_nap_milli
        : null,
      respiratory_rate: score?.respiratory_rate ?? null,
      performance_pct: score?.sleep_performance_percentage ?? null,
      consistency_pct: score?.sleep_consistency_percentage ?? null,
      efficiency_pct: score?.sleep_efficiency_percentage ?? null,
      ...commonColumns(sleep, context)
    }
  }
}

const workoutTable: RecordTable<Workout> = {
  table: 'workout',
  key: 'id',
  anchor: 'start_ms',
  columns: [
    'id', 'start_ms', 'end_ms', 'timezone_offset', 'local_date', 'sport_name', 'strain', 'average_heart_rate',
    'max_heart_rate', 'kilojoule', 'percent_recorded', 'distance_meter', 'altitude_gain_meter', 'altitude_change_meter',
    'zone0_ms', 'zone1_ms', 'zone2_ms', 'zone3_ms', 'zone4_ms', 'zone5_ms', ...common
  ],
  toRow(workout, context) {
    const start = Date.parse(workout.start)
    const score = scoreOf(workout)
    const zones = score?.zone_durations
    return {
      id: workout.id,
      start_ms: start,
      end_ms: Date.parse(workout.end),
      timezone_offset: workout.timezone_offset,
      local_date: localDateOf(start, workout.timezone_offset),
      sport_name: workout.sport_name,
      strain: score?.strain ?? null,
      average_heart_rate: score?.average_heart_rate ?? null,
      max_heart_rate: score?.max_heart_rate ?? null,
      kilojoule: score?.kilojoule ?? null,
      percent_recorded: score?.percent_recorded ?? null,
      distance_meter: score?.distance_meter ?? null,
      altitude_gain_meter: score?.altitude_gain_meter ?? null,
      altitude_change_meter: score?.altitude_change_meter ?? null,
      zone0_ms: zones?.zone_zero_milli ?? null,
      zone1_ms: zones?.zone_one_milli ?? null,
      zone2_ms: zones?.zone_two_milli ?? null,
      zone3_ms: zones?.zone_three_milli ?? null,
      zone4_ms: zones?.zone_four_milli ?? null,
      zone5_ms: zones?.zone_five_milli ?? null,
      ...commonColumns(workout, context)
    }
  }
}

export const recordTables = {
  cycle: cycleTable,
  recovery: recoveryTable,
  sleep: sleepTable,
  workout: workoutTable
} as const
