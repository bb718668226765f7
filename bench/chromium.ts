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
 * Eight loads of each page, taking turns (`inTurns`): the first of each finds nothing cached, the
 * seven after it find the compiled code cached.
 */
export async function firstAndWarmLoadsInTurn<Name extends string>(loads: Record<Name, () => Promise<number>>): Promise<Record<Name, Loads>> {
  return mapLoads(await inTurns(loads, 8), ([first, ...warm]) => ({ first, warmMedian: median(warm), warm: warm.toSorted((a, b) => a - b).map(Math.round) }))
}

/** The median of `rounds` samples of each page, taken in turns, with the samples. */
export type Sampled = { median: number; samples: number[] }

/**
 * First loads, each in a browser of its own (`load` launches one and closes it): the first load
 * after a launch is a noisy thing (five of the same floor page, in one run: 509 to 790 ms), so
 * `rounds` of them, in turns, and their median.
 */
export async function firstLoadsInTurn<Name extends string>(loads: Record<Name, () => Promise<number>>, rounds = 5): Promise<Record<Name, Sampled>> {
  return mapLoads(await inTurns(loads, rounds), (samples) => ({ median: median(samples), samples: samples.map(Math.round) }))
}

/**
 * `rounds` loads of each page, taking turns (one of each, then again): a machine that slows down or
 * speeds up during the run (another process, the CPU's clock) weighs on every page alike, so the
 * figures compare with each other, as a page and its floor must.
 */
async function inTurns<Name extends string>(loads: Record<Name, () => Promise<number>>, rounds: number): Promise<Map<Name, number[]>> {
  const names = Object.keys(loads) as Name[]
  const samples = new Map<Name, number[]>(names.map((name) => [name, []]))
  for (let round = 0; round < rounds; round++) for (const name of names) samples.get(name)!.push(await loads[name]())
  return samples
}

function mapLoads<Name extends string, Figure>(samples: Map<Name, number[]>, figure: (samples: number[]) => Figure): Record<Name, Figure> {
  return Object.fromEntries([...samples].map(([name, values]) => [name, figure(values)])) as Record<Name, Figure>
}

/** The middle sample (of an even count, the upper of the two middle ones). */
export function median(values: number[]): number {
  return values.toSorted((a, b) => a - b)[Math.floor(values.length / 2)]
}
