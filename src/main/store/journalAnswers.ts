import type { Database } from 'better-sqlite3'

/** How far from its answer's cycle start a stored cycle may start and still be that cycle (as imports match cycles). */
const SAME_CYCLE_MS = 12 * 3_600_000

export interface JournalAnswerRow {
  question: string
  answeredYes: boolean | null
  notes: string | null
  /** The day the answer belongs to. */
  date: string
}

interface CycleStart {
  start_ms: number
  day: string
}

/**
 * Journal answers with the day each belongs to: the day of its cycle, the stored cycle that started
 * nearest the answer's cycle start within 12 hours (WHOOP's export gives whole seconds where the API
 * gives milliseconds, and a re-export can move a start), else the date the export gave it. Every page
 * dates answers here, so the day view, the insights and the report agree.
 */
export function createJournalAnswers(db: Database) {
  const answersBetween = db.prepare<[number, number, number], { question: string; cycle_start_ms: number; local_date: string; answered_yes: number | null; notes: string | null }>(`
    SELECT question, cycle_start_ms, local_date, answered_yes, notes FROM journal_entry
     WHERE user_id = ? AND cycle_start_ms BETWEEN ? AND ? ORDER BY question, cycle_start_ms`)
  const cyclesBetween = db.prepare<[number, number, number], CycleStart>(
    'SELECT start_ms, day FROM cycle WHERE user_id = ? AND start_ms BETWEEN ? AND ? ORDER BY start_ms'
  )

  const anyAnswer = db.prepare<[number], { found: number }>('SELECT EXISTS (SELECT 1 FROM journal_entry WHERE user_id = ?) AS found')

  return {
    /** The answers whose cycle started from `fromMs` to `toMs` (all of them when left out), by question. */
    between(userId: number, fromMs = Number.MIN_SAFE_INTEGER, toMs = Number.MAX_SAFE_INTEGER): JournalAnswerRow[] {
      const cycles = cyclesBetween.all(userId, fromMs - SAME_CYCLE_MS, toMs + SAME_CYCLE_MS)
      return answersBetween.all(userId, fromMs, toMs).map((row) => ({
        question: row.question,
        answeredYes: row.answered_yes === null ? null : row.answered_yes === 1,
        notes: row.notes,
        date: nearestCycle(cycles, row.cycle_start_ms)?.day ?? row.local_date
      }))
    },
    /** Whether any answer is stored at all (they come only from WHOOP's export). */
    any: (userId: number) => anyAnswer.get(userId)!.found === 1
  }
}

export type JournalAnswers = ReturnType<typeof createJournalAnswers>

/** The cycle starting nearest `startMs` within 12 hours (the earlier one on a tie), by binary search. */
function nearestCycle(cycles: readonly CycleStart[], startMs: number): CycleStart | undefined {
  let low = 0
  let high = cycles.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (cycles[middle].start_ms < startMs) low = middle + 1
    else high = middle
  }
  const candidates = [cycles[low - 1], cycles[low]].filter((cycle) => cycle !== undefined && Math.abs(cycle.start_ms - startMs) <= SAME_CYCLE_MS)
  return candidates.sort((a, b) => Math.abs(a.start_ms - startMs) - Math.abs(b.start_ms - startMs))[0]
}
