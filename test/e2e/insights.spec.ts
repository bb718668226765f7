import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { strToU8, zipSync } from 'fflate'
import type { Page } from '@playwright/test'
import { ALCOHOL, journalDays, MEDITATION, plantJournal, READING } from '../support/fixtures/journalFixture'
import { expectedComparison } from '../support/fixtures/correlation'
import { cycleDay, memberToday } from '../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures, rollingMeanOn, type DaySeries, type MemberFigures } from '../support/fixtures/memberFigures'
import { meanOf, qValuesOf, welchInterval } from '../support/fixtures/welch'
import { zonesByCounting } from '../support/fixtures/heartRateZones'
import { englishHeaders, whoopExportCsv } from '../support/fixtures/whoopExportFixture'
import { connectThroughThePage, expect, saveScreenshot, screenshotDir, test } from './fixtures'
import { asDuration } from '../support/fixtures/asRead'

/*
 * The day view, trends, insights and the monthly report, read as a person reads them and compared
 * with figures this test works out from the fake WHOOP's records and the journal it wrote.
 */

test.use({ whoopOptions: { days: 200 } })

/** The next-morning measures insights compare, as the page names them, and where the test finds each. */
const readingOutcomes: { name: string; series: (figures: MemberFigures) => DaySeries }[] = [
  { name: 'recovery', series: (f) => f.recovery },
  { name: 'HRV', series: (f) => f.hrv },
  { name: 'resting heart rate', series: (f) => f.restingHr },
  { name: 'sleep performance', series: (f) => f.performance }
]

const dayAddress = (page: Page) => page.evaluate(() => window.location.hash)

async function connectAndSync(page: Page, whoop: Parameters<typeof connectThroughThePage>[1]) {
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
}

