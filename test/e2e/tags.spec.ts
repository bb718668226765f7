import type { Locator, Page } from '@playwright/test'
import { cycleDay } from '../support/fixtures/memberDays'
import { dayMeans, memberFigures } from '../support/fixtures/memberFigures'
import { connectThroughThePage, expect, saveScreenshot, test } from './fixtures'

/*
 * Tags as a person uses them: put on a day from the day view and from Today, kept across a reload,
 * marked over that day's bar on the dashboard and its point on Trends, and named in the tooltip.
 */

test.use({ whoopOptions: { days: 60 } })

async function connectAndSync(page: Page, whoop: Parameters<typeof connectThroughThePage>[1]) {
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
}

/** The horizontal middle of an element on the page. */
const middle = async (element: Locator) => {
  const box = (await element.boundingBox())!
  return box.x + box.width / 2
}

test('a day tagged in the day view and on Today: marked over its bar and its trend point, named in their tooltips', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectAndSync(page, whoop)
  const history = whoop.history
  // A day with a recovery from the history, a few days back: the 1W chart shows it.
  const recovery = dayMeans(memberFigures(history).recovery)
  const day = history.cycles
    .slice(2, 6)
    .map((cycle) => cycleDay(history, cycle.id))
    .find((date) => recovery.has(date))!

  await page.evaluate((date) => (window.location.hash = `#/day/${date}`), day)
  const tags = page.getByTestId('day-tags')
  await expect(tags).toHaveAttribute('data-date', day)
  await tags.locator('[data-testid="tag-suggestion"][data-tag="travel"]').click()
  await tags.getByTestId('tag-input').fill('  late   meal ')
  await tags.getByTestId('tag-add').click()
  await expect(tags.getByTestId('day-tag')).toHaveText(['late meal×', 'travel×'])
  // Offered no more once on the day.
  await expect(tags.locator('[data-testid="tag-suggestion"][data-tag="travel"]')).toHaveCount(0)
  await page.reload()
  await expect(page.getByTestId('day-tags').getByTestId('day-tag')).toHaveText(['late meal×', 'travel×'])
  await saveScreenshot(page, 'tags-day-view')

  await page.getByTestId('dashboard-link').click()
  await page.getByTestId('range-1w').click()
  await expect(page.locator('[data-drawn-range="1w"]')).toHaveCount(1)
  const chart = page.getByTestId('recovery-chart')
  await expect(chart.locator('.tag-mark')).toHaveCount(1)
  // The bar under the mark is the tagged day's.
  const bars = chart.locator('.recharts-bar-rectangle')
  const marked = await middle(chart.locator('.tag-mark'))
  const barMiddles = await Promise.all((await bars.all()).map(middle))
  const under = barMiddles.findIndex((x) => Math.abs(x - marked) < 2)
  expect(under).toBeGreaterThanOrEqual(0)
  await bars.nth(under).hover()
  await expect(chart.getByTestId('chart-tooltip')).toHaveAttribute('data-date', day)
  await expect(chart.getByTestId('tooltip-tags')).toHaveText('Tagged: late meal, travel')
  await saveScreenshot(page, 'tags-recovery-chart')

  // On Today: tag the newest day, take a tag off, and the chart follows.
  const today = page.getByTestId('today-card').getByTestId('day-tags')
  await today.locator('[data-testid="tag-suggestion"][data-tag="sick"]').click()
  await expect(today.getByTestId('day-tag')).toHaveText(['sick×'])
  await expect(chart.locator('.tag-mark')).toHaveCount(2)
  await today.getByRole('button', { name: 'Remove the tag “sick”' }).click()
  await expect(today.getByTestId('day-tag')).toHaveCount(0)
  await expect(chart.locator('.tag-mark')).toHaveCount(1)

  await page.evaluate(() => (window.location.hash = '#/trends/recovery/1m'))
  await expect(page.locator('[data-drawn-trend="recovery/1m"]')).toHaveCount(1)
  const trend = page.getByTestId('trend-chart')
  await expect(trend.locator('.tag-mark')).toHaveCount(1)
  const point = await trend.locator('.tag-mark').boundingBox()
  await page.mouse.move(point!.x + point!.width / 2, point!.y + 60)
  await expect(trend.getByTestId('chart-tooltip')).toHaveAttribute('data-date', day)
  await expect(trend.getByTestId('tooltip-tags')).toHaveText('Tagged: late meal, travel')
})
