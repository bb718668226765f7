import { latestSchemaVersion } from '../../src/main/database/migrations'
import { expect, saveScreenshot, test } from './fixtures'

test('opens the app in Chromium through the browser host and moves between its pages', async ({ page, host, whoop }) => {
  const problems: string[] = []
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()))
  page.on('pageerror', (error) => problems.push(error.message))

  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to WHOOP Desktop' })).toBeVisible()
  await expect(page.getByTestId('app-version')).toContainText('WHOOP Desktop 0.1.0')
  await saveScreenshot(page, 'shell-dashboard')

  await page.getByTestId('data-link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Data' })).toBeVisible()
  await expect(page.getByTestId('data-dir')).toHaveText(host.dataDir)
  await expect(page.getByTestId('schema-version')).toHaveText(`version ${latestSchemaVersion}`)
  await expect(page.getByTestId('whoop-server')).toHaveText(whoop.endpoints.apiBaseUrl)
  await saveScreenshot(page, 'shell-data')

  await page.getByTestId('settings-link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Settings' })).toBeVisible()
  await expect(page.getByTestId('settings-link')).toHaveAttribute('aria-current', 'page')
  await page.getByTestId('dashboard-link').click()
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to WHOOP Desktop' })).toBeVisible()
  expect(problems).toEqual([])
})

test('keeps a chosen theme across a reload and follows the system otherwise', async ({ page, host }) => {
  await page.emulateMedia({ colorScheme: 'dark' })
  await page.goto(`${host.url}#/settings`)
  await expect(page.getByTestId('theme-system')).toBeChecked()
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor)
  expect(await background()).toBe('rgb(15, 17, 21)')
  await saveScreenshot(page, 'shell-settings-dark')

  await page.getByTestId('theme-light').check()
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light')
  expect(await background()).toBe('rgb(246, 247, 249)')
  await page.getByTestId('energyUnit-kcal').check()
  await page.getByTestId('sync-on-launch').uncheck()

  await page.reload()
  await expect(page.getByTestId('theme-light')).toBeChecked()
  await expect(page.getByTestId('energyUnit-kcal')).toBeChecked()
  await expect(page.getByTestId('sync-on-launch')).not.toBeChecked()
  await saveScreenshot(page, 'shell-settings-light')
})

test('runs no inline script, even one injected into the page', async ({ page, host }) => {
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to WHOOP Desktop' })).toBeVisible()
  const executed = await page.evaluate(async () => {
    // The policy's refusal is an event: once it fired, the script has had its one chance to run.
    const refused = new Promise((resolve) => document.addEventListener('securitypolicyviolation', resolve, { once: true }))
    const script = document.createElement('script')
    script.textContent = 'window.__injected = true'
    document.body.append(script)
    await refused
    return (window as { __injected?: boolean }).__injected === true
  })
  expect(executed).toBe(false)
})

test('loads nothing from a remote origin: scripts, images, styles and requests are blocked', async ({ page, host }) => {
  // Blocked requests are announced, then fail; only what got an answer went out.
  const answered: string[] = []
  page.on('response', (response) => answered.push(response.url()))
  await page.goto(host.url)
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome to WHOOP Desktop' })).toBeVisible()
  const outcome = await page.evaluate(async () => {
    const violations: string[] = []
    // Resolves once the four kinds of load below have each been refused.
    const allRefused = new Promise<void>((resolve) =>
      document.addEventListener('securitypolicyviolation', (event) => {
        violations.push(event.effectiveDirective)
        if (new Set(violations).size === 4) resolve()
      })
    )
    const add = (html: string) => document.body.insertAdjacentHTML('beforeend', html)
    add('<img src="https://example.com/pixel.png">')
    add('<link rel="stylesheet" href="https://example.com/style.css">')
    const script = document.createElement('script')
    script.src = 'https://example.com/script.js'
    document.body.append(script)
    let fetched = true
    await fetch('https://example.com/data.json').catch(() => (fetched = false))
    await allRefused
    return { violations: [...new Set(violations)].sort(), fetched }
  })
  expect(outcome.fetched).toBe(false)
  expect(outcome.violations).toEqual(['connect-src', 'img-src', 'script-src-elem', 'style-src-elem'])
  expect(answered.filter((url) => !url.startsWith(host.origin))).toEqual([])
})

test('shows nothing to a page opened without this launch’s key', async ({ page, host }) => {
  const response = await page.goto(host.origin)
  expect(response?.status()).toBe(403)
  await expect(page.locator('body')).toContainText('npm run dev:browser')
})
