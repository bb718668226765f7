import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../src/shared/api'
import type { DayDetail, InsightOutcome, Insights, MonthReport, Trend } from '../../../src/shared/insights'
import { ALCOHOL, journalDays, MEDITATION, plantJournal, PLANTED, READING, type JournalRows } from '../../support/fixtures/journalFixture'
import { cycleDay, memberDate, memberToday } from '../../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures, rollingMeanOn, type DaySeries, type MemberFigures } from '../../support/fixtures/memberFigures'
import { importJournal, insightHandlersOf } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'
import { fittedLine, meanOf, qValuesOf, varianceOf, welchInterval } from '../../support/fixtures/welch'

/*
 * The day view, trends, insights and report against figures the test works out itself from the
 * fake WHOOP's records and the journal it wrote (intervals with jStat, not the app's stdlib).
 */

/**
 * The effect planted: 10 points on 120 of 390 days. Welch's interval is then about ±5 points wide
 * (next-morning recoveries spread by about 22 points), so 10 stands clear of zero whatever days are picked.
 */
const planting = { days: 390, yesDays: 120, recoveryPoints: PLANTED.recoveryPoints }

let harness: SyncHarness
let handlers: Pick<ApiHandlers, 'getDay' | 'getTrend' | 'getInsights' | 'getReport'>
let figures: MemberFigures
/** The figures before the effect was planted. */
let unplanted: MemberFigures
let journal: JournalRows

beforeAll(async () => {
  harness = await startSyncHarness({ fake: { days: 400 } })
  unplanted = memberFigures(harness.fake.history)
  journal = plantJournal(harness.fake.history, planting)
  await harness.engine.sync()
  figures = memberFigures(harness.fake.history)
  await importJournal(harness, journal)
  handlers = insightHandlersOf(harness)
})
afterAll(() => harness.close())

const history = () => harness.fake.history
const dayOfCycle = (index: number) => cycleDay(history(), history().cycles[index].id)
/** `2024-06-24T22:41` as the member's clock showed it. */
const wallClock = (iso: string, offset: string) => `${memberDate(Date.parse(iso), offset)}T${localHourMinute(iso, offset)}`
function localHourMinute(iso: string, offset: string): string {
  const [, sign, hh, mm] = /^([+-])(\d{2}):(\d{2})$/.exec(offset)!
  const minutes = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm))
  return new Date(Date.parse(iso) + minutes * 60_000).toISOString().slice(11, 16)
}
/** The 30 days ending on `day` that have a value, as the baseline reads them. */
const window30 = (series: DaySeries, day: string) => {
  const means = dayMeans(series)
  return Array.from({ length: 30 }, (_, back) => means.get(addDays(day, -back))).filter((value) => value !== undefined)
}

