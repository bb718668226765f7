import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { chromium, type BrowserContext } from '@playwright/test'
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
  // A profile on disk, kept for every load, as the app keeps its own between launches: the first
  // load starts with nothing cached (a first launch), the later ones find the compiled code cached.
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-bench-profile-'))
  const browserProfile = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 900 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']
  })
  try {
    const samples: number[] = []
    for (let load = 0; load < 6; load++) samples.push(await timeDashboardDrawn(browserProfile, host.url))
    const [cold, ...warm] = samples
    warm.sort((a, b) => a - b)
    report('dashboard-all-range-drawn-ms', warm[2], 'ms', {
      statistic: 'median of the 5 loads after the first, navigation start to three charts drawn',
      samples: warm.map(Math.round),
      history: '5 years'
    })
    report('dashboard-all-range-drawn-first-load-ms', cold, 'ms', { statistic: 'first load, empty profile', history: '5 years' })
  } finally {
    await browserProfile.close()
    await host.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
    fs.rmSync(profileDir, { recursive: true, force: true })
  }
}

/**
 * Milliseconds from navigation start to the first animation frame in which all three charts have
 * bars, read in that frame (a later call could wait behind the secondary charts' rendering).
 */
async function timeDashboardDrawn(context: BrowserContext, hostUrl: string): Promise<number> {
  const page = await context.newPage()
  await page.goto(`${hostUrl}#/dashboard/all`, { waitUntil: 'commit' })
  // This function runs in the page; this file is compiled without the DOM's types.
  const drawnAt = await page.waitForFunction(
    () => {
      const inPage = globalThis as unknown as PageGlobals
      const drawn = ['recovery-chart', 'sleep-chart', 'strain-chart'].every(
        (id) => inPage.document.querySelector(`[data-testid="${id}"] .recharts-bar-rectangle path`) !== null
      )
      return drawn && inPage.performance.now()
    },
    undefined,
    { polling: 'raf', timeout: 30_000 }
  )
  const drawn = (await drawnAt.jsonValue()) as number
  await page.close()
  return drawn
}
