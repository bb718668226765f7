import { offsetMinutes } from '../store/localDate'
import type { Cycle, Recovery, Sleep, UserBasicProfile, UserBodyMeasurement, Workout } from '../whoop/whoopSchemas'
import { createPhysiology, type Morning } from './memberPhysiology'
import { nightsUntil, type Trip } from './memberRhythm'
import { seededRandom, type SeededRandom } from './seededRandom'
import { offsetAt } from './zonedTime'

/**
 * A deterministic, realistic WHOOP member, for the app's demo data and the fake WHOOP server of the
 * tests: one physiological cycle per night, from sleep onset to the next sleep onset, by the member's
 * own clock in their home time zone (daylight saving included) and on a trip abroad; a main sleep
 * (and sometimes a nap) per cycle, one recovery per cycle with a sleep, 0–2 workouts a day, a block
 * of hard training and a cold. The newest cycle is still running, the newest sleep and recovery are
 * still being scored, and a few records are unscorable, as in a real account. Records are exactly what
 * WHOOP's API returns.
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
  /** The moment the history ends at: WHOOP has every night the member woke from before it. */
  now: number
  seed?: number
  userId?: number
  /**
   * Whether WHOOP has already scored the newest sleep and recovery (the demo, so that it opens on
   * today's numbers). By default they are still being scored, as in the minutes after waking.
   */
  newestNightScored?: boolean
  /** Where the member lives (IANA); default America/New_York, with its daylight-saving changes. */
  timeZone?: string
  /** A stay in another time zone; default ten days in Paris, 390 days before the end (when the history is that long). */
  trip?: Trip | null
}

const HOUR = 3_600_000
const MINUTE = 60_000
const FIRST_CYCLE_ID = 1_100_000_000

/** Nights before the end when the member is ill (a cold: four mornings), and when they train hard. */
export const ILL_NIGHTS_AGO = { from: 16, to: 19 }
const HARD_TRAINING_DAYS_AGO = { from: 42, to: 62 }
const DEFAULT_TRIP: Trip = { endsDaysAgo: 390, days: 10, timeZone: 'Europe/Paris' }

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
  const seed = options.seed ?? 20260101
  const random = seededRandom(seed)
  const userId = options.userId ?? 10129
  const history: MemberHistory = {
    profile: { user_id: userId, email: 'alex.morgan@example.com', first_name: 'Alex', last_name: 'Morgan' },
    body: { height_meter: 1.7526, weight_kilogram: 72.5748, max_heart_rate: 194 },
    cycles: [],
    recoveries: [],
    sleeps: [],
    workouts: []
  }
  const nights = nightsUntil(options.now, options.days, {
    timeZone: options.timeZone ?? 'America/New_York',
    trip: options.trip === null ? undefined : (options.trip ?? DEFAULT_TRIP),
    seed
  })
  const morning = createPhysiology(random)
  let strainBefore = 11
  let sleepDebt = 0

  nights.forEach((night, index) => {
    const isCurrent = index === nights.length - 1
    const pending = isCurrent && !options.newestNightScored
    const end = isCurrent ? undefined : nights[index + 1].start
    const cycleId = FIRST_CYCLE_ID + index
    const nightsAgo = nights.length - 1 - index
    const ill = nightsAgo >= ILL_NIGHTS_AGO.from && nightsAgo <= ILL_NIGHTS_AGO.to
    const hardTraining = nightsAgo >= HARD_TRAINING_DAYS_AGO.from && nightsAgo <= HARD_TRAINING_DAYS_AGO.to
    // A sleep is recorded when its member wakes, a cycle and a workout when they begin.
    const sleepOffset = offsetAt(night.timeZone, night.end)
    const need = Math.round((7.6 + sleepDebt + 0.03 * strainBefore) * HOUR)
    const sleep = makeSleep(random, { userId, cycleId, start: night.start, end: night.end, offset: sleepOffset, nap: false, pending, newest: isCurrent, index, needMs: need })
    history.sleeps.push(sleep)
    const asleep = sleep.score ? asleepOf(sleep.score) : need
    sleepDebt = Math.min(1.5, Math.max(0, sleepDebt + (need - asleep) / HOUR / 2))
    const vitals = morning({ strainBefore, sleepPerformance: (100 * asleep) / need, ill, hardTraining, index })
    history.recoveries.push(makeRecovery({ userId, cycleId, sleep, index, total: nights.length, pending, vitals }))

    const awake = night.end
    const nextOnset = end ?? options.now
    const wakeDay = new Date(awake + offsetMinutes(sleepOffset) * MINUTE).getUTCDay()
    const restDay = wakeDay === 0 || ill
    const planned = ill ? random.between(3, 6) : restDay ? random.between(6, 9) : random.between(9.5, 14) + (hardTraining ? 3 : 0)
    const cycle = makeCycle(random, { userId, cycleId, start: night.start, end, offset: offsetAt(night.timeZone, night.start), now: options.now, strain: planned })
    history.cycles.push(cycle)

    let nap: Sleep | undefined
    if (!isCurrent && random.chance(0.08)) {
      const napStart = awake + Math.round(random.between(6, 9) * HOUR)
      if (napStart + 2 * HOUR < nextOnset) {
        const napEnd = napStart + Math.round(random.between(20, 75) * MINUTE)
        nap = makeSleep(random, { userId, cycleId, start: napStart, end: napEnd, offset: offsetAt(night.timeZone, napEnd), nap: true, pending: false, newest: false, index, needMs: 0 })
      }
    }
    const workoutCount = isCurrent || ill ? 0 : restDay ? random.pick([0, 0, 1]) : random.pick(hardTraining ? [1, 1, 2, 2] : [0, 1, 1, 1, 2])
    const workouts: Workout[] = []
    let earliest = awake + HOUR
    for (let n = 0; n < workoutCount; n++) {
      const workout = makeWorkout(random, { userId, earliest, latest: nextOnset - 3 * HOUR, timeZone: night.timeZone, hardTraining })
      if (!workout) break
      workouts.push(workout)
      earliest = Date.parse(workout.end) + HOUR
    }
    history.workouts.push(...workouts)
    // No one naps during a workout: a nap the day's workouts overlap is not taken.
    if (nap && !workouts.some((workout) => overlaps(workout, nap))) history.sleeps.push(nap)
    if (cycle.score) {
      holdWorkoutsInDay(cycle.score, workouts)
      strainBefore = cycle.score.strain
    }
  })

  for (const list of [history.cycles, history.sleeps, history.workouts]) list.sort(byStartDescending)
  history.recoveries.sort((a, b) => b.cycle_id - a.cycle_id)
  return history
}

