import type { Cycle, Recovery, Sleep, UserBasicProfile, UserBodyMeasurement, Workout } from '../whoop/whoopSchemas'
import { seededRandom, type SeededRandom } from './seededRandom'

/**
 * A deterministic, realistic WHOOP member, for the app's demo data and the fake WHOOP server of the
 * tests: one physiological cycle per day from sleep onset to the
 * next sleep onset, a main sleep (and sometimes a nap) per cycle, one recovery per cycle with a sleep,
 * 0–2 workouts a day, in US Eastern time with its daylight-saving changes and a trip to Europe.
 * The newest cycle is still running, the newest sleep and recovery are still being scored, and a few
 * records are unscorable, as in a real account. Records are exactly what WHOOP's API returns.
 */
export interface MemberHistory {
  profile: UserBasicProfile
  body: UserBodyMeasurement
  cycles: Cycle[]
  recoveries: Recovery[]
  sleeps: Sleep[]
  workouts: Workout[]
}

export interface HistoryOptions {
  /** Number of cycles (days) of history. */
  days: number
  /** The moment the history ends at: the member woke up two hours before it. */
  now: number
  seed?: number
  userId?: number
  /**
   * Whether WHOOP has already scored this morning's sleep and recovery (the demo, so that it opens
   * on today's numbers). By default they are still being scored, as in the minutes after waking.
   */
  newestNightScored?: boolean
}

const HOUR = 3_600_000
const MINUTE = 60_000
const DAY = 24 * HOUR
export const FIRST_CYCLE_ID = 1_100_000_000

const sports = [
  { name: 'running', distance: true, weight: 5 },
  { name: 'cycling', distance: true, weight: 3 },
  { name: 'functional-fitness', distance: false, weight: 3 },
  { name: 'weightlifting', distance: false, weight: 4 },
  { name: 'yoga', distance: false, weight: 2 },
  { name: 'walking', distance: true, weight: 4 },
  { name: 'hiit', distance: false, weight: 2 },
  { name: 'tennis', distance: false, weight: 1 },
  { name: 'swimming', distance: true, weight: 1 },
  { name: 'hiking/rucking', distance: true, weight: 1 }
]
const weightedSports = sports.flatMap((sport) => Array(sport.weight).fill(sport))

export function generateMemberHistory(options: HistoryOptions): MemberHistory {
  const random = seededRandom(options.seed ?? 20260101)
  const userId = options.userId ?? 10129
  const history: MemberHistory = {
    profile: { user_id: userId, email: 'alex.morgan@example.com', first_name: 'Alex', last_name: 'Morgan' },
    body: { height_meter: 1.7526, weight_kilogram: 72.5748, max_heart_rate: 194 },
    cycles: [],
    recoveries: [],
    sleeps: [],
    workouts: []
  }

  // Sleep onsets, newest last: the last night ends two hours before `now`.
  const onsets: number[] = []
  let onset = options.now - 2 * HOUR - Math.round(random.between(7, 8.5) * HOUR)
  for (let day = 0; day < options.days; day++) {
    onsets.unshift(onset)
    onset -= DAY + Math.round(random.between(-50, 50)) * MINUTE
  }

  onsets.forEach((start, index) => {
    const isCurrent = index === onsets.length - 1
    const pending = isCurrent && !options.newestNightScored
    const end = isCurrent ? undefined : onsets[index + 1]
    const cycleId = FIRST_CYCLE_ID + index
    const offset = timezoneOffset(start, options.now)
    const ageDays = onsets.length - 1 - index
    const sleep = makeSleep(random, { userId, cycleId, start, offset, nap: false, pending, ageDays })
    history.sleeps.push(sleep)
    history.recoveries.push(makeRecovery(random, { userId, cycleId, sleep, index, total: onsets.length, pending }))
    history.cycles.push(makeCycle(random, { userId, cycleId, start, end, offset, now: options.now }))

    const awake = Date.parse(sleep.end)
    const nextOnset = end ?? options.now
    if (!isCurrent && random.chance(0.08)) {
      const napStart = awake + Math.round(random.between(6, 9) * HOUR)
      if (napStart + 2 * HOUR < nextOnset) {
        history.sleeps.push(makeSleep(random, { userId, cycleId, start: napStart, offset, nap: true, pending: false, ageDays }))
      }
    }
    const workoutCount = isCurrent ? 0 : random.pick([0, 0, 1, 1, 1, 1, 2, 2])
    let earliest = awake + HOUR
    for (let n = 0; n < workoutCount; n++) {
      const workout = makeWorkout(random, { userId, earliest, latest: nextOnset - 3 * HOUR, offset })
      if (!workout) break
      history.workouts.push(workout)
      earliest = Date.parse(workout.end) + HOUR
    }
  })

  for (const list of [history.cycles, history.sleeps, history.workouts]) list.sort(byStartDescending)
  history.recoveries.sort((a, b) => b.cycle_id - a.cycle_id)
  return history
}

