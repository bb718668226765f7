import type { Clock } from '../../../src/main/clock'
import type { Cycle, Sleep, Workout } from '../../../src/main/whoop/whoopSchemas'
import {
  byStartDescending,
  iso,
  recoveryScore,
  sleepScore,
  workoutScore,
  type MemberHistory
} from '../../../src/main/demo/memberHistory'
import { ordinaryMorning } from '../../../src/main/demo/memberPhysiology'
import { seededRandom } from '../../../src/main/demo/seededRandom'

const HOUR = 3_600_000

/**
 * Changes to a member's history between syncs, as WHOOP makes them: late scoring, edits, new
 * records, deletions, and a new day. Every change moves `updated_at` to the clock's now.
 */
export function createHistoryEditor(history: MemberHistory, clock: Clock) {
  const random = seededRandom(4242)
  const now = () => iso(clock.now())
  const resort = () => {
    history.cycles.sort(byStartDescending)
    history.sleeps.sort(byStartDescending)
    history.workouts.sort(byStartDescending)
    history.recoveries.sort((a, b) => b.cycle_id - a.cycle_id)
  }

  function scoreSleep(sleep: Sleep): void {
    if (sleep.score_state === 'SCORED') return
    sleep.score_state = 'SCORED'
    sleep.score = sleepScore(random, Date.parse(sleep.end) - Date.parse(sleep.start), sleep.nap)
    sleep.updated_at = now()
  }

  return {
    /** WHOOP finishes scoring every sleep and recovery still pending. Returns how many changed. */
    scorePending(): number {
      let changed = 0
      for (const sleep of history.sleeps.filter((s) => s.score_state === 'PENDING_SCORE')) {
        scoreSleep(sleep)
        changed++
      }
      for (const recovery of history.recoveries.filter((r) => r.score_state === 'PENDING_SCORE')) {
        recovery.score_state = 'SCORED'
        recovery.score = recoveryScore(ordinaryMorning(random), { calibrating: false, newerStrap: true })
        recovery.updated_at = now()
        changed++
      }
      return changed
    },

    /** WHOOP scores a sleep it had not scored (still pending, or unscorable until now). */
    score: scoreSleep,

    /** The member edits a workout (WHOOP re-scores it). */
    editWorkout(id: string, change: (workout: Workout) => void): Workout {
      const workout = history.workouts.find((w) => w.id === id)
      if (!workout) throw new Error(`no workout ${id}`)
      change(workout)
      workout.updated_at = now()
      return workout
    },

    /** The member edits a sleep (e.g. moves its start). */
    editSleep(id: string, change: (sleep: Sleep) => void): Sleep {
      const sleep = history.sleeps.find((s) => s.id === id)
      if (!sleep) throw new Error(`no sleep ${id}`)
      change(sleep)
      sleep.updated_at = now()
      resort()
      return sleep
    },

    /** A workout logged after the fact, starting `hoursAgo` before now. */
    addWorkout(hoursAgo: number, minutes = 45, sportName = 'running'): Workout {
      const start = clock.now() - hoursAgo * HOUR
      const workout: Workout = {
        id: random.uuid(),
        user_id: history.profile.user_id,
        created_at: now(),
        updated_at: now(),
        start: iso(start),
        end: iso(start + minutes * 60_000),
        timezone_offset: history.cycles[0].timezone_offset,
        sport_name: sportName,
        score_state: 'SCORED',
        score: workoutScore(random, minutes, true)
      }
      history.workouts.push(workout)
      resort()
      return workout
    },

    /** The member deletes a workout. */
    deleteWorkout(id: string): void {
      const index = history.workouts.findIndex((w) => w.id === id)
      if (index < 0) throw new Error(`no workout ${id}`)
      history.workouts.splice(index, 1)
    },

    /** The member deletes a sleep; WHOOP deletes its recovery with it. */
    deleteSleep(id: string): void {
      const index = history.sleeps.findIndex((s) => s.id === id)
      if (index < 0) throw new Error(`no sleep ${id}`)
      history.sleeps.splice(index, 1)
      const recovery = history.recoveries.findIndex((r) => r.sleep_id === id)
      if (recovery >= 0) history.recoveries.splice(recovery, 1)
    },

    /**
     * A night passes: the running cycle ends at a new sleep onset `sleepHours + 2` hours before now,
     * and a new cycle starts with a sleep and recovery that WHOOP is still scoring.
     */
    newDay(sleepHours = 7.5): { cycle: Cycle; sleep: Sleep } {
      const current = history.cycles[0]
      const onset = clock.now() - (sleepHours + 2) * HOUR
      current.end = iso(onset)
      current.updated_at = now()
      const cycle: Cycle = {
        ...structuredClone(current),
        id: current.id + 1,
        created_at: iso(onset),
        updated_at: now(),
        start: iso(onset),
        score: { strain: 2.1, kilojoule: 1800, average_heart_rate: 61, max_heart_rate: 97 }
      }
      delete cycle.end
      const sleep: Sleep = {
        id: random.uuid(),
        cycle_id: cycle.id,
        user_id: history.profile.user_id,
        created_at: now(),
        updated_at: now(),
        start: iso(onset),
        end: iso(onset + sleepHours * HOUR),
        timezone_offset: cycle.timezone_offset,
        nap: false,
        score_state: 'PENDING_SCORE'
      }
      history.cycles.push(cycle)
      history.sleeps.push(sleep)
      history.recoveries.push({
        cycle_id: cycle.id,
        sleep_id: sleep.id,
        user_id: history.profile.user_id,
        created_at: now(),
        updated_at: now(),
        score_state: 'PENDING_SCORE'
      })
      resort()
      return { cycle, sleep }
    }
  }
}