test('a recovery bar opens its day: recovery against baseline, the night, strain; ← → and Enter on a chart move between days', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const figures = memberFigures(whoop.history)
  await page.getByTestId('range-1w').click()
  await expect(page.locator('[data-drawn-range="1w"]')).toHaveCount(1)

  // The second-newest bar: the newest night may still be scored.
  const bars = page.getByTestId('recovery-chart').locator('.recharts-bar-rectangle')
  const bar = bars.nth((await bars.count()) - 2)
  await bar.hover()
  const day = (await page.getByTestId('recovery-chart').getByTestId('chart-tooltip').getAttribute('data-date'))!
  expect(dayMeans(figures.recovery).has(day)).toBe(true)
  // A click that arrives with the pointer (a tap, or a click with no hover first) opens the bar under
  // it, not the day the tooltip showed before: the tooltip shows the newest bar's day, the click lands on this one.
  await bars.last().hover()
  await expect(page.getByTestId('recovery-chart').getByTestId('chart-tooltip')).not.toHaveAttribute('data-date', day)
  const box = (await bar.boundingBox())!
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', day)
  expect(await dayAddress(page)).toBe(`#/day/${day}`)

  const recovery = dayMeans(figures.recovery).get(day)!
  await expect(page.getByTestId('day-recovery-dial')).toHaveAttribute('aria-label', `Recovery: ${Math.round(recovery)}%`)
  const hrv = dayMeans(figures.hrv).get(day)!
  const hrvBaseline = rollingMeanOn(figures.hrv, day, 30, 7)!
  const hrvRow = page.getByTestId('day-measure-hrv')
  await expect(hrvRow.locator('td').nth(0)).toHaveText(`${Math.round(hrv)} ms`)
  await expect(hrvRow.locator('td').nth(1)).toHaveText(`${Math.round(hrvBaseline)} ms`)

  // The day's night: its first main sleep (someone who sleeps by day can wake twice on one date).
  const night = whoop.history.sleeps
    .filter((s) => !s.nap && s.score && cycleDay(whoop.history, s.cycle_id) === day)
    .toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start))[0]
  const stages = night.score!.stage_summary
  const asleep = stages.total_light_sleep_time_milli + stages.total_slow_wave_sleep_time_milli + stages.total_rem_sleep_time_milli
  const sleep = page.getByTestId('day-sleep')
  await expect(sleep).toContainText(`Deep (SWS)${asDuration(stages.total_slow_wave_sleep_time_milli)} (${Math.round((100 * stages.total_slow_wave_sleep_time_milli) / asleep)}%)`)
  await expect(sleep).toContainText(`Disturbances${stages.disturbance_count}`)
  const strain = dayMeans(figures.strain).get(day)!
  await expect(page.getByTestId('day-strain-dial')).toHaveAttribute('aria-label', `Day strain: ${strain.toFixed(1)}`)
  await expect(page.getByTestId('day-journal')).toContainText("Import WHOOP's data export")
  await saveScreenshot(page, 'day-view')

  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', addDays(day, -1))
  await page.getByTestId('day-next').click()
  await page.getByTestId('day-next').click()
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', addDays(day, 1))
  // The newest day has no day after it.
  const newest = cycleDay(whoop.history, whoop.history.cycles[0].id)
  await page.getByTestId('day-picker').fill(newest)
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', newest)
  await expect(page.getByTestId('day-next')).toBeDisabled()

  // A day with a workout: the time in each zone, each zone with its heart rates from the member's max.
  const workout = whoop.history.workouts.find((candidate) => candidate.score)!
  const workoutDay = figures.workouts.find((candidate) => candidate.id === workout.id)!.day
  await page.getByTestId('day-picker').fill(workoutDay)
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', workoutDay)
  const durations = (['zero', 'one', 'two', 'three', 'four', 'five'] as const).map((zone) => workout.score!.zone_durations[`zone_${zone}_milli`])
  const zoneTimes = zonesByCounting(whoop.history.body.max_heart_rate).map(({ low, high }, zone) => {
    return `Zone ${zone} (${zone === 0 ? `under ${high + 1}` : `${low}–${high}`} bpm): ${asDuration(durations[zone])}`
  })
  const shownWorkout = page.getByTestId('day-workout').filter({ hasText: zoneTimes.join('') })
  await expect(shownWorkout).toHaveCount(1)
  await expect(shownWorkout.locator('.zone-times span')).toHaveText(zoneTimes)

  // From the keyboard: a focused chart's arrow keys move its tooltip, Enter opens that day.
  await page.getByTestId('dashboard-link').click()
  // Once every chart is drawn: a chart still taking its turn would be redrawn under the focus.
  await expect(page.locator('[data-drawn-range="1w"]')).toHaveCount(1)
  const chart = page.getByTestId('recovery-chart').locator('svg.recharts-surface').first()
  await chart.focus()
  // Each → moves one day from the week's first; the first day after it with a recovery has a tooltip
  // (a day without one, a gap of someone who woke twice the day before, shows none).
  const week = Array.from({ length: 7 }, (_, index) => addDays(newest, index - 6))
  const steps = week.findIndex((date, index) => index > 0 && dayMeans(figures.recovery).has(date))
  for (let step = 0; step < steps; step++) await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('recovery-chart').getByTestId('chart-tooltip')).toHaveAttribute('data-date', week[steps])
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', week[steps])
})

