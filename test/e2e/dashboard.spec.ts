import fs from 'node:fs'
import { dashboardRanges } from '../../src/shared/dashboard'
import { cycleDay, meanOfDays, memberDate, memberToday } from '../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures } from '../support/fixtures/memberFigures'
import { connectThroughThePage, expect, saveScreenshot, showRange, shownInView, test } from './fixtures'

const charts = ['recovery-chart', 'sleep-chart', 'strain-chart'] as const

test('first run: demo data draws real marks in every chart for every range, and goes in one click', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  // It opens on this morning's numbers, not on "still being scored".
  await expect(page.getByTestId('today-card')).toContainText(/\d+%Recovery/)
  await expect(page.getByTestId('last-night-card')).toContainText(/\d+h \d{2}m asleep of \d+h \d{2}m needed/)
  for (const range of dashboardRanges) {
    await page.getByTestId(`range-${range}`).click()
    await expect(page.getByTestId(`range-${range}`)).toHaveAttribute('aria-checked', 'true')
    for (const chart of charts) {
      const marks = page.getByTestId(chart).locator('.recharts-bar-rectangle path, .recharts-line-curve')
      await expect(marks.first(), `${chart} on ${range}`).toBeVisible()
      expect(await marks.count(), `${chart} on ${range}`).toBeGreaterThan(3)
    }
  }
  await showRange(page, '1m')
  await saveScreenshot(page, 'dashboard-demo-light')
  await page.getByTestId('remove-demo-button').click()
  await expect(page.getByTestId('demo-button')).toBeVisible()
  await expect(page.getByTestId('recovery-chart')).toHaveCount(0)
})

test('connect, sync with live progress, and see the member’s own values', async ({ page, host, whoop }) => {
  // Every request takes a moment, as over a real network, so the progress can be seen.
  whoop.startStorm([{ kind: 'slow', delayMs: 250 }], 1)
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  // A few words in the bar, the whole of it in the status's tooltip.
  await expect(page.getByTestId('sync-status')).toContainText(/^Syncing \w+/)
  await expect(page.getByTestId('sync-status')).toHaveAttribute('title', /Syncing .*records, back to [A-Z][a-z]{2} \d{1,2}, \d{4}/)
  // Once the app has found where the history begins: how far back it goes, and about how long is left.
  const historyStart = new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(whoop.history.cycles.at(-1)!.start))
  await expect(page.getByTestId('sync-status')).toHaveAttribute('title', new RegExp(`back to .* of ${historyStart}, less than a minute left`))
  await expect(page.getByTestId('sync-status')).toContainText('less than a minute left')
  await expect(page.getByTestId('sync-cancel')).toBeVisible()
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await expect(page.getByTestId('last-synced')).toHaveAttribute('title', /^Last synced [A-Z][a-z]{2} \d{1,2}, \d{4}/)
  whoop.clearFaults()

  await showRange(page, '1w')
  const today = whoop.history.cycles[0]
  await expect(page.getByTestId('today-card')).toContainText(today.score!.strain.toFixed(1))
  // The newest scored recovery bar, and the strain of a day before: each the mean of that day's own
  // records, the day being the one its member woke on.
  const dayOf = (cycleId: number) => cycleDay(whoop.history, cycleId)
  const recoveryChart = page.getByTestId('recovery-chart')
  await recoveryChart.locator('.recharts-bar-rectangle path').last().hover()
  const recoveryDay = (await recoveryChart.getByTestId('chart-tooltip').getAttribute('data-date'))!
  const recoveries = whoop.history.recoveries.filter((r) => r.score_state === 'SCORED' && dayOf(r.cycle_id) === recoveryDay)
  const { mean: recovery } = meanOfDays(recoveries.map((r) => [recoveryDay, r.score!.recovery_score]))
  await expect(recoveryChart.getByTestId('chart-tooltip')).toContainText(`Recovery${Math.round(recovery)}%`)
  const strainChart = page.getByTestId('strain-chart').locator('.recharts-wrapper').first()
  const strainBars = strainChart.locator('.recharts-bar-rectangle path')
  await strainBars.nth((await strainBars.count()) - 2).hover()
  const strainDay = (await strainChart.getByTestId('chart-tooltip').getAttribute('data-date'))!
  const cycles = whoop.history.cycles.filter((c) => c.score_state === 'SCORED' && dayOf(c.id) === strainDay)
  const { mean: strain } = meanOfDays(cycles.map((c) => [strainDay, c.score!.strain]))
  await expect(strainChart.getByTestId('chart-tooltip')).toContainText(`Day strain${strain.toFixed(1)}`)
  await saveScreenshot(page, 'dashboard-synced-light')
})

