import path from 'node:path'
import react from '@vitejs/plugin-react'
import { build, preview } from 'vite'
import { firstAndWarmLoads, launchBenchBrowser, timeToDrawn } from './chromium'
import { DASHBOARD_CHARTS } from '../test/support/dashboardCharts'
import { report } from './report'

/** `npm run bench` runs from the repository root. */
const root = process.cwd()

/** In the page: whether all `charts` bare charts have their bars. */
function floorChartsDrawn(charts: number): boolean {
  const inPage = globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }
  return inPage.document.querySelectorAll('.floor-chart svg.recharts-surface:has(.recharts-bar-rectangle path)').length === charts
}

/**
 * What `charts` recharts charts cost with nothing of the app around them (`bench/rechartsFloor`),
 * timed as the dashboard is: the floor under the dashboard's figures on this machine, whatever the
 * app does. The page is served and a browser kept for it until `close`; `load` times one load.
 */
export async function startRechartsFloor(charts: number): Promise<{ load(): Promise<number>; close(): Promise<void> }> {
  // One config for building the page and serving what was built.
  const config = {
    root: path.join(root, 'bench/rechartsFloor'),
    configFile: false as const,
    logLevel: 'warn' as const,
    plugins: [react()],
    build: { outDir: path.join(root, 'test-results/bench-recharts-floor'), emptyOutDir: true, chunkSizeWarningLimit: 2048 },
    preview: { host: '127.0.0.1', strictPort: false }
  }
  await build(config)
  const server = await preview(config)
  // Launched at the first load, as the dashboard's browser is: a first load just after a browser's
  // start is slower than one in a browser that has been open a while.
  let browser: Awaited<ReturnType<typeof launchBenchBrowser>> | undefined
  return {
    async load() {
      if (!browser) {
        browser = await launchBenchBrowser()
        await browser.context.addInitScript(`globalThis.floorChartsDrawn = () => (${floorChartsDrawn.toString()})(${charts})`)
      }
      return timeToDrawn(browser.context, `${server.resolvedUrls!.local[0]}?charts=${charts}`, 'floorChartsDrawn')
    },
    async close() {
      await browser?.close()
      await server.close()
    }
  }
}

/** The floor under the dashboard's all-charts figure: as many bare charts as it draws. */
export async function benchRechartsFloor(): Promise<void> {
  const floor = await startRechartsFloor(DASHBOARD_CHARTS)
  const loads = await firstAndWarmLoads(floor.load).finally(() => floor.close())
  const context = { charts: DASHBOARD_CHARTS, parts: 'grid, 2 axes, tooltip, 61 bars each; no app code', compare: 'dashboard-all-charts-drawn-ms' }
  report('recharts-floor-charts-drawn-ms', loads.warmMedian, 'ms', { statistic: 'median of the 7 loads after the first', samples: loads.warm, ...context })
  report('recharts-floor-charts-drawn-first-load-ms', loads.first, 'ms', { statistic: 'first load, empty profile', ...context })
}
