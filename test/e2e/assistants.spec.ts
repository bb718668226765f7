import AxeBuilder from '@axe-core/playwright'
import { connectAssistant } from '../support/harness/mcpClient'
import { expect, saveScreenshot, test } from './fixtures'

/*
 * Settings → AI assistants: off until the person turns it on; then the configuration to paste, which
 * starts the read-only MCP server on this data folder; and the last read, told by that server.
 */

test('an assistant configured from Settings reads the data once allowed, and Settings says when', async ({ page, host }) => {
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  await page.getByTestId('settings-link').click()
  const toggle = page.getByTestId('mcp-enable-toggle')
  await expect(toggle).not.toBeChecked()
  await expect(page.getByTestId('mcp-config')).toHaveCount(0)

  await toggle.check()
  await expect(page.getByTestId('mcp-config')).toHaveCount(3)
  // One configuration at a time, behind a tab per assistant; the arrow keys move between them.
  await expect(page.getByTestId('mcp-config').filter({ visible: true })).toHaveCount(1)
  await expect(page.getByRole('tab', { name: 'Claude Desktop' })).toHaveAttribute('aria-selected', 'true')
  await page.getByRole('tab', { name: 'VS Code' }).click()
  await expect(page.locator('[data-testid="mcp-config"][data-client="VS Code"]')).toBeVisible()
  await expect(page.locator('[data-testid="mcp-config"][data-client="Claude Desktop"]')).toBeHidden()
  await page.keyboard.press('ArrowLeft')
  await expect(page.getByRole('tab', { name: 'Cursor' })).toBeFocused()
  await expect(page.locator('[data-testid="mcp-config"][data-client="Cursor"]')).toBeVisible()
  await expect(page.getByTestId('mcp-last-read')).toHaveText('No assistant has read your data yet. Reads are noted while WHOOP Desktop is open.')
  const claude = JSON.parse((await page.locator('[data-testid="mcp-config"][data-client="Claude Desktop"]').textContent())!)
  const server = claude.mcpServers['whoop-desktop']
  expect(server).toEqual({ command: process.execPath, args: [expect.stringMatching(/out\/main\/mcp\.js$/)], env: { WHOOP_DESKTOP_DATA_DIR: host.dataDir } })
  const vscode = JSON.parse((await page.locator('[data-testid="mcp-config"][data-client="VS Code"]').textContent())!)
  expect(vscode).toEqual({ servers: { 'whoop-desktop': { type: 'stdio', ...server } } })

  // The assistant starts exactly what the page says.
  const assistant = await connectAssistant(server.env.WHOOP_DESKTOP_DATA_DIR, { command: server.command, args: server.args })
  const { json } = await assistant.call('get_day')
  await expect(page.getByTestId('mcp-last-read')).toContainText('(get_day).')
  await expect(page.getByTestId('mcp-last-read')).toContainText('Last read by an assistant:')

  // The assistant's day is the day view's.
  await page.evaluate((date) => (window.location.hash = `#/day/${date}`), json.date)
  await expect(page.getByTestId('day-recovery-dial')).toHaveAttribute('aria-label', `Recovery: ${json.recovery.recovery_percent}%`)

  await page.getByTestId('settings-link').click()
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme })
    const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(result.violations.map((violation) => violation.id), `settings with assistants on, ${theme}`).toEqual([])
  }
  await page.emulateMedia({ colorScheme: 'light' })
  await page.getByRole('heading', { name: 'AI assistants' }).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'settings-assistants')

  // Turned off again: the running assistant is told how to turn it on.
  await page.getByTestId('mcp-enable-toggle').uncheck()
  await expect(page.getByTestId('mcp-config')).toHaveCount(0)
  const refused = await assistant.call('get_day')
  expect(refused.isError).toBe(true)
  expect(refused.text).toContain('Settings → AI assistants')
  await assistant.close()
})
