import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import react from '@vitejs/plugin-react'
import { build } from 'vite'
import { firstAndWarmLoads, launchBenchBrowser, timeToDrawn } from './chromium'
import { report } from './report'

/** `npm run bench` runs from the repository root. */
const root = process.cwd()

/** In the page: whether all twelve bare charts have their bars. */
function twelveChartsDrawn(): boolean {
  const inPage = globalThis as unknown as { document: { querySelectorAll(selector: string): { length: number } } }
  return inPage.document.querySelectorAll('.floor-chart svg.recharts-surface:has(.recharts-bar-rectangle path)').length === 12
}

/**
 * What twelve recharts charts cost with nothing of the app around them (`bench/rechartsFloor`), timed
 * as the dashboard is: the floor under `dashboard-all-charts-drawn-ms` on this machine, whatever the
 * app does.
 */
export async function benchRechartsFloor(): Promise<void> {
  const outDir = path.join(root, 'test-results/bench-recharts-floor')
  await build({
    root: path.join(root, 'bench/rechartsFloor'),
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 2048 }
  })
  const server = http.createServer((request, response) => {
    const file = path.join(outDir, new URL(request.url!, 'http://bench').pathname.replace(/^\/$/, '/index.html'))
    if (!file.startsWith(outDir) || !fs.existsSync(file)) return response.writeHead(404).end()
    response.writeHead(200, { 'content-type': file.endsWith('.js') ? 'text/javascript' : 'text/html' }).end(fs.readFileSync(file))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`
  const browser = await launchBenchBrowser()
  await browser.context.addInitScript(`globalThis.twelveChartsDrawn = ${twelveChartsDrawn.toString()}`)
  try {
    const loads = await firstAndWarmLoads(() => timeToDrawn(browser.context, url, 'twelveChartsDrawn'))
    const context = { parts: 'grid, 2 axes, tooltip, 61 bars each; no app code', compare: 'dashboard-all-charts-drawn-ms' }
    report('recharts-floor-12-charts-drawn-ms', loads.warmMedian, 'ms', { statistic: 'median of the 7 loads after the first', samples: loads.warm, ...context })
    report('recharts-floor-12-charts-drawn-first-load-ms', loads.first, 'ms', { statistic: 'first load, empty profile', ...context })
  } finally {
    await browser.close()
    server.close()
  }
}
