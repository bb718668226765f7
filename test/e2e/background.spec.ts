import { connectThroughThePage, expect, saveScreenshot, test } from './fixtures'

/*
 * What the app does on its own: the background sync's setting and when the next is due, and the
 * backups on the Data page (made now, restored with the data they replace kept, and undone).
 */

/** Minutes after midnight of a time the page wrote as "at 9:12 AM" (today) or "on Dec 8, 2026, 1:30 AM". */
function minutesOf(text: string): number {
  const [, hours, minutes, half] = /(?:at |, )(\d{1,2}):(\d{2})\s?(AM|PM)/.exec(text) ?? []
  if (!hours) throw new Error(`no time of day in "${text}"`)
  return ((Number(hours) % 12) + (half === 'PM' ? 12 : 0)) * 60 + Number(minutes)
}

test('the background sync: when the next is due follows the interval, and Never turns it off', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await page.getByTestId('settings-link').click()
  const next = page.getByTestId('next-sync')
  await expect(next).toContainText(/^The next sync is due (at|on) /)
  const hourly = minutesOf((await next.textContent())!)

  await page.getByTestId('background-sync-interval').selectOption({ label: 'Every 3 hours' })
  await expect.poll(async () => (minutesOf((await next.textContent())!) - hourly + 24 * 60) % (24 * 60)).toBe(120)
  await page.reload()
  await expect(page.getByTestId('background-sync-interval')).toHaveValue('180')

  await page.getByTestId('background-sync-interval').selectOption({ label: 'Never' })
  await expect(next).toHaveText('WHOOP Desktop syncs only when it opens and when you press Sync.')
  // The browser host has no tray, notifications or login items: said beside each, which are off.
  for (const option of ['keep-running', 'morning-notification', 'open-at-login']) await expect(page.getByTestId(option)).toBeDisabled()
  await expect(page.getByText('Only the desktop app can do this.')).toHaveCount(3)
  await page.getByRole('heading', { name: 'Background' }).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'settings-background')
})

test('a backup made now restores the data it held, keeping the data it replaced to undo the restore', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await expect(page.getByTestId('today-card')).toContainText(/\d+%Recovery/)
  await page.getByTestId('data-link').click()
  await page.getByTestId('back-up-now').click()
  await expect(page.getByTestId('backup-message')).toHaveText(/^Backup made \(\d+(\.\d)? (KB|MB)\)\.$/)
  await expect(page.getByTestId('backup-list').locator('tbody tr')).toHaveCount(1)
  await expect(page.getByTestId('backup-list').locator('tbody tr').first()).toContainText('Backup')

  // The data goes; the backup brings it back.
  await page.getByTestId('dashboard-link').click()
  await page.getByTestId('remove-demo-button').click()
  await expect(page.getByTestId('demo-button')).toBeVisible()
  await page.getByTestId('data-link').click()
  await page.getByTestId('restore-backup').first().click()
  await expect(page.getByRole('alertdialog')).toContainText('The data here now is kept as a backup first, so you can undo this.')
  await page.getByTestId('confirm-restore').click()
  await expect(page.getByTestId('backup-message')).toContainText('Restored the backup of')
  const rows = page.getByTestId('backup-list').locator('tbody tr')
  await expect(rows).toHaveCount(2)
  await expect(rows.first()).toContainText('Kept before a restore')
  await saveScreenshot(page, 'data-backups')
  await page.getByTestId('dashboard-link').click()
  await expect(page.getByTestId('demo-banner')).toBeVisible()
  await expect(page.getByTestId('today-card')).toContainText(/\d+%Recovery/)

  // Undone: the copy kept before the restore brings back the state before it (no data).
  await page.getByTestId('data-link').click()
  await page.getByTestId('restore-backup').first().click()
  await page.getByTestId('confirm-restore').click()
  await expect(page.getByTestId('backup-message')).toContainText('Restored the backup of')
  await page.getByTestId('dashboard-link').click()
  await expect(page.getByTestId('demo-button')).toBeVisible()
})
