import type { MemberHistory } from '../../src/main/demo/memberHistory'
import { addDays, dayMeans, memberFigures } from './memberFigures'
import { cycleDay } from './memberDays'

export type JournalRows = [cycleIndex: number, question: string, yes: boolean, notes: string][]

export const ALCOHOL = 'Did you have any alcoholic drinks?'
export const READING = 'Did you read before bed?'
export const MEDITATION = 'Did you meditate?'

/**
 * Journal answers for the member's last `days` cycles (older cycles have none): alcohol answered
 * yes mostly before a low recovery (so it shows a clear difference), reading every other day, and
 * meditation on only five days (too few to compare). Each cycle's day is the test's own `cycleDay`.
 */
export function journalFor(history: MemberHistory, days = 150): JournalRows {
  const recovery = dayMeans(memberFigures(history).recovery)
  const rows: JournalRows = []
  for (let index = 1; index <= days && index < history.cycles.length; index++) {
    const next = recovery.get(addDays(cycleDay(history, history.cycles[index].id), 1))
    rows.push([index, ALCOHOL, (next !== undefined && next < 50) !== (index % 7 === 0), ''])
    rows.push([index, READING, index % 2 === 0, index === 2 ? 'Finished "Dune", =HYPERLINK("x")' : ''])
    rows.push([index, MEDITATION, index <= 5, ''])
  }
  return rows
}

/** The day each answer belongs to: the day of its cycle. */
export function journalDays(history: MemberHistory, rows: JournalRows, question: string): { yes: string[]; no: string[] } {
  const of = (yes: boolean) =>
    rows.filter(([, q, answer]) => q === question && answer === yes).map(([index]) => cycleDay(history, history.cycles[index].id))
  return { yes: of(true), no: of(false) }
}
