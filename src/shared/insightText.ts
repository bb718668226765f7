import type { InsightEffect, InsightOutcome } from './insights'

/** How a difference in each next-morning measure is said. */
const outcomeWords: Record<InsightOutcome, { name: string; unit: string; digits: number }> = {
  recovery: { name: 'recovery', unit: 'points', digits: 0 },
  hrv: { name: 'HRV', unit: 'ms', digits: 1 },
  'resting-hr': { name: 'resting heart rate', unit: 'bpm', digits: 1 },
  'sleep-performance': { name: 'sleep performance', unit: 'points', digits: 0 }
}

export const outcomeName = (outcome: InsightOutcome) => outcomeWords[outcome].name

/**
 * An effect in plain words, with its interval and counts, and never as a cause: "On the 48 days you
 * answered yes to “…”, your recovery the next morning was 11 points lower on average (95 % CI 7 to
 * 15; 48 vs 120 days)." An interval across zero is "no clear difference yet".
 */
export function describeEffect(question: string, effect: InsightEffect): string {
  const words = outcomeWords[effect.outcome]
  const size = (value: number) => Math.abs(value).toFixed(words.digits)
  const counts = `${effect.yesDays} vs ${effect.noDays} days`
  if (!effect.clear) {
    return `“${question}”: no clear difference yet in next-morning ${words.name} (95 % CI ${effect.low.toFixed(words.digits)} to ${effect.high.toFixed(words.digits)}; ${counts}).`
  }
  const lower = effect.difference < 0
  const [near, far] = lower ? [-effect.high, -effect.low] : [effect.low, effect.high]
  const amount = size(effect.difference)
  const unit = amount === '1' && words.unit === 'points' ? 'point' : words.unit
  return (
    `On the ${effect.yesDays} days you answered yes to “${question}”, your ${words.name} the next morning was ` +
    `${amount} ${unit} ${lower ? 'lower' : 'higher'} on average ` +
    `(95 % CI ${size(near)} to ${size(far)}; ${counts}).`
  )
}