test("trends compare a measure's range with the one before, by the mean of its days, and lay out a year of recoveries", async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const figures = memberFigures(whoop.history)
  const to = memberToday(whoop.history, clock.now())
  const meanBetween = (series: DaySeries, from: string, until: string) => meanOf([...dayMeans(series)].filter(([d]) => d >= from && d <= until).map(([, v]) => v))

  await page.getByTestId('trends-link').click()
  await page.getByTestId('trend-metric-select').selectOption('hrv')
  await page.getByTestId('range-1m').click()
  await expect(page.locator('[data-drawn-trend="hrv/1m"]')).toHaveCount(1)
  const from = addDays(to, -29)
  const current = meanBetween(figures.hrv, from, to)
  const previous = meanBetween(figures.hrv, addDays(from, -30), addDays(from, -1))
  await expect(page.getByTestId('trend-current')).toHaveText(`${Math.round(current)} ms`)
  await expect(page.getByTestId('trend-previous')).toHaveText(`${Math.round(previous)} ms`)
  // The change between the two figures as the page shows them (whole ms), so that they agree.
  const [shownNow, shownBefore] = [Math.round(current), Math.round(previous)]
  const sign = (value: number) => (value > 0 ? '+' : value < 0 ? '−' : '±')
  const percent = Number(((100 * (shownNow - shownBefore)) / shownBefore).toFixed(1))
  await expect(page.getByTestId('trend-change')).toHaveText(`${sign(shownNow - shownBefore)}${Math.abs(shownNow - shownBefore)} ms (${sign(percent)}${Math.abs(percent).toFixed(1)}%)`)

  await page.getByTestId('trend-metric-select').selectOption('recovery')
  await expect(page.locator('[data-drawn-trend="recovery/1m"]')).toHaveCount(1)
  const recovery = dayMeans(figures.recovery)
  // A day of the calendar's year that has a recovery, some months back: the newest such day 100 or more days before the last.
  const sampleDay = [...recovery.keys()].filter((day) => day <= addDays(to, -100)).sort().at(-1)!
  await expect(page.locator(`.calendar-day[data-date="${sampleDay}"]`)).toHaveAttribute('title', new RegExp(`: ${Math.round(recovery.get(sampleDay)!)}%$`))
  // The year shown spans two: each January's column names its year, and so does the first column
  // unless a January begins within three weeks of it (a column per week, Monday on top).
  const calendarDays = await page.locator('.calendar-day').evaluateAll((days) => days.map((day) => (day as HTMLElement).dataset.date!))
  const firstWeekday = (new Date(`${calendarDays[0]}T00:00:00Z`).getUTCDay() + 6) % 7
  const januaries = calendarDays.flatMap((day, index) => (day.endsWith('-01-01') ? [{ year: day.slice(0, 4), week: Math.floor((firstWeekday + index) / 7) }] : []))
  const years = [...(januaries[0]?.week < 3 ? [] : [calendarDays[0].slice(0, 4)]), ...januaries.map(({ year }) => year)]
  await expect(page.locator('.calendar-year')).toHaveText(years)
  await saveScreenshot(page, 'trends-recovery')
})

