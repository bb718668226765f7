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

/** A page's first load (nothing cached) and the median of the seven after it, with their samples. */
export type Loads = { first: number; warmMedian: number; warm: number[] }

/** Eight loads: the first (nothing cached) and the median of the seven after it, with their samples. */
export async function firstAndWarmLoads(load: () => Promise<number>): Promise<Loads> {
  return (await firstAndWarmLoadsInTurn({ load })).load
}

/**
 * Eight loads of each page, taking turns (one of each, then again): a machine that slows down or
 * speeds up during the run (another process, the CPU's clock) weighs on every page alike, so the
 * figures compare with each other, as a page and its floor must.
 */
export async function firstAndWarmLoadsInTurn<Name extends string>(loads: Record<Name, () => Promise<number>>): Promise<Record<Name, Loads>> {
  const names = Object.keys(loads) as Name[]
  const samples = new Map<Name, number[]>(names.map((name) => [name, []]))
  for (let index = 0; index < 8; index++) for (const name of names) samples.get(name)!.push(await loads[name]())
  return Object.fromEntries(
    names.map((name) => {
      const [first, ...warm] = samples.get(name)!
      warm.sort((a, b) => a - b)
      return [name, { first, warmMedian: warm[3], warm: warm.map(Math.round) }]
    })
  ) as Record<Name, Loads>
}
