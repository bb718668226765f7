import fs from 'node:fs'
import { parse } from 'csv-parse/sync'
import { strFromU8, unzipSync } from 'fflate'
import type { Page } from '@playwright/test'
import type { Sleep } from '../../src/main/whoop/whoopSchemas'
import { offsetAt } from '../../src/main/demo/zonedTime'
import { memberDate } from '../support/fixtures/memberDays'
import { connectThroughThePage, expect, saveScreenshot, test } from './fixtures'
import { asDuration } from '../support/fixtures/asRead'

/*
 * Nights as WHOOP records them, with one UTC offset each: across the nights the clocks change and on
 * a trip abroad, each is shown on the day its member woke in its own offset, with the times of day
 * that offset gives and its true length from WHOOP's milliseconds, on the dashboard, in the day view
 * and in the export.
 */

const MINUTE = 60_000

/** The day view writes times of day as en-US does: "11:04 PM". */
function timeOfDay(ms: number, offset: string): string {
  const [, sign, hours, minutes] = /^([+-])(\d{2}):(\d{2})$/.exec(offset)!
  const shift = (sign === '-' ? -1 : 1) * (Number(hours) * 60 + Number(minutes)) * MINUTE
  return new Intl.DateTimeFormat('en-US', { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' }).format(ms + shift)
}


const wokeOn = (night: Sleep) => memberDate(Date.parse(night.end), night.timezone_offset)
const asleepMs = (night: Sleep) => {
  const stages = night.score!.stage_summary
  return stages.total_light_sleep_time_milli + stages.total_slow_wave_sleep_time_milli + stages.total_rem_sleep_time_milli
}

/** The CSV export's sleeps, as a person's spreadsheet reads them. */
async function exportedSleeps(page: Page): Promise<Record<string, string>[]> {
  await page.getByTestId('data-link').click()
  const download = page.waitForEvent('download')
  await page.getByTestId('export-csv-button').click()
  const files = unzipSync(fs.readFileSync(await (await download).path()))
  return parse(strFromU8(files['sleeps.csv']), { columns: true, bom: true })
}

/** Each night as the day view, the dashboard's sleep tooltip and the export show it. */
async function expectNightsShownAsRecorded(page: Page, nights: Sleep[], screenshot: string): Promise<void> {
  for (const night of nights) {
    const [start, end] = [Date.parse(night.start), Date.parse(night.end)]
    const day = wokeOn(night)
    await page.evaluate((date) => (window.location.hash = `#/day/${date}`), day)
    await expect(page.getByTestId('day-view')).toHaveAttribute('data-day', day)
    await expect(page.getByTestId('day-sleep')).toContainText(
      `In bed${timeOfDay(start, night.timezone_offset)} – ${timeOfDay(end, night.timezone_offset)} (${asDuration(end - start)})`
    )
    await expect(page.getByTestId('day-sleep')).toContainText(`Asleep${asDuration(asleepMs(night))}`)
  }
  await saveScreenshot(page, `${screenshot}-day`)

  // The week up to the last night: a bar for each night, on its day.
  const last = wokeOn(nights.at(-1)!)
  await page.evaluate((date) => (window.location.hash = `#/dashboard/1w/${date}`), last)
  await expect(page.locator('[data-drawn-range="1w"]')).toHaveCount(1)
  const chart = page.getByTestId('sleep-chart').locator('.recharts-wrapper').first()
  // A bar for each night, its stages stacked in it.
  const bars = chart.locator('.recharts-bar').first().locator('.recharts-bar-rectangle')
  // Below the first screen, the chart draws the new week once scrolled to (the mark counts the charts in view).
  await chart.scrollIntoViewIfNeeded()
  await expect
    .poll(async () => {
      await bars.last().hover()
      return chart.getByTestId('chart-tooltip').getAttribute('data-date')
    })
    .toBe(last)
  // Each bar's tooltip, its day and its words read together; hovered afresh (from outside the chart)
  // until it shows, as a redraw under a still pointer can leave no tooltip.
  const shown = new Map<string, string>()
  const readTooltip = () =>
    chart.evaluate((element) => {
      const tooltip = element.querySelector<HTMLElement>('[data-testid="chart-tooltip"]')
      return tooltip ? ([tooltip.dataset.date!, tooltip.textContent!] as const) : null
    })
  for (const bar of await bars.all()) {
    let seen: readonly [string, string] | null = null
    await expect
      .poll(async () => {
        await page.mouse.move(0, 0)
        await bar.hover()
        seen = await readTooltip()
        return seen !== null
      })
      .toBe(true)
    shown.set(seen![0], seen![1])
  }
  for (const night of nights) expect(shown.get(wokeOn(night)), wokeOn(night)).toContain(`Asleep${asDuration(asleepMs(night))}`)
  await saveScreenshot(page, `${screenshot}-dashboard`)

  const rows = await exportedSleeps(page)
  for (const night of nights) {
    const row = rows.find((candidate) => candidate['Sleep id'] === night.id)!
    expect(row).toMatchObject({
      'Date woken (local)': wokeOn(night),
      'Start (UTC)': night.start,
      'End (UTC)': night.end,
      'Timezone offset': night.timezone_offset,
      'In bed (min)': String(Math.round(((Date.parse(night.end) - Date.parse(night.start)) / MINUTE) * 100) / 100)
    })
  }
}

test.describe('a member in New York, over the nights the clocks change', () => {
  // A year and more of nights, so that a spring and an autumn change are in it whatever the date.
  test.use({ whoopOptions: { days: 400, timeZone: 'America/New_York' } })

  test('each night on the day its member woke, with the times its offset gives and its length from WHOOP’s milliseconds', async ({ page, host, whoop }) => {
    test.setTimeout(120_000)
    const changes = (night: Sleep) => offsetAt('America/New_York', Date.parse(night.start)) !== offsetAt('America/New_York', Date.parse(night.end))
    // WHOOP scores every such night here (one it could not score has no stages to show).
    for (const night of whoop.history.sleeps.filter((sleep) => !sleep.nap && changes(sleep))) whoop.edit.score(night)
    const mainNights = whoop.history.sleeps.filter((sleep) => !sleep.nap && sleep.score).toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start))
    const changeNights = mainNights.filter(changes)
    // The newest spring night (an hour shorter than its clocks say) and autumn night (an hour longer).
    const shortened = (night: Sleep) => offsetAt('America/New_York', Date.parse(night.end)) === '-04:00'
    const spring = changeNights.filter(shortened).at(-1)!
    const autumn = changeNights.filter((night) => !shortened(night)).at(-1)!
    expect([spring, autumn], 'the history holds a spring and an autumn night').toEqual([expect.anything(), expect.anything()])
    // The nights before and after each, for the week around it.
    const around = (night: Sleep) => mainNights.slice(mainNights.indexOf(night) - 1, mainNights.indexOf(night) + 2)

    await page.goto(host.url)
    await connectThroughThePage(page, whoop)
    await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 60_000 })
    await expectNightsShownAsRecorded(page, around(spring), 'dst-spring')
    await expectNightsShownAsRecorded(page, around(autumn), 'dst-autumn')
  })
})