test('shows a failing resource’s error in plain words, and the other resources still sync', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  whoop.addFault({ kind: 'status', status: 404, times: Infinity, path: '/v2/recovery' })
  await page.getByTestId('sync-button').click()
  await expect(page.getByTestId('sync-status')).toContainText('Synced with problems: recovery failed')
  await expect(page.getByTestId('sync-errors')).toContainText('recovery: WHOOP has no such resource (GET /v2/recovery, 404).')
})

test('exports a JSON download, and every page looks right in light and dark', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('recovery-chart')).toBeVisible()
  await page.getByTestId('data-link').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-json-button').click()
  const file = await (await download).path()
  const exported = JSON.parse(fs.readFileSync(file, 'utf8'))
  expect(exported).toMatchObject({ format: 'whoop-desktop-export', version: 2 })
  expect(exported.accounts[0].cycles.length).toBe(730)
  await expect(page.getByTestId('data-message')).toContainText('Exported')

  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const name of ['dashboard', 'data', 'settings'] as const) {
      await page.getByTestId(`${name}-link`).click()
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
      if (name === 'dashboard') await expect(page.getByTestId('strain-chart')).toBeVisible()
      await saveScreenshot(page, `page-${name}-${scheme}`)
    }
  }
})

test('keyboard: digits pick the range, and every control has a name', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('range-1m')).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('5')
  await expect(page.getByTestId('range-1y')).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('1')
  await expect(page.getByTestId('range-1w')).toHaveAttribute('aria-checked', 'true')
  const unnamed = await page.locator('button, a, input').evaluateAll((elements) =>
    elements.filter((e) => !(e.getAttribute('aria-label') || e.textContent?.trim() || e.getAttribute('title') || (e as HTMLInputElement).labels?.length || e.getAttribute('type') === 'hidden' || (e as HTMLElement).hidden)).length
  )
  expect(unnamed).toBe(0)
})

test('shows the units chosen in Settings', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('body-measurements')).toContainText('1.75 m · 72.6 kg')
  await expect(page.getByTestId('today-card')).toContainText(' kJ')
  const skinTemperature = page.getByTestId('recovery-chart').locator('figure.trend').filter({ hasText: 'Skin temperature' })
  /** The skin temperature tooltip of the chart's last day, as a number and its unit. */
  const lastSkinTemperature = async () => {
    await skinTemperature.locator('.recharts-line-dot').last().hover()
    const text = await skinTemperature.getByTestId('chart-tooltip').textContent()
    const [, value, unit] = /Skin temperature(\d+\.\d) (°[CF])/.exec(text ?? '') ?? []
    return { value: Number(value), unit }
  }
  const celsius = await lastSkinTemperature()
  expect(celsius.unit).toBe('°C')
  await page.getByTestId('settings-link').click()
  await page.getByTestId('unitSystem-imperial').check()
  await page.getByTestId('energyUnit-kcal').check()
  await page.getByTestId('dashboard-link').click()
  await expect(page.getByTestId('body-measurements')).toContainText('5′ 9″ · 160.0 lb')
  await expect(page.getByTestId('today-card')).toContainText(' kcal')
  const fahrenheit = await lastSkinTemperature()
  expect(fahrenheit.unit).toBe('°F')
  // The same day, converted: within the rounding of the one decimal each shows.
  expect(Math.abs(fahrenheit.value - (celsius.value * 9) / 5 - 32)).toBeLessThanOrEqual(0.15)
})

