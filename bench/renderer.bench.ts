import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium } from '@playwright/test'
import { openDatabase } from '../src/main/database/openDatabase'
import { generateMemberHistory } from '../src/main/demo/memberHistory'
import { createRecordStore } from '../src/main/store/recordStore'
import { startHostProcess } from '../test/support/browserHostProcess'
import { report } from './report'

type PageGlobals = { document: { querySelector(selector: string): unknown }; performance: { now(): number } }

/** `npm run bench` runs from the repository root. */
const root = process.cwd()

/** The built renderer's size, as it would travel compressed. */
export function benchBundleSize(): void {
  const assets = path.join(root, 'out/renderer/assets')
  for (const file of fs.readdirSync(assets)) {
    const bytes = fs.readFileSync(path.join(assets, file))
    report('renderer-bundle-bytes', zlib.gzipSync(bytes, { level: 9 }).length, 'bytes gzip', { file: path.extname(file), raw: bytes.length })
  }
}

/** From navigation to all three charts drawn, with five years of data on the All range, in Chromium. */
export async function benchDashboardFirstPaint(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-bench-ui-'))
  const db = openDatabase(path.join(dataDir, 'whoop-desktop.sqlite'))
  const history = generateMemberHistory({ days: 5 * 365 + 1, now: Date.now() })
  const store = createRecordStore(db)
  store.saveProfile(history.profile, new Date().toISOString())
  db.transaction(() => {
    for (const name of ['cycle', 'sleep', 'recovery', 'workout'] as const) {
      const records = { cycle: history.cycles, sleep: history.sleeps, recovery: history.recoveries, workout: history.workouts }[name]
      store.upsert(name, history.profile.user_id, records as never[], { source: 'api', walk: null })
    }
  })()
  db.close()

  const host = await startHostProcess(dataDir)
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']
  })
  try {
    const samples: number[] = []
    for (let run = 0; run < 5; run++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } })
      await page.goto(`${host.url}#/dashboard/all`, { waitUntil: 'commit' })
      // These functions run in the page; this file is compiled without the DOM's types.
      await page.waitForFunction(
        () =>
          ['recovery-chart', 'sleep-chart', 'strain-chart'].every(
            (id) => (globalThis as unknown as PageGlobals).document.querySelector(`[data-testid="${id}"] .recharts-bar-rectangle path`) !== null
          ),
        undefined,
        { polling: 'raf', timeout: 30_000 }
      )
      samples.push(await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now()))
      await page.close()
    }
    samples.sort((a, b) => a - b)
    report('dashboard-all-range-drawn-ms', samples[2], 'ms', {
      statistic: 'median of 5, navigation start to three charts drawn',
      samples: samples.map(Math.round),
      history: '5 years'
    })
  } finally {
    await browser.close()
    await host.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
