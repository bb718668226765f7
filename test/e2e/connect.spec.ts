import { connectThroughThePage, expect, saveScreenshot, showRange, startTestHost, test } from './fixtures'

test('connects a WHOOP account through the browser host with a loopback redirect', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { name: 'Welcome to WHOOP Desktop' })).toBeVisible()
  // The browser host cannot receive whoop-desktop:// links: the loopback redirect is the only way
  // back, said in a sentence rather than offered as a choice of one.
  await expect(page.getByTestId('redirect-loopback')).toHaveCount(0)
  await expect(page.getByRole('radio')).toHaveCount(0)
  // The exact URI registered in the member's WHOOP app, port included (the fixture set the port).
  const registered = whoop.app.redirectUris.find((uri) => uri.startsWith('http://127.0.0.1:'))!
  await expect(page.getByTestId('redirect-uri')).toHaveText(registered)
  await expect(page.getByTestId('deep-link-note')).toContainText('links to whoop-desktop://oauth/callback do not reach WHOOP Desktop here (the app is running in your browser')
  await saveScreenshot(page, 'connect-wizard')

  // Each request takes a moment, so the first sync is seen running.
  whoop.startStorm([{ kind: 'slow', delayMs: 150 }], 1)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sign-in-success')).toContainText('Connected as Alex Morgan. Your WHOOP history is being downloaded.')
  expect(whoop.tokenRequests).toBe(1)
  // Once the history is downloaded, the page no longer says it is being downloaded.
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await expect(page.getByTestId('sign-in-success')).toHaveCount(0)
  whoop.clearFaults()

  await page.getByTestId('settings-link').click()
  await expect(page.getByTestId('connection-status')).toHaveText('Connected as Alex Morgan (alex.morgan@example.com).')
  await expect(page.getByTestId('loopback-uri')).toHaveText(registered)
  // No keyring in the browser host: the sign-in is kept in memory, and the page says so.
  await expect(page.getByTestId('storage-warning')).toContainText('kept in memory only')
  await saveScreenshot(page, 'connect-settings-connected')
})

test('explains a denied sign-in and stores nothing', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await page.getByTestId('client-id-input').fill(whoop.app.clientId)
  await page.getByTestId('client-secret-input').fill(whoop.app.clientSecret)
  const consent = page.waitForEvent('popup')
  await page.getByTestId('connect-button').click()
  const popup = await consent
  await popup.getByTestId('fake-whoop-deny').click()
  await expect(popup.getByText('You declined access')).toBeVisible()
  await expect(page.getByTestId('sign-in-error')).toContainText('You declined access')
  expect(whoop.tokenRequests).toBe(0)
})

test('disconnects, revoking access at WHOOP', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await page.getByTestId('settings-link').click()
  await page.getByTestId('disconnect-button').click()
  await page.getByTestId('disconnect-keep-data').click()
  await expect(page.getByTestId('disconnect-message')).toContainText('no longer has access')
  await expect(page.getByTestId('connection-status')).toHaveText('No WHOOP account is connected.')
  expect(whoop.apiRequests('/v2/user/access')).toMatchObject([{ method: 'DELETE', status: 204 }])
})

test('shows the activity log and the diagnostics in Settings', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await page.getByTestId('settings-link').click()
  await expect(page.getByTestId('activity-log')).toContainText('Connected to WHOOP.')
  await expect(page.getByTestId('activity-log')).toContainText('First sync after connecting succeeded')
  const requestsBefore = whoop.requests.length
  await page.getByTestId('diagnostics-button').click()
  await expect(page.getByTestId('diagnostics-report')).toContainText('integrity ok')
  await expect(page.getByTestId('diagnostics-report')).toContainText('not contacted')
  // In words, not the app's own names for states and stores.
  await expect(page.getByTestId('diagnostics-report')).toContainText('WHOOP sign-inConnected')
  await expect(page.getByTestId('diagnostics-report')).toContainText('no system keyring: kept in memory only')
  await expect(page.getByTestId('diagnostics-report')).not.toContainText(/basic_text|not-connected|reconnect-needed/)
  await expect(page.getByTestId('diagnostics-requests')).toHaveText(/^\d+ of WHOOP’s 10,000 a day in the last 24 hours/)
  expect(whoop.requests.length).toBe(requestsBefore)
  await page.getByTestId('check-connection-button').click()
  await expect(page.getByTestId('diagnostics-report')).toContainText('answered (HTTP 401)')
  await page.getByTestId('open-logs-button').click()
  await expect(page.getByText(/The logs are in .*logs/)).toBeVisible()
})

