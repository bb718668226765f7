import type { z } from 'zod'
import { systemClock, type Clock } from '../clock'
import { createRateLimiter, type RateLimiter } from './rateLimiter'
import type { TokenSession } from './tokenSession'
import {
  ReconnectNeededError,
  UnexpectedResponseError,
  WhoopHttpError,
  WhoopOfflineError,
  WhoopRateLimitedError
} from './whoopErrors'
import {
  collections,
  cycleSchema,
  pageSchema,
  recoverySchema,
  sleepSchema,
  userBasicProfileSchema,
  userBodyMeasurementSchema,
  workoutSchema,
  type CollectionName,
  type CollectionRecords
} from './whoopSchemas'

export interface WhoopClientOptions {
  apiBaseUrl: string
  tokens: TokenSession
  fetch?: typeof fetch
  clock?: Clock
  /** Source of jitter for backoff; injected so tests are repeatable. */
  random?: () => number
  rateLimiter?: RateLimiter
  /** Per attempt, including reading the body. */
  requestTimeoutMs?: number
  /** Attempts for 5xx answers, network errors and timeouts before giving up. */
  maxAttempts?: number
  backoffBaseMs?: number
  backoffMaxMs?: number
}

export interface CollectionQuery {
  /** Inclusive. */
  start?: string
  /** Exclusive; WHOOP's default is now. */
  end?: string
  /** Continue a walk from a token an earlier page returned. */
  nextToken?: string
  signal?: AbortSignal
}

export interface CollectionPage<Record> {
  /** Validated records, each with every field WHOOP sent (unknown ones included). */
  records: Record[]
  /** The token for the following page, or undefined on the last one. */
  nextToken?: string
}

/** WHOOP's maximum page size: the fewest requests for a full history. */
export const PAGE_SIZE = 25
/** A run of 429s longer than this means the server's headers cannot be trusted; stop. */
const MAX_CONSECUTIVE_429 = 20

/**
 * A typed client for the WHOOP API v2 endpoints the app uses. It paces itself to WHOOP's rate
 * limits, retries what is worth retrying, renews tokens once on 401, and validates every answer:
 * a response that does not match the documented shape is an error naming the field, never empty data.
 */
