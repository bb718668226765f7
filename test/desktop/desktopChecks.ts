import fs from 'node:fs'
import path from 'node:path'
import { expect, type Page } from '@playwright/test'
import { latestSchemaVersion } from '../../src/main/database/migrations'
import type { Api } from '../../src/shared/api'

declare global {
  interface Window {
    /** Set by the preload (src/renderer/src/env.d.ts says the same for the renderer). */
    api?: Api
  }
}

/** The app's own page from app://, with the API the preload gives it. */
export async function expectTheAppPage(page: Page): Promise<void> {
  await page.waitForLoadState('domcontentloaded')
  expect(page.url()).toBe('app://whoop-desktop/index.html')
  expect(await page.evaluate(() => typeof window.api?.getAppInfo)).toBe('function')
}

/**
 * What a real launch must show, built or packaged: the app's own page from app://, the API answering
 * through the preload and IPC, and SQLite working in the main process (the schema version is read
 * from the database; demo data is written and read back by the dashboard query).
 */
export async function expectTheAppRunning(page: Page): Promise<void> {
  await expectTheAppPage(page)
  await expect(page.getByRole('heading', { name: 'Welcome to WHOOP Desktop' })).toBeVisible()
  const info = await page.evaluate(() => window.api!.getAppInfo())
  expect(info).toMatchObject({ ok: true, value: { name: 'WHOOP Desktop', schemaVersion: latestSchemaVersion } })
  const demo = await page.evaluate(() => window.api!.loadDemoData())
  expect(demo.ok).toBe(true)
  const dashboard = await page.evaluate(() => window.api!.getDashboard({ range: '1m' }))
  expect(dashboard.ok && dashboard.value?.summary.range.daysWithData).toBeGreaterThan(20)
}

/** The app made its tray icon on this system (it logs that it did, in the data folder's log). */
export async function expectTheTrayIcon(dataDir: string): Promise<void> {
  const log = path.join(dataDir, 'logs', 'whoop-desktop.log')
  await expect.poll(() => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8') : '')).toContain('Tray icon created')
}
