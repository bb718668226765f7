import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext } from '@playwright/test'

type PageGlobals = { performance: { now(): number } }

/**
 * Chromium with a profile on disk, kept for every load, as the app keeps its own between launches:
 * the first load starts with nothing cached (a first launch), the later ones find the compiled code
 * cached. `close` also removes the profile.
 */
export async function launchBenchBrowser(): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profileDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-bench-profile-'))
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--no-first-run']
  })
  return {
    context,
    async close() {
      await context.close()
      fs.rmSync(profileDir, { recursive: true, force: true })
    }
  }
}

/**
 * Milliseconds from navigation start to the first animation frame in which `drawn` (a function
 * installed in the page as `globalThis[drawn]`) holds, read in that frame.
 */
export async function timeToDrawn(context: BrowserContext, url: string, drawn: string): Promise<number> {
  const page = await context.newPage()
  await page.goto(url, { waitUntil: 'commit' })
  const drawnAt = await page.waitForFunction(
    (probe) => (globalThis as unknown as Record<string, () => boolean>)[probe]() && (globalThis as unknown as PageGlobals).performance.now(),
    drawn,
    { polling: 'raf', timeout: 30_000 }
  )
  const at = (await drawnAt.jsonValue()) as number
  await page.close()
  return at
}

/** Eight loads: the first (nothing cached) and the median of the seven after it, with their samples. */
export async function firstAndWarmLoads(load: () => Promise<number>): Promise<{ first: number; warmMedian: number; warm: number[] }> {
  const samples: number[] = []
  for (let index = 0; index < 8; index++) samples.push(await load())
  const [first, ...warm] = samples
  warm.sort((a, b) => a - b)
  return { first, warmMedian: warm[3], warm: warm.map(Math.round) }
}