export function byStartDescending(a: { start: string }, b: { start: string }): number {
  return Date.parse(b.start) - Date.parse(a.start)
}

export const iso = (time: number) => new Date(time).toISOString()

function makeCycle(
  random: SeededRandom,
  c: { userId: number; cycleId: number; start: number; end?: number; offset: string; now: number }
): Cycle {
  const unscorable = c.end !== undefined && random.chance(0.01)
  const hours = ((c.end ?? c.now) - c.start) / HOUR
  const strain = round(Math.min(21, random.between(4, 18) * Math.min(1, hours / 24)), 7)
  return {
    id: c.cycleId,
    user_id: c.userId,
    created_at: iso(c.start + 10 * MINUTE),
    updated_at: iso((c.end ?? c.now) + 15 * MINUTE),
    start: iso(c.start),
    ...(c.end !== undefined ? { end: iso(c.end) } : {}),
    timezone_offset: c.offset,
    score_state: unscorable ? 'UNSCORABLE' : 'SCORED',
    ...(unscorable
      ? {}
      : {
          score: {
            strain,
            kilojoule: round(hours * random.between(320, 520), 3),
            average_heart_rate: random.int(58, 78),
            max_heart_rate: random.int(125, 188)
          }
        })
  }
}

function makeSleep(
  random: SeededRandom,
  s: { userId: number; cycleId: number; start: number; offset: string; nap: boolean; pending: boolean; ageDays: number }
): Sleep {
  const inBed = Math.round((s.nap ? random.between(20, 75) : random.between(6.2, 9.2) * 60) * MINUTE)
  const end = s.start + inBed
  const state = s.pending ? 'PENDING_SCORE' : random.chance(0.015) ? 'UNSCORABLE' : 'SCORED'
  const created = end + random.int(3, 25) * MINUTE
  const record: Sleep = {
    id: random.uuid(),
    cycle_id: s.cycleId,
    user_id: s.userId,
    created_at: iso(created),
    updated_at: iso(created + (state === 'SCORED' ? random.int(1, 40) * MINUTE : 0)),
    start: iso(s.start),
    end: iso(end),
    timezone_offset: s.offset,
    nap: s.nap,
    score_state: state
  }
  if (state === 'SCORED') record.score = sleepScore(random, inBed, s.nap, s.ageDays)
  return record
}

export function sleepScore(random: SeededRandom, inBed: number, nap: boolean, ageDays = 100): NonNullable<Sleep['score']> {
  const awake = Math.round(inBed * random.between(0.04, 0.13))
  const noData = random.chance(0.05) ? random.int(1, 20) * MINUTE : 0
  const asleep = inBed - awake - noData
  const deep = Math.round(asleep * random.between(0.15, 0.25))
  const rem = Math.round(asleep * random.between(0.18, 0.28))
  const light = asleep - deep - rem
  const baseline = Math.round(random.between(7.4, 8.1) * HOUR)
  const debt = Math.round(random.between(0, 0.9) * HOUR)
  const strainNeed = Math.round(random.between(0, 0.5) * HOUR)
  const napCredit = random.chance(0.1) ? -Math.round(random.between(0, 0.6) * HOUR) : 0
  const need = baseline + debt + strainNeed + napCredit
  return {
    stage_summary: {
      total_in_bed_time_milli: inBed,
      total_awake_time_milli: awake,
      total_no_data_time_milli: noData,
      total_light_sleep_time_milli: light,
      total_slow_wave_sleep_time_milli: deep,
      total_rem_sleep_time_milli: rem,
      sleep_cycle_count: nap ? random.int(0, 1) : random.int(3, 6),
      disturbance_count: nap ? random.int(0, 3) : random.int(4, 18)
    },
    sleep_needed: {
      baseline_milli: baseline,
      need_from_sleep_debt_milli: debt,
      need_from_recent_strain_milli: strainNeed,
      need_from_recent_nap_milli: napCredit
    },
    respiratory_rate: round(random.between(13.8, 16.9), 8),
    ...(nap ? {} : { sleep_performance_percentage: Math.min(100, Math.round((asleep / need) * 100)) }),
    // WHOOP needs a few nights before it can rate consistency.
    ...(nap || ageDays < 4 ? {} : { sleep_consistency_percentage: random.int(55, 96) }),
    sleep_efficiency_percentage: round((asleep / inBed) * 100, 8)
  }
}