const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }) => a.start < b.end && b.start < a.end

/**
 * A day and its workouts as WHOOP scores them: the day's strain is the load of the whole day, so a
 * workout in it strains less (one drawn above its day is held under it), and the day's highest heart
 * rate is at least a workout's and its energy at least what its workouts burned.
 */
function holdWorkoutsInDay(day: NonNullable<Cycle['score']>, workouts: readonly Workout[]): void {
  const scores = workouts.flatMap((workout) => (workout.score ? [workout.score] : []))
  for (const score of scores) score.strain = Math.min(score.strain, round(0.9 * day.strain, 4))
  day.max_heart_rate = Math.max(day.max_heart_rate, ...scores.map((score) => score.max_heart_rate))
  day.kilojoule = Math.max(day.kilojoule, round(scores.reduce((sum, score) => sum + score.kilojoule, 0), 3))
}

export function byStartDescending(a: { start: string }, b: { start: string }): number {
  return Date.parse(b.start) - Date.parse(a.start)
}

export const iso = (time: number) => new Date(time).toISOString()

function makeCycle(
  random: SeededRandom,
  c: { userId: number; cycleId: number; start: number; end?: number; offset: string; now: number; strain: number }
): Cycle {
  const unscorable = c.end !== undefined && random.chance(0.01)
  const hours = ((c.end ?? c.now) - c.start) / HOUR
  // The running cycle has had only part of its day: its strain so far.
  const strain = round(Math.min(21, Math.max(0.5, c.strain + random.normal(0, 1.2)) * Math.min(1, hours / 24)), 7)
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
            kilojoule: round(hours * random.between(320, 420) + strain * 180, 3),
            average_heart_rate: Math.round(56 + strain * 1.2 + random.between(-3, 3)),
            max_heart_rate: Math.round(Math.min(192, 110 + strain * 3.8 + random.between(-8, 8)))
          }
        })
  }
}