test('trends read at every range: each day with its 7-day mean to 3M, then weeks or months with the middle half of their days, and years on the axis', async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const figures = memberFigures(whoop.history)
  const hrv = dayMeans(figures.hrv)
  const today = memberToday(whoop.history, clock.now())

  // 3M: the tooltip of each of the ten newest days with an HRV gives it and the mean of the 7 days ending on it.
  await page.goto(`${host.url}#/trends/hrv/3m`)
  await expect(page.locator('[data-drawn-trend="hrv/3m"]')).toHaveCount(1)
  const chart = page.getByTestId('trend-chart')
  const tooltip = chart.getByTestId('chart-tooltip')
  const newest = [...hrv.keys()].filter((date) => date <= today).sort().slice(-10)
  for (const [index, day] of newest.entries()) {
    await chart.locator('.day-dot').nth(index - newest.length).hover()
    await expect(tooltip).toHaveAttribute('data-date', day)
    await expect(tooltip).toContainText(`HRV${Math.round(hrv.get(day)!)} ms`)
    await expect(tooltip).toContainText(`7-day mean${Math.round(rollingMeanOn(figures.hrv, day, 7, 4)!)} ms`)
  }

  // Three months across a new year name their days with their year.
  await page.goto(`${host.url}#/trends/hrv/3m/${today.slice(0, 4)}-01-31`)
  await expect(page.locator('[data-drawn-trend="hrv/3m"]')).toHaveCount(1)
  await expect(chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').first()).toBeVisible()
  const acrossNewYear = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()
  expect(acrossNewYear.length).toBeGreaterThan(2)
  for (const label of acrossNewYear) expect(label).toMatch(/ \d{4}$/)
  await page.goto(`${host.url}#/trends/hrv/3m`)
  await expect(page.locator('[data-drawn-trend="hrv/3m"]')).toHaveCount(1)

  // 1Y by month: a whole month's mean and the 25th–75th percentiles of its days.
  await page.getByTestId('range-1y').click()
  await expect(page.locator('[data-drawn-trend="hrv/1y"]')).toHaveCount(1)
  const inYear = [...hrv.keys()].filter((date) => date >= addDays(today, -364) && date <= today)
  // The year spans two calendar years: every label names its year (weeks by the month they begin), once the chart is drawn.
  const expectYearsOnAxis = async () => {
    const labels = await chart.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()
    expect(labels.length).toBeGreaterThan(3)
    for (const label of labels) expect(label).toMatch(/^\S+ \d{4}$/)
    expect(labels.some((label) => label.endsWith(today.slice(0, 4)))).toBe(true)
  }
  const mondayOf = (date: string) => addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7))
  await expect(chart).toHaveAttribute('aria-label', 'HRV by week')
  await expect(chart.locator('.period-dot')).toHaveCount(new Set(inYear.map(mondayOf)).size)
  await expectYearsOnAxis()
  await page.getByTestId('range-month').click()
  await expect(chart).toHaveAttribute('aria-label', 'HRV by month')
  await expect(chart.locator('.period-dot')).toHaveCount(new Set(inYear.map((date) => date.slice(0, 7))).size)
  await expectYearsOnAxis()
  await chart.locator('.period-dot').nth(-2).hover()
  const month = (await tooltip.getAttribute('data-date'))!
  expect(month).toBe(`${addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)}-01`)
  const days = [...hrv].filter(([date]) => date.startsWith(month.slice(0, 7))).map(([, value]) => value).sort((a, b) => a - b)
  // Percentiles as spreadsheets take them: linear between the two nearest ranks.
  const percentile = (p: number) => {
    const at = (days.length - 1) * p
    return days[Math.floor(at)] + (days[Math.ceil(at)] - days[Math.floor(at)]) * (at - Math.floor(at))
  }
  await expect(tooltip).toContainText(`Mean of days${Math.round(meanOf(days))} ms`)
  await expect(tooltip).toContainText(`Middle half of days${Math.round(percentile(0.25))} ms – ${Math.round(percentile(0.75))} ms`)
  await expect(tooltip).toContainText(`Days with data${days.length}`)
  await saveScreenshot(page, 'trends-hrv-1y-by-month')

  // Skin temperature is drawn as WHOOP shows it, from the baseline; the tooltip keeps the reading.
  await page.goto(`${host.url}#/trends/skin-temp/1m`)
  await expect(page.locator('[data-drawn-trend="skin-temp/1m"]')).toHaveCount(1)
  await chart.locator('.day-dot').last().hover()
  const tempDay = (await tooltip.getAttribute('data-date'))!
  const reading = dayMeans(figures.skinTemp).get(tempDay)!
  // Between the reading and the baseline as the tooltip shows them, to a tenth of a degree.
  const signed = Number((Number(reading.toFixed(1)) - Number(rollingMeanOn(figures.skinTemp, tempDay, 30, 7)!.toFixed(1))).toFixed(1))
  await expect(tooltip).toContainText(`Skin temperature${reading.toFixed(1)} °C`)
  await expect(tooltip).toContainText(`From your baseline${signed > 0 ? '+' : signed < 0 ? '−' : '±'}${Math.abs(signed).toFixed(1)} °C`)
})