test('access revoked at WHOOP while the app is open: the next sync says so everywhere at once, and Connect again keeps the data', async ({ page, host, whoop }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await showRange(page, '1w')
  const strainBefore = await page.getByTestId('range-card').textContent()

  // The member removes the app's access in their WHOOP account; the page is not reloaded.
  whoop.revokeAllTokens()
  await page.getByTestId('sync-button').click()
  await expect(page.getByTestId('sync-status')).toHaveText('Sync failed')
  // One cause, said once: not once per resource.
  await expect(page.getByTestId('sync-errors').locator('li')).toHaveText(['WHOOP needs you to connect your account again (WHOOP no longer accepts the saved sign-in).'])
  await expect(page.getByTestId('reconnect-button')).toHaveText('Connect again')
  await expect(page.getByTestId('sync-button')).toHaveCount(0)
  await expect(page.getByTestId('reconnect-notice')).toContainText('Everything stored stays here.')
  await expect(page.getByTestId('range-card')).toHaveText(strainBefore!)
  await saveScreenshot(page, 'connect-revoked-dashboard')
  await page.getByTestId('sync-errors-dismiss').click()
  await expect(page.getByTestId('sync-errors')).toHaveCount(0)

  await page.getByTestId('reconnect-button').click()
  await expect(page.getByTestId('connection-status')).toContainText('Connect again')
  await expect(page.getByTestId('connect-button')).toHaveText('Connect again')
  await saveScreenshot(page, 'connect-revoked-settings')

  // Connecting again with the saved Client ID and Secret: the same account, its data kept.
  const consent = page.waitForEvent('popup')
  await page.getByTestId('connect-button').click()
  const popup = await consent
  await popup.getByTestId('fake-whoop-approve').click()
  await popup.getByText('Signed in as Alex Morgan').waitFor()
  await popup.close()
  await expect(page.getByTestId('connection-status')).toHaveText('Connected as Alex Morgan (alex.morgan@example.com).')
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  await expect(page.getByTestId('reconnect-button')).toHaveCount(0)
  await page.getByTestId('dashboard-link').click()
  await expect(page.getByTestId('reconnect-notice')).toHaveCount(0)
  await expect(page.getByTestId('range-card')).toHaveText(strainBefore!)
})

test('Check the whole history again finds an edit and a deletion made at WHOOP months back', async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  // Three months back, far outside what a sync re-reads of recent days.
  const old = (days: number) => clock.now() - days * 86_400_000
  const workout = whoop.history.workouts.find((w) => Date.parse(w.start) < old(90))!
  whoop.edit.editWorkout(workout.id, (w) => (w.score!.strain = 19.75))
  whoop.edit.deleteWorkout(whoop.history.workouts.find((w) => Date.parse(w.start) < old(95))!.id)

  await page.getByTestId('settings-link').click()
  // Each request takes a moment, so the re-read is seen running.
  whoop.startStorm([{ kind: 'slow', delayMs: 100 }], 1)
  await page.getByTestId('recheck-history-button').click()
  await expect(page.getByTestId('sync-status')).toContainText('Syncing')
  await expect(page.getByTestId('recheck-history-button')).toBeDisabled()
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  whoop.clearFaults()
  await expect(page.getByTestId('activity-log').locator('li').first()).toContainText('1 updated, 1 removed')
})

test('the loopback port is set in Settings, and the wizard shows the exact URI to register', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('settings-link').click()
  const input = page.getByTestId('loopback-port-input')
  await input.fill('80')
  await input.blur()
  await expect(page.locator('#loopback-port-help')).toHaveText('A port is a whole number from 1024 to 65535.')
  await input.fill('51234')
  await input.press('Enter')
  await expect(page.getByTestId('loopback-uri')).toHaveText('http://127.0.0.1:51234/oauth/callback')
  // The wizard says the same, from the main process, without a reload.
  await expect(page.getByTestId('redirect-uri')).toHaveText('http://127.0.0.1:51234/oauth/callback')
  await page.reload()
  await expect(page.getByTestId('loopback-uri')).toHaveText('http://127.0.0.1:51234/oauth/callback')
})

test('after approval, a wait for WHOOP’s rate limit is said on the page instead of "Approve…"', async ({ page, host, whoop }) => {
  whoop.addFault({ kind: 'status', status: 429, resetSeconds: 4, times: 1, path: '/v2/user/profile/basic' })
  await page.goto(host.url)
  await page.getByTestId('client-id-input').first().fill(whoop.app.clientId)
  await page.getByTestId('client-secret-input').first().fill(whoop.app.clientSecret)
  const consent = page.waitForEvent('popup')
  await page.getByTestId('connect-button').first().click()
  const popup = await consent
  // The click lasts until the browser tab is answered, after the wait: the page is read meanwhile.
  const approved = popup.getByTestId('fake-whoop-approve').click()
  await expect(page.getByTestId('first-sync-note')).toContainText('Approved. Waiting for WHOOP’s rate limit until')
  await expect(page.getByTestId('sign-in-waiting')).toHaveCount(0)
  await approved
  await popup.getByText('Signed in as Alex Morgan').waitFor()
  await popup.close()
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
})

test("a page opened while the launch sync waits for WHOOP's rate limit shows the wait, then the sync's end", async ({ page, host, whoop, clock }) => {
  await page.goto(host.url)
  await connectThroughThePage(page, whoop)
  await expect(page.getByTestId('sync-status')).toHaveText('Synced', { timeout: 30_000 })
  // The browser host keeps the sign-in across a restart only when asked (it has no keyring).
  await page.getByTestId('settings-link').click()
  await page.getByTestId('allow-weak-storage').check()
  await expect(page.getByTestId('allow-weak-storage')).toBeChecked()
  await host.stop()

  // The app starts again and syncs at launch; WHOOP answers its first request with a 429 before any page is open.
  whoop.addFault({ kind: 'status', status: 429, resetSeconds: 5, times: 1 })
  const seen = whoop.apiRequests().length
  const restarted = await startTestHost(host.dataDir, whoop, clock)
  try {
    await expect.poll(() => whoop.apiRequests().slice(seen).some((request) => request.status === 429), { timeout: 15_000 }).toBe(true)
    await page.goto(restarted.url)
    const status = page.getByTestId('sync-status')
    await expect(status).toHaveText('Waiting for WHOOP’s rate limit')
    await expect(status).toHaveAttribute('title', /^Waiting for WHOOP’s rate limit until .+, then syncing on\.$/)
    await expect(status).toHaveText('Synced', { timeout: 30_000 })
  } finally {
    await restarted.stop()
  }
})
