import type { MemberHistory } from '../../src/main/demo/memberHistory'
import { seededRandom } from '../../src/main/demo/seededRandom'
import { cycleDay } from './memberDays'
import { addDays } from './memberFigures'

export type JournalRows = [cycleIndex: number, question: string, yes: boolean, notes: string][]

export const ALCOHOL = 'Did you have any alcoholic drinks?'
export const READING = 'Did you read before bed?'
export const MEDITATION = 'Did you meditate?'

export interface Planting {
  /** How many of the newest cycles get answers (older ones have none). */
  days: number
  /** How many of them are alcohol days, picked at random. */
  yesDays: number
  /** What each alcohol day does to the next morning's recovery. */
  recoveryPoints: number
}

/** After each of 40 of 150 alcohol days, next morning's recovery is 10 points lower. */
export const PLANTED: Planting = { days: 150, yesDays: 40, recoveryPoints: -10 }

/**
 * Journal answers for the member's newest cycles, with an effect planted in the history itself, so
 * it must be called before the history is synced or exported: alcohol on days picked at random
 * (40 of 150 by default), each followed by a morning whose recovery loses 10 points (by default);
 * reading on a random half of the days, with nothing planted; meditation on only five days (too few
 * to compare). Each cycle's day is the test's own `cycleDay`.
 */
export function plantJournal(history: MemberHistory, planting: Partial<Planting> = {}): JournalRows {
  const { days, yesDays, recoveryPoints } = { ...PLANTED, ...planting }
  const random = seededRandom(7)
  const dayOf = (index: number) => cycleDay(history, history.cycles[index].id)
  const recoveryOnDay = new Map(
    history.cycles.flatMap((cycle) => {
      const recovery = history.recoveries.find((r) => r.cycle_id === cycle.id && r.score)
      return recovery ? [[cycleDay(history, cycle.id), recovery] as const] : []
    })
  )
  const last = Math.min(days, history.cycles.length - 1)
  // Days whose next morning has a scored recovery to lower.
  const candidates = Array.from({ length: last }, (_, i) => i + 1).filter((index) => recoveryOnDay.has(addDays(dayOf(index), 1)))
  const alcohol = new Set<number>()
  while (alcohol.size < Math.min(yesDays, candidates.length)) alcohol.add(random.pick(candidates))
  for (const index of alcohol) {
    const score = recoveryOnDay.get(addDays(dayOf(index), 1))!.score!
    score.recovery_score = Math.max(1, score.recovery_score + recoveryPoints)
  }

  const rows: JournalRows = []
  for (let index = 1; index <= last; index++) {
    rows.push([index, ALCOHOL, alcohol.has(index), ''])
    rows.push([index, READING, random.chance(0.5), index === 2 ? 'Finished "Dune", =HYPERLINK("x")' : ''])
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