test.describe('a member on a trip from New York to Tokyo', () => {
  // Tokyo wakes while it is still the day before in UTC: a night's day is its own offset's.
  test.use({ whoopOptions: { days: 60, timeZone: 'America/New_York', trip: { endsDaysAgo: 20, days: 6, timeZone: 'Asia/Tokyo' } } })

  test('each night, in New York and in Tokyo, on the day its member woke there, in its own offset', async ({ page, host, whoop }) => {
    test.setTimeout(120_000)
    const mainNights = whoop.history.sleeps.filter((sleep) => !sleep.nap && sleep.score).toSorted((a, b) => Date.parse(a.start) - Date.parse(b.start))
    const inTokyo = (night: Sleep) => night.timezone_offset === '+09:00'
    const firstAbroad = mainNights.findIndex(inTokyo)
    const lastAbroad = mainNights.findLastIndex(inTokyo)
    expect(firstAbroad, 'the history holds the trip').toBeGreaterThan(0)
    // Flying out and flying home: the last night at home, the first two abroad; the last abroad, the first two home.
    const out = mainNights.slice(firstAbroad - 1, firstAbroad + 2)
    const home = mainNights.slice(lastAbroad, lastAbroad + 3)
    // No day holds two nights, though flying east a calendar day may hold none.
    const days = mainNights.slice(firstAbroad - 1, lastAbroad + 3).map(wokeOn)
    expect(new Set(days).size).toBe(days.length)

    await page.goto(host.url)
    await connectThroughThePage(page, whoop)
    await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 60_000 })
    await expectNightsShownAsRecorded(page, out, 'trip-out')
    await expectNightsShownAsRecorded(page, home, 'trip-home')
  })
})