/** Milliseconds as a person reads them in the app: `7h 05m`, or `42m` under an hour. */
function asDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000)
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`
}

test('the sleep tooltip and the Today and Last night cards show the member’s own values, dated', async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  const { cycles, sleeps } = whoop.history
  const mainSleeps = sleeps.filter((sleep) => !sleep.nap)
  const newestNight = mainSleeps.toSorted((a, b) => Date.parse(b.end) - Date.parse(a.end))[0]

  await expect(page.getByTestId('today-card').getByRole('heading', { level: 1 })).toHaveText('Today')
  await expect(page.getByTestId('today-date')).toHaveAttribute('data-date', cycleDay(whoop.history, cycles[0].id))
  await expect(page.getByTestId('last-night-card').getByRole('heading')).toHaveText('Last night')
  await expect(page.getByTestId('last-night-date')).toHaveAttribute('data-date', memberDate(Date.parse(newestNight.end), newestNight.timezone_offset))
  await expect(page.getByTestId('stale-data')).toHaveCount(0)

  const { deep } = memberFigures(whoop.history)
  const today = memberToday(whoop.history, clock.now())
  for (const [range, days] of [['1w', 7], ['1m', 30]] as const) {
    await page.getByTestId(`range-${range}`).click()
    const chart = page.getByTestId('sleep-chart').locator('.recharts-wrapper').first()
    // The nights' bars (each night's stages stacked in one), one per scored night of the range:
    // waited for, so that the bar hovered is the new range's; the last but one is a scored night.
    const nightBars = chart.locator('.recharts-bar').first().locator('.recharts-bar-rectangle')
    const nights = [...deep.keys()].filter((day) => day > addDays(today, -days) && day <= today).length
    await expect(nightBars).toHaveCount(nights)
    await nightBars.nth(nights - 2).hover()
    const tooltip = chart.getByTestId('chart-tooltip')
    const hoveredDate = await tooltip.getAttribute('data-date')
    const night = mainSleeps.find((sleep) => memberDate(Date.parse(sleep.end), sleep.timezone_offset) === hoveredDate)!
    const stages = night.score!.stage_summary
    for (const [label, ms] of [
      ['Deep (SWS)', stages.total_slow_wave_sleep_time_milli],
      ['REM', stages.total_rem_sleep_time_milli],
      ['Light', stages.total_light_sleep_time_milli],
      ['Awake', stages.total_awake_time_milli],
      ['Asleep', stages.total_slow_wave_sleep_time_milli + stages.total_rem_sleep_time_milli + stages.total_light_sleep_time_milli]
    ] as const) {
      await expect(tooltip, `${label} on ${range}`).toContainText(`${label}${asDuration(ms)}`)
    }
    // The night's bar stacks its stages from the foot up (a day's naps above them), each as tall as
    // its share of the night.
    const parts = await nightBars.nth(nights - 2).locator('path:not(.part-napHours)').evaluateAll((paths) =>
      paths.map((path) => ({ part: path.getAttribute('class'), top: path.getBoundingClientRect().top, height: path.getBoundingClientRect().height }))
    )
    const stageMs = [stages.total_slow_wave_sleep_time_milli, stages.total_rem_sleep_time_milli, stages.total_light_sleep_time_milli, stages.total_awake_time_milli]
    expect(parts.map(({ part }) => part)).toEqual(['part-deepHours', 'part-remHours', 'part-lightHours', 'part-awakeHours'])
    expect(parts.map(({ top }) => top)).toEqual(parts.map(({ top }) => top).toSorted((a, b) => b - a))
    const barHeight = parts.reduce((sum, { height }) => sum + height, 0)
    const nightMs = stageMs.reduce((sum, ms) => sum + ms, 0)
    for (const [index, { height }] of parts.entries()) expect(Math.abs(height - (barHeight * stageMs[index]) / nightMs), parts[index].part!).toBeLessThan(0.5)
  }
  await saveScreenshot(page, 'dashboard-sleep-tooltip')

  // At All, a bar is a month: its tooltip says what it is the mean of, and has no 7-day average.
  await showRange(page, 'all')
  const recoveryChart = page.getByTestId('recovery-chart').locator('.recharts-wrapper').first()
  await recoveryChart.locator('.recharts-bar-rectangle path').last().hover()
  const monthTooltip = recoveryChart.getByTestId('chart-tooltip')
  const month = (await monthTooltip.getAttribute('data-date'))!.slice(0, 7)
  const dayOf = (cycleId: number) => cycleDay(whoop.history, cycleId)
  const scored = whoop.history.recoveries.filter((r) => r.score_state === 'SCORED' && dayOf(r.cycle_id).startsWith(month))
  const { mean, days } = meanOfDays(scored.map((r) => [dayOf(r.cycle_id), r.score!.recovery_score]))
  await expect(monthTooltip).toContainText(`Mean recovery${Math.round(mean)}%`)
  await expect(monthTooltip).toContainText(`Mean of ${days} days`)
  // A month is more than its mean: how many of its days were red, yellow and green.
  const dayRecoveries = [...Map.groupBy(scored, (r) => dayOf(r.cycle_id)).values()].map(
    (list) => list.reduce((sum, r) => sum + r.score!.recovery_score, 0) / list.length
  )
  const red = dayRecoveries.filter((recovery) => recovery < 34).length
  const green = dayRecoveries.filter((recovery) => recovery >= 67).length
  await expect(monthTooltip).toContainText(`Red days${red} of ${days} days`)
  await expect(monthTooltip).toContainText(`Yellow days${days - red - green} of ${days} days`)
  await expect(monthTooltip).toContainText(`Green days${green} of ${days} days`)
  const hrvChart = page.getByTestId('recovery-chart').locator('figure.trend').first()
  await hrvChart.locator('.recharts-wrapper').hover()
  await expect(hrvChart.getByTestId('chart-tooltip')).toContainText('Mean of')
  await expect(hrvChart.getByTestId('chart-tooltip')).not.toContainText('7-day average')

  // Every sport of the history is in the chart under its readable name: the top seven, and "Other".
  const readable: Record<string, string> = {
    running: 'Running', cycling: 'Cycling', 'functional-fitness': 'Functional Fitness', weightlifting: 'Weightlifting',
    yoga: 'Yoga', walking: 'Walking', hiit: 'HIIT', tennis: 'Tennis', swimming: 'Swimming', 'hiking/rucking': 'Hiking / Rucking'
  }
  const counts = Map.groupBy(whoop.history.workouts, (workout) => workout.sport_name)
  const bySport = [...counts].map(([sport, list]) => ({ sport, workouts: list.length }))
    .sort((a, b) => b.workouts - a.workouts || (a.sport < b.sport ? -1 : 1))
  expect(bySport.length, 'the fake history has more sports than bars').toBeGreaterThan(8)
  const sportsChart = page.getByTestId('sports-chart')
  // The category axis: the tick labels that are words (the other axis counts workouts).
  await expect(sportsChart.locator('.recharts-cartesian-axis-tick-value').filter({ hasText: /[A-Za-z]/ })).toHaveText([
    ...bySport.slice(0, 7).map((entry) => readable[entry.sport]),
    'Other'
  ])
  await sportsChart.locator('.recharts-bar-rectangle path').last().hover()
  const rest = bySport.slice(7)
  const otherTooltip = sportsChart.getByTestId('chart-tooltip')
  await expect(otherTooltip).toContainText(`Other${rest.reduce((sum, entry) => sum + entry.workouts, 0)} workouts`)
  await expect(otherTooltip).toContainText(rest.map((entry) => `${readable[entry.sport]} (${entry.workouts})`).join(', '))
  // Energy's axis groups thousands as the page's locale writes them ("10,000", not "10000").
  const valueTicks = await page.getByTestId('strain-chart').locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value').allTextContents()
  const thousands = valueTicks.filter((tick) => Number(tick.replace(/,/g, '')) >= 1000)
  expect(thousands.length, 'the energy axis reaches thousands of kJ').toBeGreaterThan(0)
  for (const tick of thousands) expect(tick).toMatch(/^\d{1,3}(,\d{3})+$/)
  await saveScreenshot(page, 'dashboard-all-range-sports')
})

test.describe('a history whose newest day is ten days old', () => {
  // The member's WHOOP history stopped ten days ago (the strap was left in a drawer).
  test.use({ whoopOptions: { endedDaysAgo: 10 } })

  test('names its days as they are and says when the latest data is from', async ({ page, host, whoop }) => {
    await page.goto(host.url)
    await connectThroughThePage(page, whoop)
    await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
    const newestCycle = whoop.history.cycles[0]
    const newestDay = await page.getByTestId('today-date').getAttribute('data-date')
    expect(newestDay).toBe(cycleDay(whoop.history, newestCycle.id))
    await expect(page.getByTestId('today-card').getByRole('heading', { level: 1 })).toHaveText('Latest day')
    await expect(page.getByTestId('last-night-card').getByRole('heading')).toHaveText('Latest night')
    // The date as the page's own locale writes a day with its year.
    const written = await page.evaluate(
      (day) => new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }),
      newestDay
    )
    await expect(page.getByTestId('stale-data')).toContainText(`Latest data: ${written}.`)
    await expect(page.getByTestId('stale-data').getByRole('link', { name: 'import a newer WHOOP export' })).toHaveAttribute('href', '#/data')
    await expect(page.getByTestId('stale-sync-button')).toBeVisible()
    await saveScreenshot(page, 'dashboard-stale-data')

    // The week up to the latest data: its last strain bar is the newest scored day, and a reload keeps it.
    await showRange(page, '1w')
    await expect(page.getByTestId('empty-range')).toBeVisible()
    await page.getByTestId('stale-data').getByTestId('show-latest-button').click()
    await expect(page.getByTestId('range-until')).toContainText(`Showing the days up to ${written}.`)
    await expect(page).toHaveURL(new RegExp(`#/dashboard/1w/${newestDay}$`))
    await page.reload()
    const newestScored = whoop.history.cycles.find((cycle) => cycle.score_state === 'SCORED')!
    const strainChart = page.getByTestId('strain-chart').locator('.recharts-wrapper').first()
    await strainChart.locator('.recharts-bar-rectangle path').last().hover()
    await expect(strainChart.getByTestId('chart-tooltip')).toHaveAttribute('data-date', cycleDay(whoop.history, newestScored.id))
    await expect(page.getByTestId('range-card')).toContainText(/Means of [1-7] days? with data/)
    // Earlier shows the week before it, Later comes back to it.
    await page.getByTestId('period-back').click()
    await expect(page).toHaveURL(new RegExp(`#/dashboard/1w/${addDays(newestDay!, -7)}$`))
    await page.getByTestId('period-forward').click()
    await expect(page).toHaveURL(new RegExp(`#/dashboard/1w/${newestDay}$`))
    await page.getByTestId('back-to-today-button').click()
    await expect(page).toHaveURL(/#\/dashboard\/1w$/)
    await expect(page.getByTestId('stale-data')).toBeVisible()
    await expect(page.getByTestId('range-card')).toContainText('Means of 0 days with data')
  })
})