test.describe('a history whose newest day is 60 days old', () => {
  test.use({ whoopOptions: { days: 200, endedDaysAgo: 60 } })

  test('trends offer the days up to the latest data, and walk back and forth a range at a time', async ({ page, host, whoop, clock }) => {
    await page.goto(host.url)
    await connectAndSync(page, whoop)
    const hrv = dayMeans(memberFigures(whoop.history).hrv)
    const newest = whoop.history.cycles.toSorted((a, b) => Date.parse(b.start) - Date.parse(a.start))[0]
    const latest = cycleDay(whoop.history, newest.id)
    const today = memberToday(whoop.history, clock.now())
    /** The trend's figure and its days with data, as the test works them out from the fake's records. */
    const monthUpTo = (to: string) => {
      const values = [...hrv].filter(([day]) => day >= addDays(to, -29) && day <= to).map(([, value]) => value)
      return { text: `${Math.round(meanOf(values))} ms`, days: values.length }
    }

    // Today's month has no data: the page says where the data ends, and goes there.
    await page.goto(`${host.url}#/trends/hrv/1m`)
    await expect(page.locator('[data-drawn-trend="hrv/1m"]')).toHaveCount(1)
    await expect(page.getByTestId('trend-comparison')).toContainText('0 days with data')
    const written = await page.evaluate(
      (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      latest
    )
    await expect(page.getByTestId('stale-data')).toContainText(`Latest data: ${written}.`)
    await expect(page.getByTestId('period-forward')).toBeDisabled()
    await page.getByTestId('stale-data').getByTestId('show-latest-button').click()
    await expect(page).toHaveURL(new RegExp(`#/trends/hrv/1m/${latest}$`))
    await expect(page.getByTestId('range-until')).toContainText(`Showing the days up to ${written}.`)
    const month = monthUpTo(latest)
    expect(month.days, 'the fake history fills the month before its end').toBeGreaterThan(20)
    await expect(page.getByTestId('trend-current')).toHaveText(month.text)
    await expect(page.getByTestId('trend-comparison')).toContainText(`${month.days} days with data`)

    // A range at a time: earlier, then later again; the measure and the range keep the chosen end.
    await page.getByTestId('period-back').click()
    await expect(page).toHaveURL(new RegExp(`#/trends/hrv/1m/${addDays(latest, -30)}$`))
    await expect(page.getByTestId('trend-current')).toHaveText(monthUpTo(addDays(latest, -30)).text)
    await page.getByTestId('period-forward').click()
    await expect(page).toHaveURL(new RegExp(`#/trends/hrv/1m/${latest}$`))
    await page.getByTestId('range-3m').click()
    await expect(page).toHaveURL(new RegExp(`#/trends/hrv/3m/${latest}$`))
    await page.reload()
    await expect(page.locator('[data-drawn-trend="hrv/3m"]')).toHaveCount(1)
    await saveScreenshot(page, 'trends-up-to-latest-data')
    // Later, until the range would reach today: then the usual range, ending today.
    for (let end = latest; addDays(end, 91) < today; end = addDays(end, 91)) {
      await page.getByTestId('period-forward').click()
      await expect(page).toHaveURL(new RegExp(`#/trends/hrv/3m/${addDays(end, 91)}$`))
    }
    await page.getByTestId('period-forward').click()
    await expect(page).toHaveURL(/#\/trends\/hrv\/3m$/)
    await expect(page.getByTestId('period-forward')).toBeDisabled()
  })

  test("the report of a month without data says so, and offers the history's last month", async ({ page, host, whoop, clock }) => {
    await page.goto(host.url)
    await connectAndSync(page, whoop)
    const newest = whoop.history.cycles.toSorted((a, b) => Date.parse(b.start) - Date.parse(a.start))[0]
    const latest = cycleDay(whoop.history, newest.id)
    const thisMonth = memberToday(whoop.history, clock.now()).slice(0, 7)
    expect(latest.slice(0, 7), 'the history ended before this month').not.toBe(thisMonth)
    await page.goto(`${host.url}#/report/${thisMonth}`)
    const empty = page.getByTestId('report-empty')
    const monthName = (month: string) => new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })
    await expect(empty.getByRole('heading')).toHaveText(`No data for ${monthName(thisMonth)}`)
    await expect(page.getByTestId('report-save-image')).toBeDisabled()
    await empty.getByTestId('report-last-month').click()
    await expect(page.getByTestId('report-view')).toHaveAttribute('data-month', latest.slice(0, 7))
    await expect(page.getByTestId('report-body')).toContainText(`WHOOP report: ${monthName(latest.slice(0, 7))}`)
  })
})