describe('the day view', () => {
  let day: string
  let detail: DayDetail
  beforeAll(async () => {
    day = dayOfCycle(15)
    detail = (await handlers.getDay({ date: day }))!
  })

  it("shows the day's recovery and each measure against the 30-day baseline and usual range (mean ± 1 SD)", () => {
    const cycle = history().cycles[15]
    const recovery = history().recoveries.find((r) => r.cycle_id === cycle.id)!
    expect(detail.recovery).toMatchObject({ state: 'scored', score: recovery.score!.recovery_score, calibrating: false })
    const measures = { hrv: figures.hrv, 'resting-hr': figures.restingHr, 'respiratory-rate': figures.respiratoryRate, spo2: figures.spo2, 'skin-temp': figures.skinTemp }
    expect(detail.recovery!.measures.map((m) => m.metric)).toEqual(Object.keys(measures))
    for (const measure of detail.recovery!.measures) {
      const series = measures[measure.metric as keyof typeof measures]
      const value = dayMeans(series).get(day)!
      const baseline = rollingMeanOn(series, day, 30, 7)!
      const spread = Math.sqrt(varianceOf(window30(series, day)))
      expect(measure.value).toBeCloseTo(value, 9)
      expect(measure.baseline!.mean).toBeCloseTo(baseline, 9)
      expect(measure.baseline!.low).toBeCloseTo(baseline - spread, 9)
      expect(measure.baseline!.high).toBeCloseTo(baseline + spread, 9)
      expect(measure.difference).toBeCloseTo(value - baseline, 9)
      // Outside as the page shows the figures: HRV and resting HR in whole units, the others to a tenth.
      const shown = (figure: number) => Number(figure.toFixed(['hrv', 'resting-hr'].includes(measure.metric) ? 0 : 1))
      expect(measure.outside).toBe(shown(value) > shown(baseline + spread) ? 'above' : shown(value) < shown(baseline - spread) ? 'below' : null)
    }
  })

  it('shows the night in its own time zone, with stages, need and its parts as WHOOP reports them', () => {
    const night = history().sleeps.find((s) => !s.nap && memberDate(Date.parse(s.end), s.timezone_offset) === day)!
    const score = night.score!
    const stages = score.stage_summary
    expect(detail.sleep).toMatchObject({
      nap: false,
      state: 'scored',
      start: { local: wallClock(night.start, night.timezone_offset), offset: night.timezone_offset },
      end: { local: wallClock(night.end, night.timezone_offset), offset: night.timezone_offset },
      inBedMs: stages.total_in_bed_time_milli,
      asleepMs: stages.total_light_sleep_time_milli + stages.total_slow_wave_sleep_time_milli + stages.total_rem_sleep_time_milli,
      deepMs: stages.total_slow_wave_sleep_time_milli,
      remMs: stages.total_rem_sleep_time_milli,
      lightMs: stages.total_light_sleep_time_milli,
      awakeMs: stages.total_awake_time_milli,
      needParts: {
        baselineMs: score.sleep_needed.baseline_milli,
        debtMs: score.sleep_needed.need_from_sleep_debt_milli,
        strainMs: score.sleep_needed.need_from_recent_strain_milli,
        napMs: score.sleep_needed.need_from_recent_nap_milli
      },
      performance: score.sleep_performance_percentage,
      consistency: score.sleep_consistency_percentage,
      efficiency: score.sleep_efficiency_percentage,
      disturbances: stages.disturbance_count,
      sleepCycles: stages.sleep_cycle_count
    })
  })

  it("lists the day's workouts with sport, times, zones and distance, and the day's journal answers", () => {
    const workouts = figures.workouts.filter((w) => w.day === day)
    expect(detail.workouts.map((w) => w.sport)).toEqual(workouts.map((w) => w.sport_name).reverse())
    for (const [index, workout] of [...workouts].reverse().entries()) {
      const shown = detail.workouts[index]
      const zones = workout.score?.zone_durations
      expect(shown.durationMs).toBe(Date.parse(workout.end) - Date.parse(workout.start))
      expect(shown.start.local).toBe(wallClock(workout.start, workout.timezone_offset))
      expect(shown.strain).toBe(workout.score?.strain ?? null)
      expect(shown.zonesMs).toEqual(
        zones ? [zones.zone_zero_milli, zones.zone_one_milli, zones.zone_two_milli, zones.zone_three_milli, zones.zone_four_milli, zones.zone_five_milli] : null
      )
      expect(shown.distanceMeter).toBe(workout.score?.distance_meter ?? null)
    }
    // The zones' heart rates come from the member's max heart rate, as WHOOP's body measurement has it.
    expect(detail.maxHeartRate).toBe(history().body.max_heart_rate)
    // The answers about this day were given the next morning, on the next cycle (newest first: index 14).
    expect(dayOfCycle(14)).toBe(addDays(day, 1))
    const answers = journal.filter(([index]) => index === 14).map(([, question, yes]) => ({ question, answeredYes: yes, answeredOn: dayOfCycle(14) }))
    expect(detail.journal.map(({ question, answeredYes, answeredOn }) => ({ question, answeredYes, answeredOn }))).toEqual(answers.sort((a, b) => a.question.localeCompare(b.question)))
    expect(detail.hasJournal).toBe(true)
  })

  it('says the current night is pending and dates the first and last day of the history', async () => {
    const today = (await handlers.getDay({ date: dayOfCycle(0) }))!
    expect(today.recovery?.state).toBe('pending')
    expect(today.sleep?.state).toBe('pending')
    expect(today.lastDate).toBe(dayOfCycle(0))
    expect(today.firstDate).toBe(dayOfCycle(history().cycles.length - 1))
  })

  it('opens, without a date, on the day of the newest cycle (the day Today shows first)', async () => {
    const newest = history().cycles.reduce((newest, cycle) => (cycle.start > newest.start ? cycle : newest))
    const opening = (await handlers.getDay({}))!
    expect(opening.date).toBe(cycleDay(history(), newest.id))
    expect(opening).toEqual(await handlers.getDay({ date: cycleDay(history(), newest.id) }))
  })
})