test('a day with data between two days without is drawn as a dot, at a range too long for dots', async ({ page, host, whoop }) => {
  // The strap was off the day before and the day after: no recovery on either side of this one.
  const { cycles } = whoop.history
  const [before, alone, after] = [cycles[42], cycles[41], cycles[40]]
  whoop.history.recoveries = whoop.history.recoveries.filter((r) => r.cycle_id !== before.id && r.cycle_id !== after.id)
  const recovery = whoop.history.recoveries.find((r) => r.cycle_id === alone.id && r.score_state === 'SCORED')!
  const day = cycleDay(whoop.history, alone.id)

  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await showRange(page, '3m')
  const hrv = page.getByTestId('recovery-chart').locator('figure.trend').filter({ hasText: 'Heart rate variability' })
  const dots = hrv.locator('.isolated-dot')
  await expect(dots.first()).toBeVisible()
  const dates: (string | null)[] = []
  for (const dot of await dots.all()) {
    await dot.hover()
    dates.push(await hrv.getByTestId('chart-tooltip').getAttribute('data-date'))
    if (dates.at(-1) === day) break
  }
  expect(dates).toContain(day)
  await expect(hrv.getByTestId('chart-tooltip')).toContainText(`HRV${recovery.score!.hrv_rmssd_milli.toFixed(1)} ms`)
})

