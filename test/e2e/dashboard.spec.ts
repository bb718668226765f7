import { dashboardRanges } from '../../src/shared/dashboard'
import { expect, saveScreenshot, test } from './fixtures'

const charts = ['recovery-chart', 'sleep-chart', 'strain-chart'] as const

test('first run: demo data draws real marks in every chart for every range, and goes in one click', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  for (const range of dashboardRanges) {
    await page.getByTestId(`range-${range}`).click()
    await expect(page.getByTestId(`range-${range}`)).toHaveAttribute('aria-checked', 'true')
    for (const chart of charts) {
      const marks = page.getByTestId(chart).locator('.recharts-bar-rectangle path, .recharts-line-curve')
      await expect(marks.first(), `${chart} on ${range}`).toBeVisible()
      expect(await marks.count(), `${chart} on ${range}`).toBeGreaterThan(3)
    }
  }
  await page.getByTestId('range-1m').click()
  await saveScreenshot(page, 'dashboard-demo-light')
  await page.getByTestId('remove-demo-button').click()
  await expect(page.getByTestId('demo-button')).toBeVisible()
  await expect(page.getByTestId('recovery-chart')).toHaveCount(0)
})
