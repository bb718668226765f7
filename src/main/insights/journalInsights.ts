import type { Database } from 'better-sqlite3'
import ttest2 from '@stdlib/stats-ttest2'
import tQuantile from '@stdlib/stats-base-dists-t-quantile'
import { insightOutcomes, type DayValues, type InsightEffect, type Insights, type JournalInsight, type StrainRecoveryFit } from '../../shared/insights'
import { nextDay, type DailyValues } from '../store/dailyValues'
import type { JournalAnswers } from '../store/journalAnswers'
import { rememberUntilChanged } from '../store/rememberUntilChanged'
import { daysFrom } from '../store/buckets'

/** Days needed on each side of a question before its days are compared. */
const MINIMUM_DAYS = 10
const CONFIDENCE = 0.95
const STRAIN_STEPS = Array.from({ length: 22 }, (_, strain) => strain)

/**
 * What the journal says about the next morning: for each question, the days answered yes against
 * the days answered no, as a difference of means with Welch's 95 % interval (stdlib's `ttest2`, not
 * a hand-written table), and day strain against the next morning's recovery as a fitted line.
 * These are associations; the page says so and never claims a cause.
 */
export function createJournalInsights(db: Database, daily: DailyValues, journal: JournalAnswers) {
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

    // Each answered day's next morning, or undefined when nothing was measured that morning.
    const byQuestion = new Map<string, { yes: (DayValues | undefined)[]; no: (DayValues | undefined)[] }>()
    for (const { question, date, answeredYes } of journal.all(userId)) {
      if (answeredYes === null || date > until) continue
      const days = byQuestion.get(question) ?? { yes: [], no: [] }
      byQuestion.set(question, days)
      days[answeredYes ? 'yes' : 'no'].push(nextMornings.get(date))
    }
    const questions: JournalInsight[] = [...byQuestion].map(([question, days]) => ({
      question,
      yesDays: days.yes.length,
      noDays: days.no.length,
      effects:
        days.yes.length < MINIMUM_DAYS || days.no.length < MINIMUM_DAYS
          ? []
          : insightOutcomes.flatMap((outcome) => {
              const after = (mornings: (DayValues | undefined)[]) =>
                mornings.map((morning) => morning?.[outcome]).filter((value) => value !== null && value !== undefined)
              const effect = compare(after(days.yes), after(days.no))
              return effect ? [{ outcome, ...effect }] : []
            })
    }))

    const pairs = [...values]
      .filter(([date, day]) => date <= until && day.strain !== null && nextMornings.get(date)?.recovery != null)
      .map(([date, day]) => ({ date, strain: day.strain!, recovery: nextMornings.get(date)!.recovery! }))
    return {
      minimumDays: MINIMUM_DAYS,
      questions: questions.sort((a, b) => b.yesDays + b.noDays - (a.yesDays + a.noDays) || a.question.localeCompare(b.question)),
      hasJournal: journal.any(userId),
      strainRecovery: fitLine(pairs)
    }
  })
}

/** Welch's t interval for mean(yes) − mean(no), or nothing when a side is too small to compare. */
function compare(yes: number[], no: number[]): Omit<InsightEffect, 'outcome'> | null {
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
    clear: low > 0 || high < 0
  }
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