test('the first sync fills the dashboard in as it stores pages, even while it waits for the rate limit', async ({ page, host, whoop }) => {
  // The first page of workouts meets WHOOP's rate limit: everything waits 8 s.
  whoop.addFault({ kind: 'status', status: 429, resetSeconds: 8, times: 1, path: '/v2/activity/workout' })
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toContainText('Waiting for WHOOP’s rate limit')
  // The newest page of cycles, sleep and recovery came first: today's strain is on the page already.
  const today = whoop.history.cycles[0]
  await expect(page.getByTestId('today-card')).toContainText(today.score!.strain.toFixed(1))
  await expect(page.getByTestId('sync-status')).toContainText('Waiting for WHOOP’s rate limit')
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
})

test('a range is marked drawn when every chart in view shows it; a chart out of view is drawn when scrolled to', async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await showRange(page, '1w')
  const { recovery, kilojoule } = memberFigures(whoop.history)
  const today = memberToday(whoop.history, clock.now())
  const daysWithin = (series: Map<string, number[]>, days: number) => [...series.keys()].filter((day) => day > addDays(today, -days) && day <= today).length

  // Out of view, the energy chart draws the week once the page is idle.
  const energy = page.getByTestId('strain-chart').locator('figure.trend').filter({ has: page.locator('figcaption', { hasText: /^Energy/ }) })
  await expect(energy.locator('.recharts-bar-rectangle path')).toHaveCount(daysWithin(kilojoule, 7))

  // In the page, from before the click: the bars at the moment 1M's mark is set (a mutation
  // observer runs before anything else can draw). The recovery chart is in view, under Today;
  // energy is far below, out of view.
  const barsWhenMarked = page.evaluate(
    () =>
      new Promise<number[]>((resolve) => {
        const bars = (chart: Element | null | undefined) => chart?.querySelectorAll('.recharts-bar-rectangle path').length ?? -1
        const observer = new MutationObserver(() => {
          if (!document.querySelector('[data-drawn-range="1m"]')) return
          observer.disconnect()
          const recoveryBars = document.querySelector('[data-testid="recovery-chart"] .chart-box')
          const energy = [...document.querySelectorAll('[data-testid="strain-chart"] figure')].find((figure) => figure.textContent?.startsWith('Energy'))
          resolve([bars(recoveryBars), bars(energy)])
        })
        observer.observe(document.body, { attributes: true, subtree: true, attributeFilter: ['data-drawn-range'] })
      })
  )
  await page.getByTestId('range-1m').click()
  // In view: the month's recoveries; out of view: still the week's energy bars.
  expect(await barsWhenMarked).toEqual([daysWithin(recovery, 30), daysWithin(kilojoule, 7)])

  // Scrolled to, the energy chart shows the month.
  await energy.scrollIntoViewIfNeeded()
  await expect(energy.locator('.recharts-bar-rectangle path')).toHaveCount(daysWithin(kilojoule, 30))
})

