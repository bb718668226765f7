import type { Page } from '@playwright/test'
import { cycleDay } from '../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures, type DaySeries } from '../support/fixtures/memberFigures'
import { connectThroughThePage, expect, saveScreenshot, test } from './fixtures'

/*
 * The home page's morning glance, read as a member reads it, against figures this test works out
 * from the fake WHOOP's records; and the top bar, which stays one line whatever the sync does.
 */

/** The 30 days ending on `day` that have a value: their mean, and the usual range one sample SD either side. */
function usualRange(series: DaySeries, day: string): { mean: number; low: number; high: number } | null {
  const means = dayMeans(series)
  const values = Array.from({ length: 30 }, (_, back) => means.get(addDays(day, -back))).filter((value) => value !== undefined)
  if (values.length < 7) return null
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  const spread = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (values.length - 1))
  return { mean, low: mean - spread, high: mean + spread }
}

const fixed = (value: number, digits: number) => value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })

async function connectAndSync(page: Page, whoop: Parameters<typeof connectThroughThePage>[1]) {
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
}

test('with demo data at 1280×800, the three dials and the day they are about are in view without scrolling', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  for (const id of ['today-date', 'today-recovery-dial', 'today-sleep-dial', 'today-strain-dial']) {
    await expect(page.getByTestId(id), id).toBeInViewport({ ratio: 1 })
  }
  await expect(page.getByTestId('today-recovery-dial')).toHaveText(/^\d+%$/)
  await expect(page.getByTestId('today-sleep-dial')).toHaveText(/^\d+%$/)
  await expect(page.getByTestId('today-strain-dial')).toHaveText(/^\d+\.\d$/)
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme })
    for (const width of [800, 1280, 1920]) {
      await page.setViewportSize({ width, height: width === 1920 ? 1080 : 800 })
      await saveScreenshot(page, `today-${width}-${scheme}`)
    }
  }
})

test("the dials and their reasons are the member's own figures for the newest day", async ({ page, host, whoop }) => {
  // WHOOP has scored this morning's sleep and recovery.
  whoop.edit.scorePending()
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const history = whoop.history
  const figures = memberFigures(history)
  const day = cycleDay(history, history.cycles[0].id)
  await expect(page.getByTestId('today-date')).toHaveAttribute('data-date', day)
  await expect(page.getByTestId('today-recovery-dial')).toHaveText(`${Math.round(dayMeans(figures.recovery).get(day)!)}%`)
  await expect(page.getByTestId('today-sleep-dial')).toHaveText(`${Math.round(dayMeans(figures.performance).get(day)!)}%`)
  await expect(page.getByTestId('today-strain-dial')).toHaveText(dayMeans(figures.strain).get(day)!.toFixed(1))
  // The cycle is still running: its strain is the day's so far.
  await expect(page.getByTestId('today-card').getByRole('heading', { name: 'Strain so far' })).toBeVisible()

  const vitals = [
    ['hrv', figures.hrv, 0, ' ms'],
    ['resting-hr', figures.restingHr, 0, ' bpm'],
    ['respiratory-rate', figures.respiratoryRate, 1, ' rpm'],
    ['spo2', figures.spo2, 1, '%'],
    ['skin-temp', figures.skinTemp, 1, ' °C']
  ] as const
  for (const [metric, series, digits, unit] of vitals) {
    const value = dayMeans(series).get(day)!
    const usual = usualRange(series, day)!
    const side = value > usual.high ? 'above your usual' : value < usual.low ? 'below your usual' : 'usual'
    await expect(page.getByTestId(`today-reason-${metric}`), metric).toContainText(
      `${fixed(value, digits)}${unit} ${side} ${fixed(usual.low, digits)}–${fixed(usual.high, digits)}${unit}`
    )
  }
  const night = history.sleeps.find((sleep) => !sleep.nap && cycleDay(history, sleep.cycle_id) === day)!.score!
  const asleep = night.stage_summary.total_light_sleep_time_milli + night.stage_summary.total_slow_wave_sleep_time_milli + night.stage_summary.total_rem_sleep_time_milli
  const need = night.sleep_needed
  const hm = (ms: number) => {
    const minutes = Math.round(ms / 60_000)
    return minutes < 60 ? `${minutes}m` : `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`
  }
  await expect(page.getByTestId('today-reason-asleep')).toHaveText(
    `${hm(asleep)} asleep of ${hm(need.baseline_milli + need.need_from_sleep_debt_milli + need.need_from_recent_strain_milli + need.need_from_recent_nap_milli)} needed`
  )
  await expect(page.getByTestId('today-reason-sleep-debt')).toHaveText(`Sleep debt ${hm(need.need_from_sleep_debt_milli)}`)
})

