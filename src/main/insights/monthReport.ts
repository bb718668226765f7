import type { Database } from 'better-sqlite3'
import { recoveryZone } from '../../shared/dashboard'
import { trendMetrics, type Insights, type MonthReport, type NotableDay, type ReportDay } from '../../shared/insights'
import { daysFrom, groupByBucket, mean } from '../store/buckets'
import type { DailyValues } from '../store/dailyValues'
import { addDays } from '../store/localDate'
import { sourceName } from '../store/recordSources'
import { change, periodFigure } from './periodFigure'

/** The last day of a YYYY-MM month. */
const monthEnd = (month: string) => addDays(`${nextMonth(month)}-01`, -1)
function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number)
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`
}
function previousMonth(month: string): string {
  return addDays(`${month}-01`, -1).slice(0, 7)
}

/** The day with the highest or lowest value (the first such day on a tie), or null when none has one. */
function standsOut(days: readonly ReportDay[], valueOf: (day: ReportDay) => number | null, which: 'highest' | 'lowest'): NotableDay | null {
  let found: NotableDay | null = null
  for (const day of days) {
    const value = valueOf(day)
    if (value === null) continue
    if (!found || (which === 'highest' ? value > found.value : value < found.value)) found = { date: day.date, value }
  }
  return found
}

/** One month on paper: its measures against the month before, zones, sports, and clear insights. */
export function createMonthReport(db: Database, daily: DailyValues, insights: (userId: number, until?: string) => Insights) {
  const sportsOf = db.prepare<[number, string, string], { sport: string; workouts: number; durationMs: number; strain: number | null }>(`
    SELECT sport_name AS sport, COUNT(*) AS workouts, SUM(end_ms - start_ms) AS durationMs, AVG(strain) AS strain
      FROM workout WHERE user_id = ? AND local_date BETWEEN ? AND ?
     GROUP BY sport_name ORDER BY workouts DESC, sport_name`)
  const sourcesOf = db.prepare<[number, string, string, number, string, string], { source: string }>(`
    SELECT DISTINCT source FROM cycle WHERE user_id = ? AND day BETWEEN ? AND ?
    UNION SELECT DISTINCT source FROM sleep WHERE user_id = ? AND local_date BETWEEN ? AND ?`)

  return function monthReport(userId: number, month: string, now: number): MonthReport {
    const from = `${month}-01`
    const to = monthEnd(month)
    const previous = previousMonth(month)
    const previousFrom = `${previous}-01`
    const values = daily.between(userId, previousFrom, to)
    const zoneDays = { green: 0, yellow: 0, red: 0 }
    for (const date of daysFrom(from, to)) {
      const recovery = values.get(date)?.recovery
      if (recovery !== null && recovery !== undefined) zoneDays[recoveryZone(recovery)]++
    }
    const known = insights(userId, to)
    const days = daysFrom(from, to).map((date) => {
      const day = values.get(date)
      return { date, recovery: day?.recovery ?? null, strain: day?.strain ?? null, asleep: day?.asleep ?? null, need: day?.need ?? null }
    })
    const dayOf = new Map(days.map((day) => [day.date, day]))
    const weeks = [...groupByBucket([...dayOf.keys()], 'week', (date) => dayOf.get(date)!)].map(([week, ofWeek]) => ({
      week,
      days: ofWeek.length,
      asleep: mean(ofWeek.map((day) => day.asleep)),
      need: mean(ofWeek.map((day) => day.need)),
      strain: mean(ofWeek.map((day) => day.strain))
    }))
    return {
      month,
      from,
      to,
      previousMonth: previous,
      measures: trendMetrics.map((metric) => {
        const current = periodFigure(values, metric, from, to)
        const before = periodFigure(values, metric, previousFrom, addDays(from, -1))
        return { metric, current, previous: before, difference: change(current, before).difference }
      }),
      zoneDays,
      days,
      weeks,
      notableDays: {
        bestRecovery: standsOut(days, (day) => day.recovery, 'highest'),
        worstRecovery: standsOut(days, (day) => day.recovery, 'lowest'),
        longestSleep: standsOut(days, (day) => day.asleep, 'highest')
      },
      sports: sportsOf.all(userId, from, to),
      notableInsights: known.questions.flatMap((insight) =>
        insight.effects.filter((effect) => effect.clear).map((effect) => ({ kind: insight.kind, question: insight.question, effect }))
      ),
      sources: sourcesOf.all(userId, from, to, userId, from, to).map(({ source }) => sourceName(source)),
      generatedAt: new Date(now).toISOString(),
      lastDate: daily.historyRange(userId)?.last ?? null
    }
  }
}