test('every axis right: HRV under its recovery bars, recovery in a zone row of its own under strain, partial months marked', async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await showRange(page, '1m')

  // Each day's HRV point sits over the middle of that day's recovery bar (HRV and recovery come from
  // the same WHOOP recovery, so the same days have both).
  const recoveryCard = page.getByTestId('recovery-chart')
  await shownInView(recoveryCard)
  const middles = (locator: ReturnType<typeof page.locator>) =>
    locator.evaluateAll((marks) => marks.map((mark) => Math.round(mark.getBoundingClientRect().x + mark.getBoundingClientRect().width / 2)))
  const barMiddles = await middles(recoveryCard.locator('.chart-box').first().locator('.recharts-bar-rectangle path'))
  const hrv = recoveryCard.locator('figure.trend').filter({ has: page.locator('figcaption', { hasText: /^Heart rate variability/ }) })
  const pointMiddles = await middles(hrv.locator('circle.recharts-line-dot'))
  expect(barMiddles.length).toBeGreaterThan(20)
  expect(pointMiddles.map((x) => barMiddles.some((bar) => Math.abs(bar - x) <= 1))).toEqual(pointMiddles.map(() => true))
  expect(pointMiddles).toHaveLength(barMiddles.length)

  // Strain has one scale; the same days' recovery is a row of zone colours under it, each day's zone
  // worked out here from the member's recoveries.
  const strainCard = page.getByTestId('strain-chart')
  await shownInView(strainCard)
  const strainLabels = await strainCard.locator('.chart-box').first().locator('svg text').allTextContents()
  expect(strainLabels).toEqual(expect.arrayContaining(['0', '7', '14', '21']))
  expect(strainLabels.filter((label) => label.includes('%'))).toEqual([])
  const to = memberToday(whoop.history, clock.now())
  const days = Array.from({ length: 30 }, (_, back) => addDays(to, -29 + back))
  const recoveryByDay = dayMeans(memberFigures(whoop.history).recovery)
  const zoneOf = (recovery: number) => (recovery >= 67 ? 'green' : recovery >= 34 ? 'yellow' : 'red')
  const expectedZones = days.flatMap((day) => (recoveryByDay.has(day) ? [zoneOf(recoveryByDay.get(day)!)] : []))
  const row = page.getByTestId('strain-recovery-row').locator('.recharts-bar-rectangle path')
  expect(await row.evaluateAll((cells) => cells.map((cell) => /zone-(\w+)/.exec(cell.getAttribute('class') ?? '')?.[1]))).toEqual(expectedZones)

  // At All, by month: the month so far is marked, and so is the first when the history starts after its 1st.
  await showRange(page, 'all')
  await shownInView(strainCard)
  const firstDay = whoop.history.cycles.map((cycle) => cycleDay(whoop.history, cycle.id)).sort()[0]
  const monthEnd = new Date(Date.UTC(Number(to.slice(0, 4)), Number(to.slice(5, 7)), 0)).toISOString().slice(0, 10)
  const marks = strainCard.locator('.chart-box').first().locator('.partial-bucket')
  await expect(marks).toHaveCount(Number(firstDay.slice(8) !== '01') + Number(to !== monthEnd))
  if (to !== monthEnd) await expect(strainCard.locator('.chart-box').first().locator('.partial-label').last()).toHaveText('so far')
})

