import type { Correlation, InsightEffect, InsightOutcome, JournalInsight } from './insights'
import { grouped, signed } from './numberText'

/** How a difference in each next-morning measure is said. */
const outcomeWords: Record<InsightOutcome, { name: string; unit: string; digits: number }> = {
  recovery: { name: 'recovery', unit: 'points', digits: 0 },
  hrv: { name: 'HRV', unit: 'ms', digits: 1 },
  'resting-hr': { name: 'resting heart rate', unit: 'bpm', digits: 1 },
  'sleep-performance': { name: 'sleep performance', unit: 'points', digits: 0 }
}

export const outcomeName = (outcome: InsightOutcome) => outcomeWords[outcome].name

/** Which way a measure is better: more recovery, HRV and sleep; a lower resting heart rate. */
export const goodDirection = (outcome: InsightOutcome): 1 | -1 => (outcome === 'resting-hr' ? -1 : 1)

/** A difference's size in the measure's words: "11 points", "1 point", "4.2 ms". */
function differenceWords(effect: Pick<InsightEffect, 'outcome'>, value: number): string {
  const words = outcomeWords[effect.outcome]
  const amount = Math.abs(value).toFixed(words.digits)
  return `${amount} ${amount === '1' && words.unit === 'points' ? 'point' : words.unit}`
}

/** What an effect is about: a journal question, or a tag. */
type Subject = Pick<JournalInsight, 'kind' | 'question'>

/** The days an effect compares, named in full ("the days you tagged “travel”") or, under their heading, not. */
function yesDays({ kind, question }: Subject, named: boolean): string {
  if (kind === 'tag') return named ? `the days you tagged “${question}”` : 'the days with this tag'
  return named ? `the days you answered yes to “${question}”` : 'the days you answered yes'
}

/**
 * A clear effect in one plain sentence, never as a cause: "After the days you answered yes to “…”,
 * your recovery the next morning was 11 points lower." The behaviour is the day's (a journal answer
 * tells of the day before the morning it was given), the measures the next morning's. Under its
 * question's heading the sentence need not name it again (`named` false).
 */
export function describeEffect(subject: Subject, effect: InsightEffect, named: boolean): string {
  const words = outcomeWords[effect.outcome]
  if (!effect.clear) return `${named ? `“${subject.question}”: ` : ''}no clear difference yet in ${words.name} the next morning.`
  const after = yesDays(subject, named)
  return `After ${after}, your ${words.name} the next morning was ${differenceWords(effect, effect.difference)} ${effect.difference < 0 ? 'lower' : 'higher'}.`
}

/**
 * The clear findings that bear on this morning, in one sentence: "Yesterday you answered yes to “…”:
 * after such days your recovery was 13 points lower and your HRV 5.5 ms lower the next morning."
 */
export function describeFinding(subject: Subject, effects: readonly InsightEffect[]): string {
  const changes = effects.map((effect, index) => `${index === 0 ? 'your ' : ''}${outcomeWords[effect.outcome].name} was ${differenceWords(effect, effect.difference)} ${effect.difference < 0 ? 'lower' : 'higher'}`)
  const listed = changes.length > 1 ? `${changes.slice(0, -1).join(', ')} and ${changes.at(-1)}` : changes[0]
  const yesterday = subject.kind === 'tag' ? `Yesterday is tagged “${subject.question}”` : `Yesterday you answered yes to “${subject.question}”`
  return `${yesterday}: after such days ${listed} the next morning.`
}

/** The figures behind a sentence: the interval, the q-value, Hedges' g and the mornings compared. */
export function effectDetails(effect: InsightEffect): string {
  const [near, far] = effect.difference < 0 ? [-effect.high, -effect.low] : [effect.low, effect.high]
  const unit = outcomeWords[effect.outcome].unit
  const digits = outcomeWords[effect.outcome].digits
  return `95% interval ${signed(near, digits)} to ${signed(far, digits)} ${unit} · q ${effect.q < 0.001 ? '< 0.001' : effect.q.toFixed(3)} · g ${signed(effect.hedgesG, 2)} · ${grouped(effect.yesDays)} vs ${grouped(effect.noDays)} mornings`
}

/**
 * A correlation in words: whether its 95 % interval holds zero, then its strength by the usual rule
 * of thumb (|r| under 0.1 very weak, under 0.3 weak, under 0.5 moderate, else strong) and direction.
 * `second` is named as the reader should read it ("recovery the next morning").
 */
export function describeCorrelation(first: string, second: string, correlation: Correlation): string {
  if (correlation.low <= 0 && correlation.high >= 0) return `No clear relation between ${first} and ${second} yet: the interval holds zero.`
  const size = Math.abs(correlation.r)
  const strength = size < 0.1 ? 'very weak' : size < 0.3 ? 'weak' : size < 0.5 ? 'moderate' : 'strong'
  return `A ${strength} ${correlation.r > 0 ? 'positive' : 'negative'} relation: days with higher ${first} went with ${correlation.r > 0 ? 'higher' : 'lower'} ${second}.`
}