function makeRecovery(
  random: SeededRandom,
  r: { userId: number; cycleId: number; sleep: Sleep; index: number; total: number; pending: boolean }
): Recovery {
  const state = r.pending ? 'PENDING_SCORE' : r.sleep.score_state === 'UNSCORABLE' ? 'UNSCORABLE' : 'SCORED'
  const record: Recovery = {
    cycle_id: r.cycleId,
    sleep_id: r.sleep.id,
    user_id: r.userId,
    created_at: r.sleep.created_at,
    updated_at: r.sleep.updated_at,
    score_state: state
  }
  if (state === 'SCORED') record.score = recoveryScore(random, r.index, r.total)
  return record
}

export function recoveryScore(random: SeededRandom, index: number, total: number): NonNullable<Recovery['score']> {
  const hrv = Math.max(18, random.between(38, 78) + Math.sin(index / 9) * 6)
  const rhr = Math.max(40, random.between(48, 62) - (hrv - 55) * 0.15)
  const recovery = Math.round(Math.min(99, Math.max(1, 58 + (hrv - 55) * 1.4 - (rhr - 55) * 1.6 + random.between(-14, 14))))
  // Newer straps (4.0 and later) also measure SpO2 and skin temperature.
  const hasNewerStrap = index >= total * 0.4
  return {
    user_calibrating: index < 14,
    recovery_score: recovery,
    resting_heart_rate: Math.round(rhr),
    hrv_rmssd_milli: round(hrv, 6),
    ...(hasNewerStrap
      ? { spo2_percentage: round(random.between(94.5, 98.9), 4), skin_temp_celsius: round(random.between(33.1, 34.9), 2) }
      : {})
  }
}

function makeWorkout(
  random: SeededRandom,
  w: { userId: number; earliest: number; latest: number; offset: string }
): Workout | undefined {
  const durationMinutes = random.int(20, 110)
  const room = w.latest - durationMinutes * MINUTE - w.earliest
  if (room <= 0) return undefined
  const start = w.earliest + Math.round(random.next() * room)
  const end = start + durationMinutes * MINUTE
  const sport = random.pick(weightedSports)
  const unscorable = random.chance(0.02)
  const created = end + random.int(1, 10) * MINUTE
  const record: Workout = {
    id: random.uuid(),
    user_id: w.userId,
    created_at: iso(created),
    updated_at: iso(created),
    start: iso(start),
    end: iso(end),
    timezone_offset: w.offset,
    sport_name: sport.name,
    score_state: unscorable ? 'UNSCORABLE' : 'SCORED'
  }
  if (!unscorable) record.score = workoutScore(random, durationMinutes, sport.distance)
  return record
}

export function workoutScore(random: SeededRandom, minutes: number, hasDistance: boolean): NonNullable<Workout['score']> {
  const total = minutes * MINUTE
  const shares = [0.05, 0.2, 0.3, 0.25, 0.15, 0.05].map((share) => share * random.between(0.5, 1.5))
  const sum = shares.reduce((a, b) => a + b, 0)
  const zones = shares.map((share) => Math.round((share / sum) * total))
  zones[2] += total - zones.reduce((a, b) => a + b, 0)
  const average = random.int(105, 158)
  return {
    strain: round(Math.min(21, random.between(4, 17) * Math.min(1.2, minutes / 60)), 4),
    average_heart_rate: average,
    max_heart_rate: average + random.int(12, 35),
    kilojoule: round(minutes * random.between(25, 55), 8),
    percent_recorded: round(random.between(96, 100), 1),
    ...(hasDistance
      ? {
          distance_meter: round(minutes * random.between(90, 250), 8),
          altitude_gain_meter: round(random.between(0, 120), 8),
          altitude_change_meter: round(random.between(-10, 10), 8)
        }
      : {}),
    zone_durations: {
      zone_zero_milli: zones[0],
      zone_one_milli: zones[1],
      zone_two_milli: zones[2],
      zone_three_milli: zones[3],
      zone_four_milli: zones[4],
      zone_five_milli: zones[5]
    }
  }
}

/**
 * US Eastern time with its daylight-saving rule (second Sunday of March to first Sunday of
 * November), except for a ten-day trip to Central Europe a little over a year before `now`.
 */
export function timezoneOffset(time: number, now: number): string {
  const tripStart = now - 400 * DAY
  if (time >= tripStart && time < tripStart + 10 * DAY) return '+01:00'
  const year = new Date(time).getUTCFullYear()
  const dstStart = nthSundayUtc(year, 2, 2) + 7 * HOUR
  const dstEnd = nthSundayUtc(year, 10, 1) + 6 * HOUR
  return time >= dstStart && time < dstEnd ? '-04:00' : '-05:00'
}

function nthSundayUtc(year: number, month: number, n: number): number {
  const first = new Date(Date.UTC(year, month, 1))
  const firstSunday = 1 + ((7 - first.getUTCDay()) % 7)
  return Date.UTC(year, month, firstSunday + (n - 1) * 7)
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
