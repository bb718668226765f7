import type { Database } from 'better-sqlite3'
import ttest2 from '@stdlib/stats-ttest2'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { insightOutcomes, type DayValues, type InsightEffect, type Insights, type JournalInsight, type StrainRecoveryFit } from '../../shared/insights'
import { nextDay, type DailyValues } from '../store/dailyValues'
import type { DayTags } from '../store/dayTags'
import type { JournalAnswers } from '../store/journalAnswers'
import { rememberUntilChanged } from '../store/rememberUntilChanged'
import { daysFrom } from '../store/buckets'

/** Days needed on each side of a question before its days are compared. */
const MINIMUM_DAYS = 10
const CONFIDENCE = 0.95
/** The share of "clear" differences allowed to be chance, over every comparison the page shows. */
const FALSE_DISCOVERY_RATE = 0.05
const STRAIN_STEPS = Array.from({ length: 22 }, (_, strain) => strain)

/**
 * What the journal says about the morning it was answered (whose recovery, HRV, resting heart rate
 * and sleep the day before shaped; see `behaviourDay`): for each question, the mornings after days
 * answered yes against those after days answered no, as a difference of means with Welch's 95 %
 * interval (stdlib's `ttest2`, not a hand-written table) and Hedges' g; a difference is clear only
 * when it survives the Benjamini–Hochberg correction over every comparison made, so that a page of
 * many questions does not present chance as findings. Day strain is set against the next morning's
 * recovery as a fitted line. These are associations; the page says so and never claims a cause.
 */
export function createJournalInsights(db: Database, daily: DailyValues, journal: JournalAnswers, tags: DayTags) {
  /** Everything known up to `until` (the whole history when left out). */
  return rememberUntilChanged(db, (userId: number, until: string = '9999-12-31'): Insights => {
    const history = daily.historyRange(userId)
    const values = history ? daily.between(userId, history.first, nextDay(history.last)) : new Map<string, DayValues>()
    // Each day's next morning, found once per stored day rather than once per answer and measure.
    const nextMornings = new Map<string, DayValues>()
    const calendar = history ? daysFrom(history.first, nextDay(history.last)) : []
    calendar.slice(1).forEach((morning, index) => {
      const day = values.get(morning)
      if (day) nextMornings.set(calendar[index], day)
    })

    // The morning each answer was given on, or undefined when nothing was measured that morning.
    const byQuestion = new Map<string, Sides>()
    const sidesOf = (key: string, kind: JournalInsight['kind'], question: string) => {
      if (!byQuestion.has(key)) byQuestion.set(key, { kind, question, yes: [], no: [] })
      return byQuestion.get(key)!
    }
    for (const { question, answeredOn, answeredYes } of journal.all(userId)) {
      if (answeredYes === null || answeredOn > until) continue
      sidesOf(`journal:${question}`, 'journal', question)[answeredYes ? 'yes' : 'no'].push(values.get(answeredOn))
    }
    // A tag tells of its own day, as a journal answer tells of the day before its morning: it is set
    // against the next morning. Every other day since the first tag counts as a day without it.
    const tagged = tags.all(userId).filter((day) => day.date <= until)
    if (tagged.length && history) {
      const names = new Map(tagged.flatMap((day) => day.tags).map((tag) => [tag.toLowerCase(), tag]))
      const tagsOn = new Map(tagged.map((day) => [day.date, new Set(day.tags.map((tag) => tag.toLowerCase()))]))
      for (const date of daysFrom(tagged[0].date, nextDay(until < history.last ? until : history.last))) {
        for (const [key, tag] of names) sidesOf(`tag:${key}`, 'tag', tag)[tagsOn.get(date)?.has(key) ? 'yes' : 'no'].push(nextMornings.get(date))
      }
    }
    const tested = [...byQuestion.values()].map(({ kind, question, ...days }) => ({
      kind,
      question,
      yesDays: days.yes.length,
      noDays: days.no.length,
      tests:
        days.yes.length < MINIMUM_DAYS || days.no.length < MINIMUM_DAYS
          ? []
          : insightOutcomes.flatMap((outcome) => {
              const on = (mornings: (DayValues | undefined)[]) =>
                mornings.map((morning) => morning?.[outcome]).filter((value) => value !== null && value !== undefined)
              const effect = compare(on(days.yes), on(days.no))
              return effect ? [{ outcome, ...effect }] : []
            })
    }))
    // Every comparison at once: what is clear is what survives among all of them.
    const qValues = benjaminiHochberg(tested.flatMap((question) => question.tests.map((test) => test.p)))
    let next = 0
    const questions: JournalInsight[] = tested.map(({ tests, ...question }) => ({
      ...question,
      effects: tests.map((test) => {
        const q = qValues[next++]
        return { ...test, q, clear: q <= FALSE_DISCOVERY_RATE }
      })
    }))

    const pairs = [...values]
      .filter(([date, day]) => date <= until && day.strain !== null && nextMornings.get(date)?.recovery != null)
      .map(([date, day]) => ({ date, strain: day.strain!, recovery: nextMornings.get(date)!.recovery! }))
    return {
      minimumDays: MINIMUM_DAYS,
      comparisons: qValues.length,
      falseDiscoveryRate: FALSE_DISCOVERY_RATE,
      questions: questions.sort((a, b) => b.yesDays + b.noDays - (a.yesDays + a.noDays) || a.question.localeCompare(b.question)),
      hasJournal: journal.any(userId),
      strainRecovery: fitLine(pairs)
    }
  })
}