test('walking in time: Earlier shows the 30 days before, a date picked ends the range, [ and ] step, Today comes back', async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await showRange(page, '1m')
  const figures = memberFigures(whoop.history)
  const today = memberToday(whoop.history, clock.now())
  /** What the range card says of the 30 days up to `end`, worked out from the member's history. */
  const expectMonthUpTo = async (end: string) => {
    const within = (day: string) => day > addDays(end, -30) && day <= end
    const recoveries = [...figures.recovery].filter(([day]) => within(day)).flatMap(([day, values]) => values.map((value) => [day, value] as [string, number]))
    const strainDays = [...figures.strain.keys()].filter(within).length
    await expect(page.getByTestId('range-days')).toHaveText(`Means of ${strainDays} ${strainDays === 1 ? 'day' : 'days'} with data`)
    await expect(page.getByTestId('range-card')).toContainText(new RegExp(`Recovery\\s*${Math.round(meanOfDays(recoveries).mean)}%`))
  }

  await page.getByTestId('period-back').click()
  await expect(page).toHaveURL(new RegExp(`#/dashboard/1m/${addDays(today, -30)}$`))
  await expectMonthUpTo(addDays(today, -30))

  // A day picked in the date field ends the range there; the address keeps it across a reload.
  const picked = addDays(today, -45)
  await page.getByTestId('range-end-date').fill(picked)
  await expect(page).toHaveURL(new RegExp(`#/dashboard/1m/${picked}$`))
  await page.reload()
  await expect(page.getByTestId('range-end-date')).toHaveValue(picked)
  await expectMonthUpTo(picked)

  // `]` steps forward a range's length, `[` back; Today returns to the days up to today.
  await page.keyboard.press(']')
  await expect(page).toHaveURL(new RegExp(`#/dashboard/1m/${addDays(picked, 30)}$`))
  await expectMonthUpTo(addDays(picked, 30))
  await page.keyboard.press('[')
  await expect(page).toHaveURL(new RegExp(`#/dashboard/1m/${picked}$`))
  await page.getByTestId('period-today').click()
  await expect(page).toHaveURL(/#\/dashboard\/1m$/)
  await expect(page.getByTestId('period-forward')).toBeDisabled()
  await expect(page.getByTestId('period-today')).toHaveCount(0)
  await expectMonthUpTo(today)
})