describe('trends', () => {
  const to = () => memberToday(history(), harness.clock.now())
  const meanOver = (series: DaySeries, from: string, until: string) => {
    const values = [...dayMeans(series)].filter(([d]) => d >= from && d <= until).map(([, v]) => v)
    return { value: meanOf(values), days: values.length }
  }

  it('compare the range with the one of the same length before it, by the mean of days', async () => {
    const trend = (await handlers.getTrend({ metric: 'hrv', range: '3m' })) as Trend
    const from = addDays(to(), -90)
    const current = meanOver(figures.hrv, from, to())
    const previous = meanOver(figures.hrv, addDays(from, -91), addDays(from, -1))
    expect(trend.current).toMatchObject({ from, to: to(), days: current.days })
    expect(trend.current.value).toBeCloseTo(current.value, 9)
    expect(trend.previous.value).toBeCloseTo(previous.value, 9)
    expect(trend.difference).toBeCloseTo(current.value - previous.value, 9)
    expect(trend.percent).toBeCloseTo((100 * (current.value - previous.value)) / previous.value, 9)
    expect(trend.points).toHaveLength(91)
    const last = trend.points.at(-1)!
    expect(last.date).toBe(to())
    expect(last.baseline!.mean).toBeCloseTo(rollingMeanOn(figures.hrv, to(), 30, 7)!, 9)
  })

  it('count workouts per period rather than averaging them', async () => {
    const trend = (await handlers.getTrend({ metric: 'workouts', range: '1m' })) as Trend
    const from = addDays(to(), -29)
    expect(trend.current.value).toBe(figures.workouts.filter((w) => w.day >= from && w.day <= to()).length)
  })

  it("share each week's recovery days out by zone and lay a year of days on a calendar", async () => {
    const trend = (await handlers.getTrend({ metric: 'recovery', range: '3m' })) as Trend
    const recovery = dayMeans(figures.recovery)
    expect(trend.zonePeriod).toBe('week')
    const total = (zone: 'green' | 'yellow' | 'red') => trend.zoneShares!.reduce((sum, week) => sum + week[zone], 0)
    const inRange = [...recovery].filter(([d]) => d >= addDays(to(), -90) && d <= to()).map(([, v]) => v)
    expect(total('green')).toBe(inRange.filter((v) => v >= 67).length)
    expect(total('red')).toBe(inRange.filter((v) => v < 34).length)
    expect(trend.calendar).toHaveLength(365)
    const sample = trend.calendar![200]
    expect(sample.recovery).toBe(recovery.get(sample.date) ?? null)
  })
})

