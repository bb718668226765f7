import type { Database } from 'better-sqlite3'
import { addDays } from './localDate'
import { rememberUntilChanged } from './rememberUntilChanged'

/** How far from its answer's cycle start a stored cycle may start and still be that cycle (as imports match cycles). */
const SAME_CYCLE_MS = 12 * 3_600_000

export interface JournalAnswerRow {
  question: string
  answeredYes: boolean | null
  notes: string | null
  /** The day of the cycle the answer sits on: the morning it was given, whose recovery it can explain. */
  answeredOn: string
  /** The day it tells of: the day before (see `behaviourDay`). */
  about: string
}

/**
 * The day a journal answer tells of. WHOOP asks its journal on waking and keeps each answer on the
 * cycle of that morning, about the day before: in a real export the newest cycle, still open,
 * already carries the morning's answers and the first cycle none, and "5 km run" sits on the cycle
 * after the day that holds the run. So the behaviour is the day before the answer's cycle's day, and
 * it shows in that same cycle's recovery, HRV, resting heart rate and sleep.
 */
export const behaviourDay = (answeredOn: string) => addDays(answeredOn, -1)

interface CycleStart {
  start_ms: number
  day: string
}

/**
 * Journal answers with the day each was given on: the day of its cycle, the stored cycle that started
 * nearest the answer's cycle start within 12 hours (WHOOP's export gives whole seconds where the API
 * gives milliseconds, and a re-export can move a start), else the date the export gave it. Every page
 * dates answers here, so the day view, the insights and the report agree.
 */
export function createJournalAnswers(db: Database) {
  const answersBetween = db.prepare<[number, number, number], { question: string; cycle_start_ms: number; local_date: string; answered_yes: number | null; notes: string | null }>(`
    SELECT question, cycle_start_ms, local_date, answered_yes, notes FROM journal_entry
     WHERE user_id = ? AND cycle_start_ms BETWEEN ? AND ? ORDER BY cycle_start_ms, question`)
  const cyclesBetween = db.prepare<[number, number, number], CycleStart>(
    'SELECT start_ms, day FROM cycle WHERE user_id = ? AND start_ms BETWEEN ? AND ? ORDER BY start_ms'
  )

  const anyAnswer = db.prepare<[number], { found: number }>('SELECT EXISTS (SELECT 1 FROM journal_entry WHERE user_id = ?) AS found')

  /** The answers whose cycle started from `fromMs` to `toMs` (all of them when left out), by start, then question. */
  function between(userId: number, fromMs = Number.MIN_SAFE_INTEGER, toMs = Number.MAX_SAFE_INTEGER): JournalAnswerRow[] {
    const cycles = cyclesBetween.all(userId, fromMs - SAME_CYCLE_MS, toMs + SAME_CYCLE_MS)
    // Answers and cycles both come by start, so one walk finds each answer's neighbours.
    let after = 0
    return answersBetween.all(userId, fromMs, toMs).map((row) => {
      while (after < cycles.length && cycles[after].start_ms < row.cycle_start_ms) after++
      const answeredOn = nearerCycle(cycles[after - 1], cycles[after], row.cycle_start_ms)?.day ?? row.local_date
      return {
        question: row.question,
        answeredYes: row.answered_yes === null ? null : row.answered_yes === 1,
        notes: row.notes,
        answeredOn,
        about: behaviourDay(answeredOn)
      }
    })
  }

  return {
    between,
    /** Every answer of the history, read again only after the database changed (insights ask for it often). */
    all: rememberUntilChanged(db, (userId: number) => between(userId)),
    /** Whether any answer is stored at all (they come only from WHOOP's export). */
    any: (userId: number) => anyAnswer.get(userId)!.found === 1
  }
}

export type JournalAnswers = ReturnType<typeof createJournalAnswers>

/** Of the cycles starting just before and just after `startMs`, the nearer within 12 hours (the earlier on a tie). */
function nearerCycle(before: CycleStart | undefined, after: CycleStart | undefined, startMs: number): CycleStart | undefined {
  const distance = (cycle: CycleStart | undefined) => (cycle ? Math.abs(cycle.start_ms - startMs) : Infinity)
  const nearer = distance(before) <= distance(after) ? before : after
  return distance(nearer) <= SAME_CYCLE_MS ? nearer : undefined
}
