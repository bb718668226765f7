import type { LocalTime, ScoreState } from '../../shared/insights'
import { offsetMinutes } from '../store/localDate'

/** WHOOP's score state in the pages' words. */
export const stateOf = (scoreState: string): ScoreState =>
  scoreState === 'SCORED' ? 'scored' : scoreState === 'PENDING_SCORE' ? 'pending' : 'unscorable'

/** A moment as the clock on the wall showed it where the record was made. */
export function localTimeOf(ms: number, offset: string): LocalTime {
  return { local: new Date(ms + offsetMinutes(offset) * 60_000).toISOString().slice(0, 16), offset }
}
