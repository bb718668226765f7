import type { Database } from 'better-sqlite3'
import { cycleDateOf } from '../store/localDate'
import type { MemberHistory } from './memberHistory'
import { seededRandom } from './seededRandom'

/**
 * Journal answers for the demo member, so the Insights page has something to show before an import,
 * kept where WHOOP keeps them: on the cycle of the morning they were given, about the day before
 * (so the newest cycle already has its answers and the oldest has none). Alcohol is answered yes
 * more often on a morning of low recovery, late caffeine more often after a poor night, reading at
 * random. Generated from the history itself, so the same every time.
 */
export function saveDemoJournal(db: Database, history: MemberHistory): number {
  const random = seededRandom(7)
  const cycles = [...history.cycles].sort((a, b) => Date.parse(a.start) - Date.parse(b.start))
  const recoveryOf = new Map(history.recoveries.map((r) => [r.cycle_id, r.score?.recovery_score]))
  const sleepOf = new Map(history.sleeps.filter((sleep) => !sleep.nap).map((sleep) => [sleep.cycle_id, sleep.score?.sleep_performance_percentage]))
  const insert = db.prepare(`
    INSERT INTO journal_entry (user_id, cycle_start_ms, cycle_end_ms, timezone_offset, local_date, question, answered_yes, notes, source)
    VALUES (?, ?, ?, ?, ?, ?, ?, NULL, 'demo')`)
  let answers = 0
  // The oldest cycle's morning would tell of a day before the history.
  for (const cycle of cycles.slice(1)) {
    const recovery = recoveryOf.get(cycle.id) ?? 50
    const night = sleepOf.get(cycle.id) ?? 80
    const start = Date.parse(cycle.start)
    const yes = {
      'Did you have any alcoholic drinks?': random.chance(recovery < 45 ? 0.55 : 0.15),
      'Did you have caffeine after 2 PM?': random.chance(night < 75 ? 0.45 : 0.2),
      'Did you read before bed?': random.chance(0.5)
    }
    for (const [question, answer] of Object.entries(yes)) {
      insert.run(history.profile.user_id, start, cycle.end ? Date.parse(cycle.end) : null, cycle.timezone_offset, cycleDateOf(start, cycle.timezone_offset), question, answer ? 1 : 0)
      answers++
    }
  }
  return answers
}
