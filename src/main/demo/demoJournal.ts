import type { Database } from 'better-sqlite3'
import { cycleDateOf } from '../store/localDate'
import type { MemberHistory } from './memberHistory'
import { seededRandom } from './seededRandom'

/**
 * Journal answers for the demo member, so the Insights page has something to show before an import:
 * alcohol answered yes more often before a low recovery, late caffeine more often before a poor
 * night, reading at random. Generated from the history itself, so the same every time.
 */
export function saveDemoJournal(db: Database, history: MemberHistory): number {
  const random = seededRandom(7)
  const cycles = [...history.cycles].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
  const recoveryOf = new Map(history.recoveries.map((r) => [r.cycle_id, r.score?.recovery_score]))
  const insert = db.prepare(`
    INSERT INTO journal_entry (user_id, cycle_start_ms, cycle_end_ms, timezone_offset, local_date, question, answered_yes, notes, source)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'demo')`)
  let answers = 0
  // Answered on the morning after a day, so the newest cycle (still running) has none yet.
  for (const [index, cycle] of cycles.slice(0, -1).entries()) {
    const nextRecovery = recoveryOf.get(cycles[index + 1].id) ?? 50
    const start = Date.parse(cycle.start)
    const day = cycleDateOf(start, cycle.timezone_offset)
    const yes = {
      'Did you have any alcoholic drinks?': random.chance(nextRecovery < 45 ? 0.55 : 0.15),
      'Did you have caffeine after 2 PM?': random.chance(nextRecovery < 55 ? 0.4 : 0.25),
      'Did you read before bed?': random.chance(0.5)
    }
    for (const [question, answer] of Object.entries(yes)) {
      insert.run(history.profile.user_id, start, cycle.end ? Date.parse(cycle.end) : null, cycle.timezone_offset, day, question, answer ? 1 : 0)
      answers++
    }
  }
  return answers
}
