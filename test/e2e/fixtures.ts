import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test as base, type Locator, type Page } from '@playwright/test'
import { clockFrom, systemClock, type Clock } from '../../src/main/clock'
import { startFakeWhoop, type FakeWhoop, type FakeWhoopOptions } from '../support/fakeWhoop/fakeWhoopServer'
import { startHostProcess, type RunningHost } from '../support/harness/browserHostProcess'
import { ownLoopbackPort } from '../support/fakeWhoop/loopbackPort'
import { pinnedNow } from '../support/harness/testClock'

export const screenshotDir = path.resolve(__dirname, '../../test-results/screenshots')

/**
 * Each test gets a fake WHOOP and its own browser host, pointed at it, with an empty data folder,
 * both on the test's clock: the wall clock, or, when the suite is pinned (`WHOOP_DESKTOP_NOW`), that
 * instant from the test's start, so every test of a pinned run meets the same date.
 * `whoopOptions` (with `test.use`) changes the fake, e.g. a history that ended days ago.
 */
export const test = base.extend<{ whoopOptions: FakeWhoopOptions; clock: Clock; whoop: FakeWhoop; host: RunningHost }>({
  whoopOptions: [{}, { option: true }],
  // eslint-disable-next-line no-empty-pattern -- Playwright learns a fixture's dependencies from this destructuring; the clock has none.
  clock: async ({}, use) => use(pinnedNow ? clockFrom(Date.parse(pinnedNow)) : systemClock),
  whoop: async ({ whoopOptions, clock }, use) => {
    const fake = await startFakeWhoop({ days: 120, rateLimit: false, clock, ...whoopOptions })
    await use(fake)
    await fake.close()
  },
  host: async ({ whoop, clock }, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-e2e-'))
    await ownLoopbackPort(dataDir, whoop)
    const host = await startTestHost(dataDir, whoop, clock)
    await use(host)
    await host.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

/** A browser host on `dataDir`, pointed at the fake WHOOP, on the test's clock (again, for a test that restarts the app). */
export function startTestHost(dataDir: string, whoop: FakeWhoop, clock: Clock): Promise<RunningHost> {
  const [since, instant] = [Date.now(), clock.now()]
  return startHostProcess(dataDir, {
    WHOOP_API_BASE_URL: whoop.endpoints.apiBaseUrl,
    WHOOP_OAUTH_BASE_URL: whoop.endpoints.oauthBaseUrl,
    // The host reads the test's clock: the same instant at the same moment.
    ...(pinnedNow && { WHOOP_DESKTOP_NOW: new Date(instant).toISOString(), WHOOP_DESKTOP_NOW_SINCE: String(since) })
  })
}

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

/** Signs in through the page as a person would: the wizard, WHOOP's consent page, the redirect. */
export async function connectThroughThePage(page: Page, whoop: FakeWhoop): Promise<void> {
  await page.getByTestId('client-id-input').first().fill(whoop.app.clientId)
  await page.getByTestId('client-secret-input').first().fill(whoop.app.clientSecret)
  const consent = page.waitForEvent('popup')
  await page.getByTestId('connect-button').first().click()
  const popup = await consent
  await popup.getByTestId('fake-whoop-approve').click()
  await popup.getByText('Signed in as Alex Morgan').waitFor()
  await popup.close()
}

/**
 * Picks a dashboard range and waits until the page shows it: the charts are drawn in the same
 * render as the range's mark, so what a test reads next is the new range's, not the old one's.
 */
export async function showRange(page: Page, range: string): Promise<void> {
  await page.getByTestId(`range-${range}`).click()
  await expect(page.locator(`[data-drawn-range="${range}"]`)).toHaveCount(1)
}

/**
 * Scrolls a dashboard chart (or a card of them) into view and waits until each of its charts shows
 * the data it was last given: below the first screen, charts draw when the page is idle or when
 * scrolled to, so the range's drawn mark does not wait for them.
 */
export async function shownInView(charts: Locator): Promise<void> {
  await charts.scrollIntoViewIfNeeded()
  await expect(charts.locator('.chart-box[aria-busy="true"]')).toHaveCount(0)
}

export { expect } from '@playwright/test'
