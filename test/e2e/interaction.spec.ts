import type { Page } from '@playwright/test'
import { connectThroughThePage, expect, saveScreenshot, test } from './fixtures'
import { DASHBOARD_CHARTS } from '../support/dashboardCharts'

test('the welcome page says what the app does and offers its three ways in, Connect in sight at 1280×800', async ({ page, host }) => {
  await page.setViewportSize({ width: 1280, height: 800 })
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to WHOOP Desktop')
  await expect(page.getByTestId('welcome-connect-button')).toBeInViewport()
  await expect(page.getByTestId('onboarding-import-link')).toBeInViewport()
  await expect(page.getByTestId('demo-button')).toBeInViewport()
  await page.getByTestId('welcome-connect-button').click()
  await expect(page.getByRole('heading', { name: 'Connect your WHOOP account', level: 2 }).last()).toBeFocused()
  await expect(page.getByTestId('client-id-input')).toBeInViewport()
  await saveScreenshot(page, 'welcome-1280x800')

  // From demo data there is a way back to connecting.
  await page.getByTestId('demo-button').click()
  await page.getByTestId('demo-connect-link').click()
  await expect(page.getByTestId('client-id-input')).toBeVisible()
})

test('keyboard: one tab stop for the range, arrows move it; shortcuts listed under ?, ranges only on the dashboard', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('range-1m')).toHaveAttribute('aria-checked', 'true')

  // Only the chosen range is in the tab order; arrow keys choose the next one.
  const tabbable = page.locator('.range-picker [role="radio"]:not([tabindex="-1"])')
  await expect(tabbable).toHaveCount(1)
  await page.getByTestId('range-1m').focus()
  await page.keyboard.press('ArrowRight')
  await expect(page.getByTestId('range-3m')).toHaveAttribute('aria-checked', 'true')
  await expect(page.getByTestId('range-3m')).toBeFocused()
  await page.keyboard.press('ArrowLeft')
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByTestId('range-1w')).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('End')
  await expect(page.getByTestId('range-all')).toHaveAttribute('aria-checked', 'true')

  // Shortcuts help: focus moves into it, every shortcut is listed, Escape closes it.
  await page.getByTestId('shortcuts-button').focus()
  await page.keyboard.press('?')
  const help = page.getByTestId('shortcuts-help')
  await expect(help).toBeVisible()
  await expect(help.getByRole('button', { name: 'Close' })).toBeFocused()
  for (const keys of ['1 – 6', '← → ↑ ↓', 'S', '?', 'Esc']) await expect(help.getByRole('rowheader', { name: keys, exact: true })).toBeVisible()
  await page.keyboard.press('Escape')
  await expect(help).toBeHidden()
  await expect(page.getByTestId('shortcuts-button')).toBeFocused()

  // On another page, a digit is not a range.
  await page.getByTestId('settings-link').click()
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Settings')
  await page.keyboard.press('2')
  await page.getByTestId('dashboard-link').click()
  await expect(page.getByTestId('range-all')).toHaveAttribute('aria-checked', 'true')
  await page.keyboard.press('2')
  await expect(page.getByTestId('range-1m')).toHaveAttribute('aria-checked', 'true')
})

/** Presses Tab until the element with `testId` has the focus, as a person without a mouse would. */
async function tabTo(page: Page, testId: string) {
  for (let presses = 0; presses < 80; presses++) {
    if (await page.evaluate((id) => document.activeElement?.getAttribute('data-testid') === id, testId)) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`${testId} is not reached with Tab`)
}

test('trends, insights and the report are reached and used from the keyboard alone', async ({ page, host }) => {
  await page.goto(host.url)
  await tabTo(page, 'demo-button')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('range-1m')).toHaveAttribute('aria-checked', 'true')

  // Trends: the measure from its list, the range with the arrow keys.
  await tabTo(page, 'trends-link')
  await page.keyboard.press('Enter')
  const trends = page.getByTestId('trends-view')
  await expect(trends).toHaveAttribute('data-drawn-trend', 'recovery/3m')
  await tabTo(page, 'trend-metric-select')
  await page.keyboard.press('ArrowDown')
  await expect(trends).toHaveAttribute('data-drawn-trend', 'hrv/3m')
  // Past Earlier and Later, the range: one tab stop, its chosen button.
  await tabTo(page, 'range-3m')
  await expect(trends.getByRole('radio', { checked: true })).toBeFocused()
  await page.keyboard.press('ArrowRight')
  await expect(trends).toHaveAttribute('data-drawn-trend', 'hrv/6m')
  await expect(trends.getByTestId('trend-comparison')).toContainText('The 182 days before')

  // Insights: every question's row, read in the tab order's page.
  await tabTo(page, 'insights-link')
  await page.keyboard.press('Enter')
  await expect(page.getByTestId('insights-view').getByTestId('insight-row').first()).toBeVisible()

  // The report: the month picked with the arrow keys, and Save as PDF pressed with Enter.
  await tabTo(page, 'report-link')
  await page.keyboard.press('Enter')
  const report = page.getByTestId('report-view')
  // The month is set once the report has arrived.
  await expect(report).toHaveAttribute('data-month', /^\d{4}-\d{2}$/)
  const shown = (await report.getAttribute('data-month'))!
  await tabTo(page, 'report-month')
  await page.keyboard.press('ArrowDown')
  const [year, month] = shown.split('-').map(Number)
  const before = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
  await expect(report).toHaveAttribute('data-month', before)
  await page.evaluate(() => {
    window.print = () => document.body.setAttribute('data-printed', 'yes')
  })
  await tabTo(page, 'report-save-pdf')
  await page.keyboard.press('Enter')
  await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes')
})

test('a confirmation takes the focus, and gives it back on cancel', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await page.getByTestId('data-link').click()
  await page.getByTestId('delete-all-data-button').click()
  await expect(page.getByTestId('confirm-cancel')).toBeFocused()
  await page.keyboard.press('Escape')
  await expect(page.getByTestId('delete-all-data-button')).toBeFocused()
  await page.getByTestId('delete-all-data-button').click()
  await page.getByTestId('confirm-cancel').click()
  await expect(page.getByTestId('delete-all-data-button')).toBeFocused()
})

test.describe('a history that ended two months ago', () => {
  test.use({ whoopOptions: { endedDaysAgo: 61 } })

  test('a range without data says so and offers the whole history, instead of empty axes', async ({ page, host, whoop }) => {
    await page.goto(host.url)
    await connectThroughThePage(page, whoop)
    await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
    await page.getByTestId('range-1m').click()
    await expect(page.getByTestId('empty-range')).toContainText('No data from')
    await expect(page.locator('.chart-card')).toHaveCount(0)
    await saveScreenshot(page, 'dashboard-empty-range')
    await page.getByTestId('show-all-button').click()
    await expect(page.getByTestId('range-all')).toHaveAttribute('aria-checked', 'true')
    await expect(page.locator('.chart-card svg.recharts-surface')).toHaveCount(DASHBOARD_CHARTS)
  })
})
