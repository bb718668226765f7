import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import type { BrowserContext } from '@playwright/test'
import { openDatabase } from '../src/main/database/openDatabase'
import { generateMemberHistory } from '../src/main/demo/memberHistory'
import { createRecordStore } from '../src/main/store/recordStore'
import { startHostProcess } from '../test/support/harness/browserHostProcess'
import { firstAndWarmLoads, launchBenchBrowser, timeToDrawn } from './chromium'
import { DASHBOARD_CHARTS } from '../test/support/dashboardCharts'
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

const CHARTS = DASHBOARD_CHARTS

/**
 * In the page (installed with `addInitScript` as `allChartsDrawn`): whether every chart is drawn,
 * with its marks, for `range`. The page marks a range only once every chart has drawn it, recharts'
 * own effects included (`chartTurns`); before that mark, a chart may still show the range before.
 */
function allChartsDrawn(range: string, charts: number): boolean {
  const inPage = globalThis as unknown as PageGlobals & { document: { querySelectorAll(selector: string): { length: number } } }
  if (inPage.document.querySelector(`[data-drawn-range="${range}"]`) === null) return false
  const surfaces = inPage.document.querySelectorAll('.chart-card svg.recharts-surface').length
  const marked = inPage.document.querySelectorAll(
    '.chart-card svg.recharts-surface:has(.recharts-bar-rectangle path, .recharts-line-curve, .recharts-area-area)'
  ).length
  return surfaces === charts && marked === charts
}

/** The page's globals once the probe is installed. */
type DrawnProbe = { allChartsDrawn: typeof allChartsDrawn }

/** From navigation to all charts drawn, with five years of data on the All range, in Chromium. */
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
  const browser = await launchBenchBrowser()
  await browser.context.addInitScript(`globalThis.allChartsDrawn = ${allChartsDrawn.toString()}; globalThis.allDrawnAtAll = () => allChartsDrawn('all', ${CHARTS})`)
  try {
    const loads = await firstAndWarmLoads(() => timeToDrawn(browser.context, `${host.url}#/dashboard/all`, 'allDrawnAtAll'))
    report('dashboard-all-charts-drawn-ms', loads.warmMedian, 'ms', {
      statistic: `median of the 7 loads after the first, navigation start to all ${CHARTS} charts drawn`,
      samples: loads.warm,
      history: '5 years',
      target: '< 300 ms'
    })
    report('dashboard-all-charts-drawn-first-load-ms', loads.first, 'ms', { statistic: 'first load, empty profile', history: '5 years', target: '< 500 ms' })
    await benchRangeSwitches(browser.context, host.url)
  } finally {
    await browser.close()
    await host.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

/**
 * Each range switch as a person makes it (a click on the picker), 7 rounds through all ranges:
 * input to the next paint (the pressed button shown chosen, PerformanceObserver `event` entries),
 * input to every chart drawn for the new range, and the longest task meanwhile (`longtask`).
 */
async function benchRangeSwitches(context: BrowserContext, hostUrl: string): Promise<void> {
  const page = await context.newPage()
  await page.goto(`${hostUrl}#/dashboard/all`)
  await page.waitForFunction(({ charts }) => (globalThis as unknown as DrawnProbe).allChartsDrawn('all', charts), { charts: CHARTS }, { polling: 'raf', timeout: 30_000 })
  // In the page, as text: this file is compiled without the DOM's types. `benchSettled` waits two
  // frames, then takes the entries not yet delivered: a click's entry is queued after its next paint.
  await page.evaluate(`
    globalThis.benchEntries = []
    const keep = (entries) => entries.forEach((entry) =>
      globalThis.benchEntries.push({ type: entry.entryType, name: entry.name, start: entry.startTime, duration: entry.duration }))
    const observers = ['longtask', 'event'].map((type) => {
      const observer = new PerformanceObserver((list) => keep(list.getEntries()))
      observer.observe(type === 'event' ? { type, durationThreshold: 16 } : { type })
      return observer
    })
    globalThis.benchSettled = (since) => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => {
      observers.forEach((observer) => keep(observer.takeRecords()))
      resolve(globalThis.benchEntries.filter((entry) => entry.start >= since))
    })))
  `)
  const paints: number[] = []
  const drawn: number[] = []
  const longest: number[] = []
  let underThreshold = 0
  const ranges = ['1w', '1m', '3m', '6m', '1y', 'all']
  for (let round = 0; round < 7; round++) {
    for (const range of ranges) {
      const clickedAt = (await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now())) as number
      await page.getByTestId(`range-${range}`).click()
      const doneAt = await page.waitForFunction(
        ({ range, charts }) => (globalThis as unknown as DrawnProbe).allChartsDrawn(range, charts) && (globalThis as unknown as PageGlobals).performance.now(),
        { range, charts: CHARTS },
        { polling: 'raf', timeout: 30_000 }
      )
      const list = (await page.evaluate(`globalThis.benchSettled(${clickedAt})`)) as { type: string; name: string; start: number; duration: number }[]
      // The browser reports only events that took 16 ms or more to their next paint; one it did not
      // report took less, and counts as 16.
      const click = list.find((entry) => entry.type === 'event' && entry.name === 'click')
      if (!click) underThreshold++
      paints.push(click?.duration ?? 16)
      drawn.push(((await doneAt.jsonValue()) as number) - (click?.start ?? clickedAt))
      longest.push(Math.max(0, ...list.filter((entry) => entry.type === 'longtask').map((entry) => entry.duration)))
    }
  }
  await page.close()
  const median = (values: number[]) => values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]
  const statistic = 'median of 42 switches (7 rounds through the 6 ranges), 5 years of data'
  report('range-switch-selected-paint-ms', median(paints), 'ms', {
    statistic,
    measure: 'click event duration: input to the next paint',
    worst: Math.max(...paints),
    underSixteenMs: underThreshold,
    target: '< 50 ms'
  })
  report('range-switch-all-charts-drawn-ms', median(drawn), 'ms', { statistic, measure: 'click to every chart drawn for the new range', worst: Math.round(Math.max(...drawn)), target: '< 150 ms' })
  report('range-switch-longest-task-ms', Math.max(...longest), 'ms', { statistic: 'the longest task over all 42 switches', target: '< 100 ms' })
}
