import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { test as base, type Page } from '@playwright/test'
import { startHostProcess, type RunningHost } from '../support/browserHostProcess'

export const screenshotDir = path.resolve(__dirname, '../../test-results/screenshots')

/** Each test gets its own browser host with an empty data folder. */
export const test = base.extend<{ host: RunningHost }>({
  host: async ({}, use) => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-e2e-'))
    const host = await startHostProcess(dataDir)
    await use(host)
    await host.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

export async function saveScreenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: path.join(screenshotDir, `${name}.png`), fullPage: true })
}

export { expect } from '@playwright/test'