export function createWhoopClient(options: WhoopClientOptions) {
  const fetchImpl = options.fetch ?? fetch
  const clock = options.clock ?? systemClock
  const random = options.random ?? Math.random
  const limiter = options.rateLimiter ?? createRateLimiter({ clock })
  const timeoutMs = options.requestTimeoutMs ?? 30_000
  const maxAttempts = options.maxAttempts ?? 5
  const backoffBaseMs = options.backoffBaseMs ?? 1000
  const backoffMaxMs = options.backoffMaxMs ?? 60_000

  /** Full jitter: a random wait up to an exponentially growing cap. */
  const backoff = (attempt: number, signal?: AbortSignal) =>
    clock.sleep(Math.round(random() * Math.min(backoffMaxMs, backoffBaseMs * 2 ** (attempt - 1))), signal)

  /**
   * One HTTP exchange with every recovery the API allows; resolves with a 2xx answer's JSON (GET) or
   * nothing (DELETE). A 2xx whose body is not JSON (cut short on the way) is retried like a 5xx.
   */
  async function exchange(
    method: 'GET' | 'DELETE',
    path: string,
    query: Record<string, string | undefined>,
    signal?: AbortSignal
  ): Promise<unknown> {
    const endpoint = `${method} ${path}`
    const url = new URL(options.apiBaseUrl + path)
    for (const [name, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(name, value)

    let attempt = 0
    let tooManyInARow = 0
    let renewed = false
    for (;;) {
      await limiter.acquire(signal)
      const accessToken = await options.tokens.accessToken()
      const attemptSignal = signal ? AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)]) : AbortSignal.timeout(timeoutMs)
      let status: number
      let body: string
      try {
        const response = await fetchImpl(url, {
          method,
          headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/json' },
          signal: attemptSignal
        })
        limiter.observe(response.headers)
        status = response.status
        if (status === 429) limiter.tooManyRequests(response.headers)
        body = await response.text()
      } catch (error) {
        if (signal?.aborted) throw signal.reason
        attempt += 1
        if (attempt >= maxAttempts) throw new WhoopOfflineError(endpoint, error)
        await backoff(attempt, signal)
        continue
      }

      if (status >= 200 && status < 300) {
        if (method === 'DELETE') return undefined
        try {
          return JSON.parse(body)
        } catch {
          attempt += 1
          if (attempt >= maxAttempts) throw new UnexpectedResponseError(endpoint, '(body)', 'not valid JSON')
          await backoff(attempt, signal)
          continue
        }
      }
      if (status === 401) {
        if (renewed) throw new ReconnectNeededError('WHOOP refused the renewed sign-in')
        renewed = true
        await options.tokens.renewAfterRejection(accessToken)
        continue
      }
      if (status === 429) {
        tooManyInARow += 1
        if (tooManyInARow > MAX_CONSECUTIVE_429) throw new WhoopRateLimitedError(clock.now() + 60_000)
        continue
      }
      tooManyInARow = 0
      if (status >= 500) {
        attempt += 1
        if (attempt >= maxAttempts) throw new WhoopHttpError(status, endpoint)
        await backoff(attempt, signal)
        continue
      }
      throw new WhoopHttpError(status, endpoint)
    }
  }

  async function getJson<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    signal?: AbortSignal,
    query: Record<string, string | undefined> = {},
    endpoint = `GET ${path}`
  ): Promise<z.output<Schema>> {
    const json = await exchange('GET', path, query, signal)
    const parsed = schema.safeParse(json)
    if (!parsed.success) {
      const issue = parsed.error.issues[0]
      throw new UnexpectedResponseError(endpoint, formatPath(issue.path), issue.message)
    }
    // The schemas only check (nothing is transformed), so the validated JSON is handed on exactly as
    // WHOOP sent it, field order included, to be stored as the record's raw form.
    return json as z.output<Schema>
  }

  return {
    rateLimiter: limiter,

    getProfile: (signal?: AbortSignal) => getJson('/v2/user/profile/basic', userBasicProfileSchema, signal),
    getBodyMeasurement: (signal?: AbortSignal) => getJson('/v2/user/measurement/body', userBodyMeasurementSchema, signal),
    getCycle: (cycleId: number, signal?: AbortSignal) =>
      getJson(`/v2/cycle/${cycleId}`, cycleSchema, signal, {}, 'GET /v2/cycle/{cycleId}'),
    getRecoveryForCycle: (cycleId: number, signal?: AbortSignal) =>
      getJson(`/v2/cycle/${cycleId}/recovery`, recoverySchema, signal, {}, 'GET /v2/cycle/{cycleId}/recovery'),
    getSleep: (sleepId: string, signal?: AbortSignal) =>
      getJson(`/v2/activity/sleep/${encodeURIComponent(sleepId)}`, sleepSchema, signal, {}, 'GET /v2/activity/sleep/{sleepId}'),
    getWorkout: (workoutId: string, signal?: AbortSignal) =>
      getJson(
        `/v2/activity/workout/${encodeURIComponent(workoutId)}`,
        workoutSchema,
        signal,
        {},
        'GET /v2/activity/workout/{workoutId}'
      ),

    /**
     * Every page of a collection in WHOOP's order (newest first), one request per page, so the
     * caller can store each page before asking for the next.
     */
    async *pages<Name extends CollectionName>(
      name: Name,
      query: CollectionQuery = {}
    ): AsyncGenerator<CollectionPage<CollectionRecords[Name]>> {
      const { path, record } = collections[name]
      const schema = pageSchema(record)
      // Every token asked for so far: one handed back again would loop for ever.
      const asked = new Set<string>()
      let nextToken = query.nextToken
      do {
        if (nextToken !== undefined) asked.add(nextToken)
        const page = await getJson(path, schema, query.signal, {
          limit: String(PAGE_SIZE),
          start: query.start,
          end: query.end,
          nextToken
        })
        const following = page.next_token || undefined
        if (following !== undefined && asked.has(following)) {
          throw new UnexpectedResponseError(`GET ${path}`, 'next_token', 'repeats a page already read')
        }
        yield { records: page.records as CollectionRecords[Name][], nextToken: following }
        nextToken = following
      } while (nextToken !== undefined)
    },

    /** Ends the app's access to the account at WHOOP (`DELETE /v2/user/access`). */
    async revokeAccess(signal?: AbortSignal): Promise<void> {
      await exchange('DELETE', '/v2/user/access', {}, signal)
    }
  }
}

export type WhoopClient = ReturnType<typeof createWhoopClient>

/** `records[3].score.strain` from zod's `['records', 3, 'score', 'strain']`. */
function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)'
  return path
    .map((part, index) => (typeof part === 'number' ? `[${part}]` : `${index === 0 ? '' : '.'}${String(part)}`))
    .join('')
}