describe('journal insights', () => {
  let insights: Insights
  beforeAll(async () => {
    insights = (await handlers.getInsights())!
  })
  const outcomes: Record<InsightOutcome, keyof MemberFigures> = {
    recovery: 'recovery',
    hrv: 'hrv',
    'resting-hr': 'restingHr',
    'sleep-performance': 'performance'
  }

  it("compare the mornings after yes-days and no-days (the mornings the answers were given) with Welch's 95 % interval, for every question with 10 days each side", () => {
    for (const question of [ALCOHOL, READING]) {
      const days = journalDays(history(), journal, question)
      const insight = insights.questions.find((q) => q.question === question)!
      expect({ yes: insight.yesDays, no: insight.noDays }).toEqual({ yes: days.yes.length, no: days.no.length })
      expect(insight.effects.map((e) => e.outcome)).toEqual(Object.keys(outcomes))
      for (const effect of insight.effects) {
        const series = dayMeans(figures[outcomes[effect.outcome]] as DaySeries)
        const on = (list: string[]) => list.map((d) => series.get(d)).filter((v) => v !== undefined)
        const expected = welchInterval(on(days.yes), on(days.no))
        expect(effect.yesDays).toBe(on(days.yes).length)
        expect(effect.difference).toBeCloseTo(expected.difference, 9)
        expect(effect.low).toBeCloseTo(expected.low, 6)
        expect(effect.high).toBeCloseTo(expected.high, 6)
        expect(effect.p).toBeCloseTo(expected.p, 6)
        expect(effect.hedgesG).toBeCloseTo(expected.hedgesG, 9)
      }
    }
  })

  it('call a difference clear only when it survives the Benjamini–Hochberg correction over every comparison made', () => {
    const effects = insights.questions.flatMap((question) => question.effects)
    expect(insights.comparisons).toBe(effects.length)
    const q = qValuesOf(effects.map((effect) => effect.p))
    effects.forEach((effect, index) => {
      expect(effect.q).toBeCloseTo(q[index], 9)
      expect(effect.clear).toBe(q[index] <= 0.05)
    })
  })

  it('find the planted effect on the same cycle: about 10 points lower the morning after alcohol, the interval holding 10; none after reading', () => {
    const recoveryAfter = (question: string) => insights.questions.find((q) => q.question === question)!.effects.find((e) => e.outcome === 'recovery')!
    const alcohol = recoveryAfter(ALCOHOL)
    expect(alcohol).toMatchObject({ yesDays: planting.yesDays, clear: true })
    expect(alcohol.low).toBeLessThan(planting.recoveryPoints)
    expect(alcohol.high).toBeGreaterThan(planting.recoveryPoints)
    expect(alcohol.high).toBeLessThan(0)
    expect(Math.abs(alcohol.difference - planting.recoveryPoints)).toBeLessThan(5)
    // The same days differed by chance before anything was planted; beyond that, the insight finds the planted points.
    const days = journalDays(history(), journal, ALCOHOL)
    const before = dayMeans(unplanted.recovery)
    const on = (list: string[]) => list.map((d) => before.get(d)).filter((v) => v !== undefined)
    const chance = meanOf(on(days.yes)) - meanOf(on(days.no))
    expect(alcohol.difference - chance).toBeCloseTo(planting.recoveryPoints, 0)
    const reading = recoveryAfter(READING)
    expect(reading.clear).toBe(false)
    expect(reading.low).toBeLessThan(0)
    expect(reading.high).toBeGreaterThan(0)
  })

  it("bring this morning's clear findings to the day it was answered: a yes to alcohol, with the differences found", async () => {
    const alcohol = insights.questions.find((q) => q.question === ALCOHOL)!
    const days = journalDays(history(), journal, ALCOHOL)
    const yesMorning = (await handlers.getDay({ date: days.yes[0] }))!
    expect(yesMorning.findings).toEqual([{ kind: 'journal', question: ALCOHOL, effects: alcohol.effects.filter((effect) => effect.clear) }])
    const noMorning = (await handlers.getDay({ date: days.no[0] }))!
    expect(noMorning.findings.map((finding) => finding.question)).not.toContain(ALCOHOL)
  })

  it('leave out a question with fewer than 10 days on a side', () => {
    const meditation = insights.questions.find((q) => q.question === MEDITATION)!
    expect(meditation).toMatchObject({ yesDays: 5, effects: [] })
  })

  it("fit the next morning's recovery to day strain, with the slope's and the line's 95 % intervals", () => {
    const strain = dayMeans(figures.strain)
    const recovery = dayMeans(figures.recovery)
    const points = [...strain].flatMap(([d, x]) => (recovery.has(addDays(d, 1)) ? [{ x, y: recovery.get(addDays(d, 1))! }] : []))
    const fit = insights.strainRecovery!
    expect(fit.points).toHaveLength(points.length)
    const at10 = fittedLine(points, 10)
    expect(fit.slope).toBeCloseTo(at10.slope, 9)
    expect(fit.slopeHigh - fit.slope).toBeCloseTo(at10.slopeMargin, 6)
    const band = fit.band.find((b) => b.strain === 10)!
    expect(band.fit).toBeCloseTo(at10.fit, 9)
    expect(band.low).toBeCloseTo(at10.low, 6)
    expect(band.high).toBeCloseTo(at10.high, 6)
  })
})

describe('the monthly report', () => {
  it("gives the month's means against the month before, its recovery zones and its sports", async () => {
    const month = dayOfCycle(60).slice(0, 7)
    const report = (await handlers.getReport({ month })) as MonthReport
    const previous = addDays(`${month}-01`, -1).slice(0, 7)
    const inMonth = (series: DaySeries, m: string) => [...dayMeans(series)].filter(([d]) => d.startsWith(m)).map(([, v]) => v)
    const recovery = report.measures.find((m) => m.metric === 'recovery')!
    expect(recovery.current.value).toBeCloseTo(meanOf(inMonth(figures.recovery, month)), 9)
    expect(recovery.previous.value).toBeCloseTo(meanOf(inMonth(figures.recovery, previous)), 9)
    const zones = inMonth(figures.recovery, month)
    expect(report.zoneDays).toEqual({
      green: zones.filter((v) => v >= 67).length,
      yellow: zones.filter((v) => v >= 34 && v < 67).length,
      red: zones.filter((v) => v < 34).length
    })
    const workouts = figures.workouts.filter((w) => w.day.startsWith(month))
    expect(report.sports.reduce((sum, s) => sum + s.workouts, 0)).toBe(workouts.length)
    expect(report.sources).toEqual(['synced from WHOOP'])
    expect(report.notableInsights.some(({ question, effect }) => question === ALCOHOL && effect.outcome === 'recovery')).toBe(true)
  })
})
