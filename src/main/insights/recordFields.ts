import type { ScoreState } from '../../shared/insights'

/** WHOOP's score state in the pages' words. */
export const stateOf = (scoreState: string): ScoreState =>
  scoreState === 'SCORED' ? 'scored' : scoreState === 'PENDING_SCORE' ? 'pending' : 'unscorable'