function makeSleep(
  random: SeededRandom,
  s: { userId: number; cycleId: number; start: number; end: number; offset: string; nap: boolean; pending: boolean; newest: boolean; index: number; needMs: number }
): Sleep {
  // The newest night is scored or still being scored, never lost: the demo opens on this morning's numbers.
  const state = s.pending ? 'PENDING_SCORE' : random.chance(s.newest ? 0 : 0.015) ? 'UNSCORABLE' : 'SCORED'
  const created = s.end + random.int(3, 25) * MINUTE
  const record: Sleep = {
    id: random.uuid(),
    cycle_id: s.cycleId,
    user_id: s.userId,
    created_at: iso(created),
    updated_at: iso(created + (state === 'SCORED' ? random.int(1, 40) * MINUTE : 0)),
    start: iso(s.start),
    end: iso(s.end),
    timezone_offset: s.offset,
    nap: s.nap,
    score_state: state
  }
  if (state === 'SCORED') record.score = sleepScore(random, s.end - s.start, s.nap, { index: s.index, needMs: s.needMs })
  return record
}

const asleepOf = (score: NonNullable<Sleep['score']>) =>
  score.stage_summary.total_light_sleep_time_milli + score.stage_summary.total_slow_wave_sleep_time_milli + score.stage_summary.total_rem_sleep_time_milli

/**
 * A night's (or nap's) score: its stages, and its need, whose parts add up to `needMs` (WHOOP's
 * baseline, debt, recent strain and a nap's credit). WHOOP rates consistency from the fourth night on.
 */
export function sleepScore(
  random: SeededRandom,
  inBed: number,
  nap: boolean,
  night: { index: number; needMs: number } = { index: 100, needMs: Math.round(random.between(7.4, 8.6) * HOUR) }
): NonNullable<Sleep['score']> {
  const awake = Math.round(inBed * random.between(0.04, 0.12))
  const noData = random.chance(0.05) ? random.int(1, 20) * MINUTE : 0
  const asleep = inBed - awake - noData
  const deep = Math.round(asleep * random.between(0.15, 0.25))
  const rem = Math.round(asleep * random.between(0.18, 0.28))
  const light = asleep - deep - rem
  const baseline = Math.round(random.between(7.4, 7.8) * HOUR)
  const napCredit = random.chance(0.1) ? -Math.round(random.between(0, 0.4) * HOUR) : 0
  const strainNeed = Math.round(random.between(0.1, 0.4) * HOUR)
  const debt = Math.max(0, night.needMs - baseline - strainNeed - napCredit)
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
    ...(nap || night.index < 4 ? {} : { sleep_consistency_percentage: random.int(62, 96) }),
    sleep_efficiency_percentage: round((asleep / inBed) * 100, 8)
  }
}

function makeRecovery(
  r: { userId: number; cycleId: number; sleep: Sleep; index: number; total: number; pending: boolean; vitals: Morning }
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
  if (state === 'SCORED') {
    record.score = recoveryScore(r.vitals, { calibrating: r.index < 14, newerStrap: r.index >= r.total * 0.4 })
    // The night's respiratory rate is the morning's, as WHOOP measures both from the same sleep.
    if (r.sleep.score) r.sleep.score.respiratory_rate = round(r.vitals.respiratoryRate, 8)
  }
  return record
}

/** A recovery's score from the member's morning. Newer straps (4.0 and later) also measure SpO2 and skin temperature. */
export function recoveryScore(vitals: Morning, strap: { calibrating: boolean; newerStrap: boolean }): NonNullable<Recovery['score']> {
  return {
    user_calibrating: strap.calibrating,
    recovery_score: vitals.recovery,
    resting_heart_rate: Math.round(vitals.restingHr),
    hrv_rmssd_milli: round(vitals.hrv, 6),
    ...(strap.newerStrap ? { spo2_percentage: round(vitals.spo2, 4), skin_temp_celsius: round(vitals.skinTemp, 2) } : {})
  }
}

function makeWorkout(
  random: SeededRandom,
  w: { userId: number; earliest: number; latest: number; timeZone: string; hardTraining: boolean }
): Workout | undefined {
  const durationMinutes = random.int(20, w.hardTraining ? 120 : 95)
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
    timezone_offset: offsetAt(w.timeZone, start),
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

function round(value: number, digits: number): number {
  const factor = 10 ** digits
  return Math.round(value * factor) / factor
}
