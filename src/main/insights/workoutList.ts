import type { Database } from 'better-sqlite3'
import type { DayWorkout } from '../../shared/insights'
import { localTimeOf } from '../store/localDate'
import { stateOf } from './recordFields'

interface WorkoutRow {
  local_date: string
  sport_name: string
  score_state: string
  start_ms: number
  end_ms: number
  timezone_offset: string
  strain: number | null
  kilojoule: number | null
  average_heart_rate: number | null
  max_heart_rate: number | null
  zone0_ms: number | null
  zone1_ms: number | null
  zone2_ms: number | null
  zone3_ms: number | null
  zone4_ms: number | null
  zone5_ms: number | null
  distance_meter: number | null
  altitude_gain_meter: number | null
}

function workoutOf(row: WorkoutRow): DayWorkout {
  const zones = [row.zone0_ms, row.zone1_ms, row.zone2_ms, row.zone3_ms, row.zone4_ms, row.zone5_ms]
  return {
    date: row.local_date,
    sport: row.sport_name,
    state: stateOf(row.score_state),
    start: localTimeOf(row.start_ms, row.timezone_offset),
    end: localTimeOf(row.end_ms, row.timezone_offset),
    durationMs: row.end_ms - row.start_ms,
    strain: row.strain,
    kilojoule: row.kilojoule,
    averageHr: row.average_heart_rate,
    maxHr: row.max_heart_rate,
    zonesMs: zones.every((zone) => zone !== null) ? (zones as number[]) : null,
    distanceMeter: row.distance_meter,
    altitudeGainMeter: row.altitude_gain_meter
  }
}

/** The workouts of the days `from`…`to` (by the day each started), oldest first: the day view's and the MCP server's. */
export function createWorkoutList(db: Database) {
  const between = db.prepare<[number, string, string], WorkoutRow>(`
    SELECT local_date, sport_name, score_state, start_ms, end_ms, timezone_offset, strain, kilojoule, average_heart_rate, max_heart_rate,
           zone0_ms, zone1_ms, zone2_ms, zone3_ms, zone4_ms, zone5_ms, distance_meter, altitude_gain_meter
      FROM workout WHERE user_id = ? AND local_date BETWEEN ? AND ? ORDER BY start_ms`)
  return {
    between: (userId: number, from: string, to: string): DayWorkout[] => between.all(userId, from, to).map(workoutOf)
  }
}

export type WorkoutList = ReturnType<typeof createWorkoutList>
