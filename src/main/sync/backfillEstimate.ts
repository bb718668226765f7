import type { BackfillEstimate } from '../../shared/sync'
import type { Clock } from '../clock'
import type { RatePolicy } from '../whoop/rateLimiter'
import type { WhoopClient } from '../whoop/whoopClient'
import type { CollectionName } from '../whoop/whoopSchemas'

const DAY_MS = 86_400_000
/** Further back than any WHOOP history (the first strap shipped in 2015). */
const SEARCH_YEARS = 15
/** What a page of 25 covers until the first page of a collection says otherwise: 25 days of cycles. */
const DEFAULT_PAGE_SPAN_MS = 25 * DAY_MS

/**
 * When the member's history begins, to within a day: WHOOP gives neither a count nor a start date,
 * so the newest page of cycles before a moment is asked for, halving the span each time. A page
 * that holds everything before its moment ends the search at once; otherwise it takes about 13
 * requests for 15 years. Null when there are no cycles at all.
 */
export async function findHistoryStart(client: WhoopClient, now: number, signal?: AbortSignal): Promise<number | null> {
  /** The oldest start among the newest page of cycles before `end`, and whether that page is all there is. */
  const probe = async (end: number) => {
    const first = await client.pages('cycle', { end: new Date(end).toISOString(), signal }).next()
    const page = first.done ? undefined : first.value
    const starts = (page?.records ?? []).map((cycle) => Date.parse(cycle.start))
    return { oldest: starts.length ? Math.min(...starts) : null, complete: page?.nextToken === undefined }
  }
  const newest = await probe(now)
  if (newest.oldest === null || newest.complete) return newest.oldest
  // Invariant: a cycle starts at `known`, and none starts before `empty`.
  let known = newest.oldest
  let empty = now - SEARCH_YEARS * 365 * DAY_MS
  while (known - empty > DAY_MS) {
    const middle = Math.floor((empty + known) / 2)
    const before = await probe(middle)
    if (before.oldest === null) {
      empty = middle
    } else {
      known = before.oldest
      if (before.complete) break
    }
  }
  return known
}

/**
 * About how much of a first backfill is left, and how long it takes: each collection's pages left
 * from how far back it has read and how much time its pages span so far, and the time from the
 * pace so far or, if slower, what WHOOP's rate limits allow for that many requests.
 */
export function createBackfillEstimate(options: { now: number; clock: Clock; policies: readonly RatePolicy[] }) {
  const { now, clock, policies } = options
  let historyStart: number | undefined
  const walks = new Map<CollectionName, { pages: number; reachedBack?: number; done: boolean }>()
  const startedAt = clock.now()
  let requests = 0

  const spanPerPage = (name: CollectionName): number => {
    const own = walks.get(name)
    if (own?.reachedBack !== undefined && own.pages > 0) return Math.max(1, (now - own.reachedBack) / own.pages)
    // Recoveries carry no start; they come one per cycle, as cycles do.
    const cycles = walks.get('cycle')
    return cycles?.reachedBack !== undefined && cycles.pages > 0 ? Math.max(1, (now - cycles.reachedBack) / cycles.pages) : DEFAULT_PAGE_SPAN_MS
  }

  return {
    /** Where the history begins, once found: until then there is no estimate. */
    located(start: number) {
      historyStart = start
    },
    /** A collection walking its whole history, which the estimate counts until it is done. */
    track(name: CollectionName) {
      walks.set(name, { pages: 0, done: false })
    },
    page(name: CollectionName, reachedBack: number | undefined) {
      requests++
      const walk = walks.get(name)
      if (!walk) return
      walk.pages++
      if (reachedBack !== undefined) walk.reachedBack = Math.min(walk.reachedBack ?? Infinity, reachedBack)
    },
    done(name: CollectionName) {
      const walk = walks.get(name)
      if (walk) walk.done = true
    },
    current(): BackfillEstimate | undefined {
      if (historyStart === undefined) return undefined
      let pagesLeft = 0
      for (const [name, walk] of walks) {
        if (walk.done) continue
        const reached = walk.reachedBack ?? walks.get('cycle')?.reachedBack ?? now
        pagesLeft += Math.ceil(Math.max(0, reached - historyStart!) / spanPerPage(name))
      }
      const pace = requests ? (clock.now() - startedAt) / requests : 0
      const allowed = Math.max(0, ...policies.map((policy) => Math.floor(Math.max(0, pagesLeft - 1) / policy.limit) * policy.windowMs))
      return { historyStart: new Date(historyStart).toISOString(), pagesLeft, secondsLeft: Math.round(Math.max(pace * pagesLeft, allowed) / 1000) }
    }
  }
}

export type BackfillEstimator = ReturnType<typeof createBackfillEstimate>
