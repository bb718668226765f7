import path from 'node:path'
import react from '@vitejs/plugin-react'
import { build, preview } from 'vite'
import { firstAndWarmLoads, launchBenchBrowser, timeToDrawn } from './chromium'
import { DASHBOARD_CHARTS } from '../test/support/dashboardCharts'
import { report } from './report'
import { rendererSecurityHeaders } from '../src/main/web/contentSecurityPolicy'

/** `npm run bench` runs from the repository root. */
const root = process.cwd()

/** In the page: whether all `charts` bare charts have their bars. */
function floorChartsDrawn(charts: number): boolean {
  const inPage = globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }
  return inPage.document.querySelectorAll('.floor-chart svg.recharts-surface:has(.recharts-bar-rectangle path)').length === charts
}

/** A floor page served and timed: `load` in a browser kept for it, `firstLoad` in one of its own. */
interface FloorPage {
  load(): Promise<number>
  firstLoad(): Promise<number>
  close(): Promise<void>
}

/**
 * What `charts` recharts charts cost with nothing of the app around them (`bench/rechartsFloor`),
 * timed as the dashboard is: the floor under the dashboard's figures on this machine, whatever the
 * app does. The page is served until `close`, with the response headers the app's pages have
 * (`rendererSecurityHeaders`) unless `headers` says otherwise: a page served with the
 * Cross-Origin-Opener-Policy starts in a browsing context group of its own on every load, which
 * costs any page (this one too: 35 ms, paired, at 1 chart), and is not drawing.
 */
export async function startRechartsFloor(charts: number, headers: Record<string, string> = rendererSecurityHeaders): Promise<FloorPage> {
  // One config for building the page and serving what was built.
  const config = {
    root: path.join(root, 'bench/rechartsFloor'),
    configFile: false as const,
    logLevel: 'warn' as const,
    plugins: [react()],
    build: { outDir: path.join(root, `test-results/bench-recharts-floor-${Object.keys(headers).length ? 'served' : 'bare'}`), emptyOutDir: true, chunkSizeWarningLimit: 2048 },
    preview: { host: '127.0.0.1', strictPort: false, headers }
  }
  await build(config)
  const server = await preview(config)
  const url = `${server.resolvedUrls!.local[0]}?charts=${charts}`
  const launch = async () => {
    const browser = await launchBenchBrowser()
    await browser.context.addInitScript(`globalThis.floorChartsDrawn = () => (${floorChartsDrawn.toString()})(${charts})`)
    return browser
  }
  // Launched at the first load, as the dashboard's browser is: a first load just after a browser's
  // start is slower than one in a browser that has been open a while.
  let browser: Awaited<ReturnType<typeof launchBenchBrowser>> | undefined
  return {
    async load() {
      browser ??= await launch()
      return timeToDrawn(browser.context, url, 'floorChartsDrawn')
    },
    async firstLoad() {
      const own = await launch()
      return timeToDrawn(own.context, url, 'floorChartsDrawn').finally(() => own.close())
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
  const context = { charts: DASHBOARD_CHARTS, parts: 'grid, 2 axes, tooltip, 61 bars each; no app code; served with the app\'s headers', compare: 'dashboard-all-charts-drawn-ms' }
  report('recharts-floor-charts-drawn-ms', loads.warmMedian, 'ms', { statistic: 'median of the 7 loads after the first', samples: loads.warm, ...context })
  report('recharts-floor-charts-drawn-first-load-ms', loads.first, 'ms', { statistic: 'first load, empty profile', ...context })
}