export type JournalInsights = ReturnType<typeof createJournalInsights>

/** A question's (or a tag's) mornings after yes-days and after no-days; undefined where nothing was measured. */
interface Sides {
  kind: JournalInsight['kind']
  question: string
  yes: (DayValues | undefined)[]
  no: (DayValues | undefined)[]
}

/**
 * Welch's t interval for mean(yes) − mean(no), its p-value and Hedges' g, or nothing when a side is
 * too small to compare.
 */
function compare(yes: number[], no: number[]): Omit<InsightEffect, 'outcome' | 'q' | 'clear'> | null {
  if (yes.length < MINIMUM_DAYS || no.length < MINIMUM_DAYS) return null
  const test = ttest2(yes, no, { alpha: 1 - CONFIDENCE, variance: 'unequal' })
  const [low, high] = test.ci
  // Identical values on both sides leave no variance to estimate an interval from.
  if (!Number.isFinite(low) || !Number.isFinite(high)) return null
  return {
    yesDays: yes.length,
    noDays: no.length,
    yesMean: test.xmean,
    noMean: test.ymean,
    difference: test.xmean - test.ymean,
    low,
    high,
    p: test.pValue,
    hedgesG: hedgesG(yes, no)
  }
}

/** Hedges' g: the difference in pooled standard deviations, corrected for small samples. */
export function hedgesG(yes: number[], no: number[]): number {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const squares = (values: number[], m: number) => values.reduce((sum, value) => sum + (value - m) ** 2, 0)
  const [my, mn] = [mean(yes), mean(no)]
  const pooled = Math.sqrt((squares(yes, my) + squares(no, mn)) / (yes.length + no.length - 2))
  const correction = 1 - 3 / (4 * (yes.length + no.length) - 9)
  return ((my - mn) / pooled) * correction
}

/**
 * Benjamini–Hochberg q-values, in the order of `pValues`: the least false discovery rate at which
 * each comparison would be called a finding (`p · m / rank`, made monotone from the largest down).
 */
export function benjaminiHochberg(pValues: readonly number[]): number[] {
  const m = pValues.length
  const order = pValues.map((p, index) => ({ p, index })).sort((a, b) => a.p - b.p)
  const q = new Array<number>(m)
  let smallest = 1
  for (let rank = m; rank >= 1; rank--) {
    const { p, index } = order[rank - 1]
    smallest = Math.min(smallest, (p * m) / rank)
    q[index] = smallest
  }
  return q
}

/** Least squares of recovery on strain, with the 95 % band of the fitted mean. */
function fitLine(points: StrainRecoveryFit['points']): StrainRecoveryFit | null {
  const n = points.length
  if (n < MINIMUM_DAYS) return null
  const meanX = points.reduce((sum, p) => sum + p.strain, 0) / n
  const meanY = points.reduce((sum, p) => sum + p.recovery, 0) / n
  const sxx = points.reduce((sum, p) => sum + (p.strain - meanX) ** 2, 0)
  if (sxx === 0) return null
  const slope = points.reduce((sum, p) => sum + (p.strain - meanX) * (p.recovery - meanY), 0) / sxx
  const intercept = meanY - slope * meanX
  const residual = Math.sqrt(points.reduce((sum, p) => sum + (p.recovery - intercept - slope * p.strain) ** 2, 0) / (n - 2))
  const t = tQuantile(1 - (1 - CONFIDENCE) / 2, n - 2)
  const slopeMargin = (t * residual) / Math.sqrt(sxx)
  return {
    points,
    slope,
    intercept,
    slopeLow: slope - slopeMargin,
    slopeHigh: slope + slopeMargin,
    band: STRAIN_STEPS.map((strain) => {
      const fit = intercept + slope * strain
      const margin = t * residual * Math.sqrt(1 / n + (strain - meanX) ** 2 / sxx)
      return { strain, fit, low: fit - margin, high: fit + margin }
    })
  }
}