test('the signs of strain show on exactly the mornings whose vitals say so, the cold among them, and ← → walk the days', async ({ page, host, whoop }) => {
  test.setTimeout(120_000)
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const history = whoop.history
  const figures = memberFigures(history)
  const strained = (day: string) => {
    const outside = (series: DaySeries, side: 'above' | 'below') => {
      const value = dayMeans(series).get(day)
      const usual = usualRange(series, day)
      return value !== undefined && usual !== null && (side === 'above' ? value > usual.high : value < usual.low)
    }
    const signs = [outside(figures.restingHr, 'above'), outside(figures.respiratoryRate, 'above'), outside(figures.skinTemp, 'above'), outside(figures.hrv, 'below')]
    return dayMeans(figures.recovery).has(day) && signs.filter(Boolean).length >= 2
  }
  // The member's cold: the mornings 16 to 19 nights before the newest.
  const mainNights = history.sleeps.filter((sleep) => !sleep.nap).toSorted((a, b) => Date.parse(b.start) - Date.parse(a.start))
  const coldDays = mainNights.slice(16, 20).map((night) => cycleDay(history, night.cycle_id))
  expect(coldDays.filter(strained).length, 'the cold shows in the vitals').toBeGreaterThanOrEqual(3)

  const newest = cycleDay(history, history.cycles[0].id)
  const shown: string[] = []
  for (let back = 0; back < 25; back++) {
    const day = addDays(newest, -back)
    if (back > 0) await page.getByTestId('today-prev').click()
    await expect(page.getByTestId('today-date')).toHaveAttribute('data-date', day)
    await expect(page.getByTestId('today-card')).toHaveAttribute('data-day', day)
    await expect(page.getByTestId('strain-signal'), day).toHaveCount(strained(day) ? 1 : 0)
    if (strained(day)) shown.push(day)
    if (day === coldDays[1]) await saveScreenshot(page, 'today-strain-signal')
  }
  expect(shown).toEqual(expect.arrayContaining(coldDays.filter(strained)))
  // → and the keyboard come back to the newest day; there is no day after it.
  await page.getByTestId('today-next').click()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('today-date')).toHaveAttribute('data-date', addDays(newest, -22))
  await expect(page.getByTestId('today-card').getByRole('heading', { level: 1 })).toHaveText(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{4}$/)
})

test('the top bar stays one line at 800 px whatever the sync says, and says nothing before it knows', async ({ page, host, whoop }) => {
  test.setTimeout(120_000)
  await page.setViewportSize({ width: 800, height: 800 })
  const bar = page.locator('.topbar')
  const heights: Record<string, number> = {}
  const measure = async (state: string) => (heights[state] = (await bar.boundingBox())!.height)

  await page.goto(host.url)
  await expect(page.getByTestId('sync-status')).toHaveText('Not connected')
  await measure('not connected')
  await page.keyboard.press('s')
  await expect(page.getByTestId('sync-status')).toHaveText('Sync did not start')
  await expect(page.getByTestId('sync-errors')).toContainText('No WHOOP account is connected')
  await measure('did not start')

  // The first sync: slow pages, then a wait for WHOOP's rate limit.
  whoop.startStorm([{ kind: 'slow', delayMs: 150 }], 1)
  whoop.addFault({ kind: 'status', status: 429, resetSeconds: 6, times: 1, path: '/v2/activity/workout' })
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toContainText('Syncing')
  await measure('syncing')
  await expect(page.getByTestId('sync-status')).toContainText('Waiting for WHOOP’s rate limit')
  await measure('waiting')
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  whoop.clearFaults()
  await measure('synced')
  whoop.addFault({ kind: 'status', status: 404, times: Infinity, path: '/v2/recovery' })
  await page.getByTestId('sync-button').click()
  await expect(page.getByTestId('sync-status')).toContainText('Synced with problems: recovery failed')
  await measure('problems')
  whoop.clearFaults()
  await saveScreenshot(page, 'topbar-800-problems')
  const oneLine = heights['not connected']
  expect(oneLine).toBeLessThan(64)
  expect(heights).toEqual(Object.fromEntries(Object.keys(heights).map((state) => [state, oneLine])))

  // A reload: every text the status shows, from the first frame, is the connected app's.
  await page.addInitScript(() => {
    const seen: string[] = []
    ;(window as unknown as { statusesSeen: string[] }).statusesSeen = seen
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="sync-status"]')?.textContent
      if (text !== undefined && text !== seen.at(-1)) seen.push(text)
    }).observe(document, { subtree: true, childList: true, characterData: true })
  })
  await page.reload()
  await expect(page.getByTestId('sync-status')).toHaveText(/^Synced/)
  const seen = await page.evaluate(() => (window as unknown as { statusesSeen: string[] }).statusesSeen)
  expect(seen.filter((text) => text !== '')).toEqual([expect.stringMatching(/^Synced/)])
})
