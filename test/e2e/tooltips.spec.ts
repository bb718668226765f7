import type { Locator, Page } from '@playwright/test'
import { cycleDay, memberToday } from '../support/fixtures/memberDays'
import { zonesByCounting } from '../support/fixtures/heartRateZones'
import {
  addDays,
  bucketMean,
  bucketMeanOfValues,
  daysIn,
  dayMeans,
  bucketsWithData,
  rollingMeanOn,
  type Bucket,
  type DaySeries,
  type MemberFigures,
  memberFigures
} from '../support/fixtures/memberFigures'
import { connectThroughThePage, expect, saveScreenshot, shownInView, test } from './fixtures'
import { DASHBOARD_CHARTS } from '../support/dashboardCharts'
import { asDuration as lengthOfTime } from '../support/fixtures/asRead'

/**
 * Every chart's tooltip, at a range by day (1W, 1M) and by month (All), read as a person reads it
 * and compared with figures this test works out from the fake WHOOP's records.
 */

// How the app writes numbers for a person: the test's own rendering of them.
const fixed = (value: number | null, digits: number, unit = '') => (value === null ? '—' : `${value.toFixed(digits)}${unit}`)
const kilojoules = (value: number | null) => (value === null ? '—' : `${Math.round(value).toLocaleString('en-US')} kJ`)
const asDuration = (ms: number | null) => (ms === null ? '—' : lengthOfTime(ms))
const dayWithYear = (day: string) => new Intl.DateTimeFormat('en-US', { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(Date.parse(`${day}T00:00:00Z`))

const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`

interface Range {
  bucket: Bucket
  from: string
  to: string
}

type Row = [label: string, value: string]

interface SeriesChart {
  name: string
  /** The chart, within the dashboard. */
  locate: (page: Page) => Locator
  /** What its last mark is: a bar, or the newest point of a line. */
  mark: 'bar' | 'line'
  /** The measure whose newest bucket the last mark is. */
  series: (figures: MemberFigures) => DaySeries
  rows: (figures: MemberFigures, date: string, range: Range) => Row[]
}

const card = (page: Page, testId: string) => page.getByTestId(testId)
const mainChart = (testId: string) => (page: Page) => card(page, testId).locator('.recharts-wrapper').first()
/** A card's figure by the start of its caption (a tooltip shown elsewhere in the card may hold the same words). */
const trend = (testId: string, caption: string) => (page: Page) =>
  card(page, testId).locator('figure.trend').filter({ has: page.locator('figcaption', { hasText: new RegExp(`^${caption}`) }) })

/** A measure's value for the bucket: by day, the day's mean; by month, the mean of its days. */
const at = (series: DaySeries, date: string, { bucket, from, to }: Range) => bucketMean(series, date, bucket, from, to)

/** The 7-day average and the 30-day baseline: by day that day's, by month the mean of its days'. */
function rolling(series: DaySeries, date: string, { bucket, from, to }: Range, window: number, minimum: number): number | null {
  const days = bucket === 'day' ? [date] : Array.from({ length: 31 }, (_, index) => addDays(date, index)).filter((day) => day.startsWith(date.slice(0, 7)) && day >= from && day <= to)
  const values = days.map((day) => rollingMeanOn(series, day, window, minimum)).filter((value) => value !== null)
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null
}

/** "Lowest – highest day" of a month: its lowest and highest day means. */
function lowestToHighest(series: DaySeries, date: string, { bucket, from, to }: Range, unit: string): string {
  const means = dayMeans(series)
  const values = daysIn(series, date, bucket, from, to).map((day) => means.get(day)!)
  return `${Math.min(...values).toFixed(0)} – ${Math.max(...values).toFixed(0)}${unit}`
}

function trendRows(series: DaySeries, date: string, range: Range, label: string, digits: number, unit: string): Row[] {
  const spread: Row =
    range.bucket === 'day'
      ? ['7-day average', fixed(rolling(series, date, range, 7, 3), 1, unit)]
      : ['Lowest – highest day', lowestToHighest(series, date, range, unit)]
  return [[label, fixed(at(series, date, range), digits, unit)], spread, ['Baseline (30 days)', fixed(rolling(series, date, range, 30, 7), 1, unit)]]
}

function sleepRows(figures: MemberFigures, date: string, { bucket, from, to }: Range): Row[] {
  // A night's stages are means of the bucket's nights (not of its days).
  const night = (series: DaySeries) => asDuration(bucketMeanOfValues(series, date, bucket, from, to))
  const nights = daysIn(figures.deep, date, bucket, from, to).flatMap((day) => figures.deep.get(day)!).length
  const napDays = daysIn(figures.naps, date, bucket, from, to)
  const napTimes = napDays.flatMap((day) => figures.naps.get(day)!)
  return [
    ['Asleep', night(figures.asleep)],
    ['Sleep need', night(figures.need)],
    ['Deep (SWS)', night(figures.deep)],
    ['REM', night(figures.rem)],
    ['Light', night(figures.light)],
    ['Awake', night(figures.awake)],
    ...(napTimes.length ? [[`Naps (${napTimes.length}) asleep`, asDuration(napTimes.reduce((sum, ms) => sum + ms, 0))] as Row] : []),
    ...(bucket === 'day' ? [] : [['', `Mean of ${plural(nights, 'night')}`] as Row])
  ]
}

function qualityRows(figures: MemberFigures, date: string, { bucket, from, to }: Range): Row[] {
  const night = (series: DaySeries, digits: number, unit: string) => fixed(bucketMeanOfValues(series, date, bucket, from, to), digits, unit)
  return [
    ['Performance', night(figures.performance, 0, '%')],
    ['Efficiency', night(figures.efficiency, 0, '%')],
    ['Consistency', night(figures.consistency, 0, '%')],
    ['Respiratory rate', night(figures.respiratoryRate, 1, ' rpm')]
  ]
}

function strainRows(figures: MemberFigures, date: string, range: Range): Row[] {
  return [
    ['Day strain', fixed(at(figures.strain, date, range), 1)],
    ['Recovery', fixed(at(figures.recovery, date, range), 0, '%')],
    ['Energy', kilojoules(at(figures.kilojoule, date, range))],
    ['Average HR', fixed(at(figures.averageHr, date, range), 0, ' bpm')],
    ['Max HR', fixed(at(figures.maxHr, date, range), 0, ' bpm')]
  ]
}

function recoveryRows(figures: MemberFigures, date: string, range: Range): Row[] {
  if (range.bucket === 'day') return [['Recovery', fixed(at(figures.recovery, date, range), 0, '%')]]
  const means = dayMeans(figures.recovery)
  const days = daysIn(figures.recovery, date, range.bucket, range.from, range.to).map((day) => means.get(day)!)
  const count = (inZone: (recovery: number) => boolean) => `${days.filter(inZone).length} of ${days.length} days`
  return [
    ['Mean recovery', fixed(at(figures.recovery, date, range), 0, '%')],
    ['Green days', count((recovery) => recovery >= 67)],
    ['Yellow days', count((recovery) => recovery >= 34 && recovery < 67)],
    ['Red days', count((recovery) => recovery < 34)],
    ['', `Mean of ${plural(days.length, 'day')}`]
  ]
}

const seriesCharts: SeriesChart[] = [
  { name: 'recovery', locate: mainChart('recovery-chart'), mark: 'bar', series: (f) => f.recovery, rows: recoveryRows },
  {
    name: 'heart rate variability',
    locate: trend('recovery-chart', 'Heart rate variability'),
    mark: 'line',
    series: (f) => f.hrv,
    rows: (f, date, range) => trendRows(f.hrv, date, range, 'HRV', 1, ' ms')
  },
  {
    name: 'resting heart rate',
    locate: trend('recovery-chart', 'Resting heart rate'),
    mark: 'line',
    series: (f) => f.restingHr,
    rows: (f, date, range) => trendRows(f.restingHr, date, range, 'Resting HR', 0, ' bpm')
  },
  {
    name: 'blood oxygen',
    locate: trend('recovery-chart', 'Blood oxygen'),
    mark: 'line',
    series: (f) => f.spo2,
    rows: (f, date, range) => [['SpO2', fixed(at(f.spo2, date, range), 1, '%')]]
  },
  {
    name: 'skin temperature',
    locate: trend('recovery-chart', 'Skin temperature'),
    mark: 'line',
    series: (f) => f.skinTemp,
    rows: (f, date, range) => [['Skin temperature', fixed(at(f.skinTemp, date, range), 1, ' °C')]]
  },
  { name: 'sleep stages', locate: mainChart('sleep-chart'), mark: 'bar', series: (f) => f.deep, rows: sleepRows },
  { name: 'sleep performance', locate: trend('sleep-chart', 'Sleep performance, efficiency and consistency'), mark: 'line', series: (f) => f.performance, rows: qualityRows },
  { name: 'respiratory rate', locate: trend('sleep-chart', 'Respiratory rate'), mark: 'line', series: (f) => f.respiratoryRate, rows: qualityRows },
  { name: 'day strain', locate: mainChart('strain-chart'), mark: 'bar', series: (f) => f.strain, rows: strainRows },
  { name: 'energy', locate: trend('strain-chart', 'Energy'), mark: 'bar', series: (f) => f.kilojoule, rows: strainRows }
]

/**
 * Hovers a chart's mark `fromRight` buckets from its newest (0: the newest): a bar (of a stack, any
 * of the bucket's), or a point of its first line.
 */
async function hoverMark(chart: Locator, mark: 'bar' | 'line', fromRight: number): Promise<void> {
  if (mark === 'bar') {
    const bars = chart.locator('.recharts-bar-rectangle path')
    const centres = await bars.evaluateAll((paths) => paths.map((path) => Math.round(path.getBoundingClientRect().x + path.getBoundingClientRect().width / 2)))
    const columns = [...new Set(centres)].sort((a, b) => b - a)
    return bars.nth(centres.indexOf(columns[fromRight])).hover()
  }
  // The line's path runs from its oldest point to its newest; the surface's coordinates are the page's pixels.
  const path = (await chart.locator('.recharts-line-curve').first().getAttribute('d'))!
  const numbers = path.match(/-?\d+(?:\.\d+)?/g)!.map(Number)
  const [x, y] = numbers.slice(numbers.length - 2 * (fromRight + 1), numbers.length - 2 * fromRight)
  await chart.locator('svg.recharts-surface').hover({ position: { x, y } })
}

const ranges = [
  { range: '1w', bucket: 'day', days: 7 },
  { range: '1m', bucket: 'day', days: 30 },
  { range: 'all', bucket: 'month', days: null }
] as const

test('every chart’s tooltip at 1W, 1M and All shows the member’s own figures for its two newest buckets', async ({ page, host, whoop, clock }) => {
  test.setTimeout(120_000)
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  const figures = memberFigures(whoop.history)
  const to = memberToday(whoop.history, clock.now())
  const first = whoop.history.cycles.map((cycle) => cycleDay(whoop.history, cycle.id)).sort()[0]

  for (const { range: name, bucket, days } of ranges) {
    await page.getByTestId(`range-${name}`).click()
    await expect(page.locator(`[data-drawn-range="${name}"] .chart-card svg.recharts-surface`)).toHaveCount(DASHBOARD_CHARTS)
    const range: Range = { bucket, from: days === null ? first : addDays(to, -(days - 1)), to }
    // The newest bucket, and the one before: by month, the first is this month's few days.
    for (const chart of seriesCharts) {
      await shownInView(chart.locate(page))
      for (const fromRight of [0, 1]) {
        const located = chart.locate(page)
        await hoverMark(located, chart.mark, fromRight)
        const tooltip = located.getByTestId('chart-tooltip')
        const date = bucketsWithData(chart.series(figures), bucket, range.from, range.to)[fromRight]
        await expect(tooltip, `${chart.name} at ${name}: bucket ${fromRight} from the newest with data`).toHaveAttribute('data-date', date)
        for (const [label, value] of chart.rows(figures, date, range)) {
          await expect(tooltip, `${chart.name} at ${name}, ${date}: ${label}`).toContainText(`${label}${value}`)
        }
      }
    }
    await expectRangeTotals(page, figures, whoop.history.body.max_heart_rate, range, name)
    await expectRangeCard(page, figures, range, name)
    await saveScreenshot(page, `tooltips-${name}`)
  }
})

/**
 * The sports and heart-rate zone charts: totals over the range's workouts, each bar's tooltip, and
 * each zone's heart rates from the member's max heart rate.
 */
async function expectRangeTotals(page: Page, figures: MemberFigures, maxHeartRate: number, { from, to }: Range, name: string): Promise<void> {
  const workouts = figures.workouts.filter((workout) => workout.day >= from && workout.day <= to)
  const zones = page.getByTestId('zones-chart')
  await expect(zones.locator('figcaption')).toHaveText(`Time in heart-rate zones (max HR ${maxHeartRate} bpm)`)
  const bpm = zonesByCounting(maxHeartRate).map(({ low, high }, zone) => (zone === 0 ? `under ${high + 1} bpm` : `${low}–${high} bpm`))
  const shares = ['under 50%', '50–60%', '60–70%', '70–80%', '80–90%', '90–100%']
  // Each zone's column, hovered above its axis label: a zone without time has no bar to hover.
  const zoneLabels = zones.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /^Zone/ })
  await expect(zoneLabels).toHaveText(bpm.map((range, zone) => `Zone ${zone}${range}`))
  const plotTop = (await zones.locator('svg.recharts-surface').boundingBox())!.y + 40
  for (let zone = 0; zone < 6; zone++) {
    const key = `zone_${['zero', 'one', 'two', 'three', 'four', 'five'][zone]}_milli` as const
    const ms = workouts.reduce((sum, workout) => sum + Number(workout.score?.zone_durations[key] ?? 0), 0)
    const label = (await zoneLabels.nth(zone).boundingBox())!
    await page.mouse.move(label.x + label.width / 2, plotTop)
    await expect(zones.getByTestId('chart-tooltip'), `zone ${zone} at ${name}`).toHaveText(`Zone ${zone}: ${bpm[zone]}${shares[zone]} of max HR${asDuration(ms)}`)
  }

  const sports = page.getByTestId('sports-chart')
  const bars = sports.locator('.recharts-bar-rectangle path')
  const labels = await sports.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /[A-Za-z]/ }).allTextContents()
  const bySport = Map.groupBy(workouts, (workout) => workout.sport_name)
  const ranked = [...bySport].sort(([a, x], [b, y]) => y.length - x.length || (a < b ? -1 : 1))
  const groups = ranked.length > 8 ? [...ranked.slice(0, 7).map(([, list]) => list), ranked.slice(7).flatMap(([, list]) => list)] : ranked.map(([, list]) => list)
  expect(labels, `sports at ${name}`).toHaveLength(groups.length)
  for (const [index, group] of groups.entries()) {
    await bars.nth(index).hover()
    const scored = group.filter((workout) => workout.score)
    const strain = scored.length ? scored.reduce((sum, workout) => sum + workout.score!.strain, 0) / scored.length : null
    const durationMs = group.reduce((sum, workout) => sum + Date.parse(workout.end) - Date.parse(workout.start), 0)
    const kilojoule = group.reduce((sum, workout) => sum + (workout.score?.kilojoule ?? 0), 0)
    const tooltip = sports.getByTestId('chart-tooltip')
    await expect(tooltip, `${labels[index]} at ${name}`).toContainText(`${labels[index]}${group.length} workouts · ${asDuration(durationMs)}`)
    await expect(tooltip, `${labels[index]} at ${name}`).toContainText(`Average strain ${fixed(strain, 1)} · ${kilojoules(kilojoule)}`)
  }
}

/** "This range": means of the range's days, and how many days had data. */
async function expectRangeCard(page: Page, figures: MemberFigures, { from, to }: Range, name: string): Promise<void> {
  const meanOfDays = (series: DaySeries) => {
    const means = [...dayMeans(series)].filter(([day]) => day >= from && day <= to).map(([, value]) => value)
    return means.length ? means.reduce((sum, value) => sum + value, 0) / means.length : null
  }
  const days = [...figures.strain.keys()].filter((day) => day >= from && day <= to).length
  const card = page.getByTestId('range-card')
  await expect(card.getByTestId('range-dates'), `dates at ${name}`).toHaveText(`${dayWithYear(from)} – ${dayWithYear(to)}`)
  await expect(card.getByTestId('range-days'), `days at ${name}`).toHaveText(`Means of ${days} days with data`)
  for (const [label, value] of [
    ['Recovery', fixed(meanOfDays(figures.recovery), 0, '%')],
    ['HRV', fixed(meanOfDays(figures.hrv), 0, ' ms')],
    ['Resting HR', fixed(meanOfDays(figures.restingHr), 0, ' bpm')],
    ['Sleep', asDuration(meanOfDays(figures.asleep))],
    ['Strain', fixed(meanOfDays(figures.strain), 1)],
    ['Workouts', String(figures.workouts.filter((workout) => workout.day >= from && workout.day <= to).length)]
  ] as const) {
    await expect(card, `${label} at ${name}`).toContainText(`${label}${value}`)
  }
}