test("compare from a trend: Pearson's and Spearman's r with their intervals and the days with both, the second measure on the next morning or the same day", async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const figures = memberFigures(whoop.history)
  const to = memberToday(whoop.history, clock.now())
  const from = addDays(to, -90)
  // A true minus, unless the value rounds to zero.
  const signed = (value: number) => `${value < 0 && Math.abs(value).toFixed(2) !== '0.00' ? '−' : ''}${Math.abs(value).toFixed(2)}`
  const rText = ({ r, low, high }: { r: number; low: number; high: number }) => `${signed(r)} (95% interval ${signed(low)} to ${signed(high)})`

  await page.getByTestId('trends-link').click()
  await page.getByTestId('trend-metric-select').selectOption('hrv')
  await page.getByTestId('trend-compare-link').click()
  await expect(page).toHaveURL(/#\/compare\/hrv\/recovery\/next\/3m$/)
  for (const nextMorning of [true, false]) {
    await expect(page.locator(`[data-drawn-compare="#/compare/hrv/recovery/${nextMorning ? 'next' : 'same'}/3m"]`)).toHaveCount(1)
    const want = expectedComparison(figures.hrv, figures.recovery, from, to, nextMorning)
    await expect(page.getByTestId('compare-days')).toHaveText(String(want.n))
    await expect(page.getByTestId('compare-pearson')).toHaveText(rText(want.pearson))
    await expect(page.getByTestId('compare-spearman')).toHaveText(rText(want.spearman))
    await expect(page.getByTestId('compare-summary').getByRole('heading')).toHaveText(`HRV and recovery ${nextMorning ? 'the next morning' : 'the same day'}`)
    if (nextMorning) await page.getByTestId('compare-next-morning').uncheck()
  }
  // HRV and the same morning's recovery move together in this member: the page says so.
  await expect(page.getByTestId('compare-words')).toHaveText('A strong positive relation: days with higher HRV went with higher recovery the same day.')
  await saveScreenshot(page, 'compare')

  await page.getByTestId('insights-link').click()
  await page.getByTestId('insights-compare-link').click()
  await expect(page).toHaveURL(/#\/compare\/strain\/recovery\/next\/all$/)
  await expect(page.getByTestId('compare-scatter')).toBeVisible()
})

test("insights from an imported journal: a planted effect in words with Welch's interval, no clear difference where none was planted; the report as a PDF", async ({ page, host, whoop }) => {
  test.setTimeout(120_000)
  const history = whoop.history
  // 20 points on 60 of 190 days: clear of zero whatever days are picked (the interval is about ±7 points wide).
  const journal = plantJournal(history, { days: 190, yesDays: 60, recoveryPoints: -20 })
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-journal-e2e-')), 'my_whoop_data.zip')
  fs.writeFileSync(file, zipSync({ 'journal_entries.csv': strToU8(whoopExportCsv(history, englishHeaders, journal).journal) }))
  await page.getByTestId('data-link').click()
  const chooser = page.waitForEvent('filechooser')
  await page.getByTestId('import-whoop-button').click()
  await (await chooser).setFiles(file)
  await expect(page.getByTestId('data-message')).toContainText('Imported my_whoop_data.zip')

  await page.getByTestId('insights-link').click()
  const figures = memberFigures(history)
  // Each answer against the morning it was given (its cycle's day): every question with 10 days a side, on four measures.
  const compared = [ALCOHOL, READING].flatMap((question) => {
    const days = journalDays(history, journal, question)
    return readingOutcomes.map(({ name, series }) => {
      const means = dayMeans(series(figures))
      const on = (list: string[]) => list.map((d) => means.get(d)).filter((v) => v !== undefined)
      return { question, name, yes: on(days.yes), no: on(days.no), ...welchInterval(on(days.yes), on(days.no)) }
    })
  })
  const q = qValuesOf(compared.map((comparison) => comparison.p))
  const clear = compared.filter((_, index) => q[index] <= 0.05)
  await expect(page.getByTestId('insights-method')).toContainText(`${compared.length} comparisons were made`)

  const effect = compared.find((comparison) => comparison.question === ALCOHOL && comparison.name === 'recovery')!
  expect(clear).toContain(effect)
  const alcohol = page.locator(`[data-testid="insight-row"][data-question="${ALCOHOL}"]`)
  const sentence = alcohol.locator('[data-testid="insight-effect"][data-outcome="recovery"]')
  await expect(sentence).toContainText(`After the days you answered yes, your recovery the next morning was ${Math.abs(effect.difference).toFixed(0)} points lower.`)
  await expect(sentence).toContainText(`95% interval ${(-effect.high).toFixed(0)} to ${(-effect.low).toFixed(0)} points`)
  await expect(sentence).toContainText(`${effect.yes.length} vs ${effect.no.length} mornings`)
  // The picture: a point per measure, the clear ones as the test finds them.
  const plotted = alcohol.getByTestId('effect-plot').locator('g[data-outcome]')
  await expect(plotted).toHaveCount(4)
  for (const { name } of readingOutcomes) {
    const outcome = { recovery: 'recovery', HRV: 'hrv', 'resting heart rate': 'resting-hr', 'sleep performance': 'sleep-performance' }[name]!
    const isClear = clear.some((comparison) => comparison.question === ALCOHOL && comparison.name === name)
    await expect(alcohol.getByTestId('effect-plot').locator(`g[data-outcome="${outcome}"]`), name).toHaveAttribute('data-clear', String(isClear))
  }
  // Reading had nothing planted: unless the test finds a difference that survives, it is in the one line of unclear questions.
  if (!clear.some((comparison) => comparison.question === READING)) {
    await expect(page.locator(`[data-testid="insight-unclear"][data-question="${READING}"]`)).toHaveText(`“${READING}”`)
  }
  await expect(page.getByTestId('insights-waiting')).toContainText(`“${MEDITATION}” (5 yes, ${journal.filter(([, question]) => question === MEDITATION).length - 5} no)`)
  await saveScreenshot(page, 'insights')

  // The report of a whole month, printed by Chromium, read back with poppler.
  const month = addDays(cycleDay(history, history.cycles[0].id), -40).slice(0, 7)
  await page.evaluate((m) => (window.location.hash = `#/report/${m}`), month)
  await expect(page.getByTestId('report-view')).toHaveAttribute('data-month', month)
  const inMonth = (series: DaySeries, m: string) => [...dayMeans(series)].filter(([d]) => d.startsWith(m)).map(([, v]) => v)
  const previousMonth = addDays(`${month}-01`, -1).slice(0, 7)
  const [thisMonth, monthBefore] = [Math.round(meanOf(inMonth(figures.recovery, month))), Math.round(meanOf(inMonth(figures.recovery, previousMonth)))]
  const monthName = new Date(`${month}-01T00:00:00Z`).toLocaleString('en-US', { month: 'long', year: 'numeric', timeZone: 'UTC' })
  // On screen: the recovery dial, a square for every day, and the month's best recovery.
  await expect(page.getByTestId('report-dial-recovery-value')).toHaveAttribute('aria-label', `Recovery, mean of ${monthName}: ${thisMonth}%`)
  const monthDays = Number(addDays(`${addDays(`${month}-28`, 4).slice(0, 7)}-01`, -1).slice(8))
  await expect(page.getByTestId('report-zone-strip').locator('li')).toHaveCount(monthDays)
  const [bestDay, best] = [...dayMeans(figures.recovery)].filter(([d]) => d.startsWith(month)).reduce((top, entry) => (entry[1] > top[1] ? entry : top))
  // Read in its own row: the best day may also be the month's longest night, and linked twice.
  const bestRow = page.getByTestId('report-notable-days').locator('div').filter({ has: page.locator('dt', { hasText: 'Best recovery' }) })
  await expect(bestRow.locator('a')).toHaveAttribute('href', `#/day/${bestDay}`)
  await expect(bestRow.locator('a')).toContainText(`${Math.round(best)}%`)
  await saveScreenshot(page, 'report')

  // Printed by Chromium on A4 and on Letter, each page read back with poppler: its text, and its pixels.
  await page.emulateMedia({ media: 'print' })
  fs.mkdirSync(screenshotDir, { recursive: true })
  for (const format of ['A4', 'Letter'] as const) {
    const pdf = path.join(screenshotDir, `report-${format}.pdf`)
    await page.pdf({ path: pdf, format, printBackground: true })
    const pageCount = Number(/^Pages:\s+(\d+)/m.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1])
    expect(pageCount, `${format} pages`).toBeGreaterThanOrEqual(1)
    expect(pageCount, `${format} pages`).toBeLessThanOrEqual(4)
    for (let number = 1; number <= pageCount; number++) {
      const pageText = execFileSync('pdftotext', ['-layout', '-f', String(number), '-l', String(number), pdf, '-'], { encoding: 'utf8' })
      expect(pageText.replace(/\s+/g, ' ').trim().length, `${format} page ${number} has text`).toBeGreaterThan(40)
      const { nonWhite, largestGrey } = pixelsOf(execFileSync('pdftoppm', ['-gray', '-r', '30', '-f', String(number), '-l', String(number), pdf]))
      expect(nonWhite, `${format} page ${number} is not blank`).toBeGreaterThan(0.005)
      expect(largestGrey, `${format} page ${number} has no flat grey block`).toBeLessThan(0.15)
    }
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(text).toContain(`WHOOP report: ${monthName}`)
    const recoveryRow = text.split('\n').find((line) => /^\s*Recovery\s{2,}\d/.test(line))!
    // The change in points between the two figures as shown (whole points); "1 point" alone singular.
    const change = thisMonth - monthBefore
    const changeText = change === 0 ? '±0 points' : `${change > 0 ? '+' : '−'}${Math.abs(change)} ${Math.abs(change) === 1 ? 'point' : 'points'}`
    expect(recoveryRow.trim().split(/\s{2,}/)).toEqual(['Recovery', `${thisMonth}%`, `${monthBefore}%`, changeText])
    const zones = inMonth(figures.recovery, month)
    expect(text.replace(/\s+/g, ' ')).toContain(
      `${zones.length} days with a recovery: ■ ${zones.filter((v) => v >= 67).length} green, ■ ${zones.filter((v) => v >= 34 && v < 67).length} yellow, ■ ${zones.filter((v) => v < 34).length} red.`
    )
    expect(text).toContain('synced from WHOOP')
  }
  await page.emulateMedia({ media: 'screen' })
  // Each page as an image, to look at.
  execFileSync('pdftoppm', ['-png', '-r', '60', path.join(screenshotDir, 'report-A4.pdf'), path.join(screenshotDir, 'report-page')])

  // Saved as an image to share: the report itself, drawn at twice its size, downloaded under the month's name.
  const box = (await page.getByTestId('report-body').boundingBox())!
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('report-save-image').click()])
  expect(download.suggestedFilename()).toBe(`whoop-report-${month}.png`)
  const image = fs.readFileSync((await download.path())!)
  expect(image.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a')
  // The PNG's IHDR: width and height, from byte 16 — the report with a 24 px margin, at twice the size.
  expect(Math.abs(image.readUInt32BE(16) - 2 * (box.width + 48))).toBeLessThanOrEqual(4)
  expect(Math.abs(image.readUInt32BE(20) - 2 * (box.height + 48))).toBeLessThanOrEqual(4)

  // In the browser host, "Save as PDF" prints the page itself.
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes')
  })
  await page.getByTestId('report-save-pdf').click()
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')
})

/**
 * A printed page's grey pixels (pdftoppm's PGM): the share that is not white (a blank page has
 * none), and the share of the commonest grey other than white and near-black text (a flat block).
 */
function pixelsOf(pgm: Buffer): { nonWhite: number; largestGrey: number } {
  const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 64).toString('latin1'))!
  const pixels = pgm.subarray(header[0].length)
  const counts = new Array<number>(256).fill(0)
  for (const value of pixels) counts[value]++
  const nonWhite = pixels.length - counts.slice(252).reduce((sum, count) => sum + count, 0)
  const largestGrey = Math.max(...counts.slice(60, 252)) / pixels.length
  return { nonWhite: nonWhite / pixels.length, largestGrey }
}
