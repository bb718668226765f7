import type { Cycle, Recovery, Sleep, Workout } from '../../../src/main/whoop/whoopSchemas'
import type { MemberHistory } from '../../../src/main/demo/memberHistory'

export interface ApiAnswer {
  status: number
  body?: unknown
}

type Keyed = { time: number; key: string; record: unknown }

const notFound: ApiAnswer = { status: 404, body: { error: 'No resource found' } }
const badRequest = (message: string): ApiAnswer => ({ status: 400, body: { error: message } })

/**
 * WHOOP's v2 data endpoints over a member history, paginated and filtered as the reference says
 * (WHOOP_API.md §3.1): `limit` default 10 and at most 25, `start` inclusive, `end` exclusive and
 * defaulting to now, newest first, an opaque `next_token` answered by the `nextToken` parameter.
 * Pages are keyed on the last record returned, so records added between pages shift nothing.
 */
export function answerApi(history: MemberHistory, path: string, query: URLSearchParams, now: number): ApiAnswer {
  const sleepStart = new Map(history.sleeps.map((sleep) => [sleep.id, Date.parse(sleep.start)]))
  const byStart = (record: Cycle | Sleep | Workout): Keyed => ({
    time: Date.parse(record.start),
    key: String(record.id),
    record
  })
  // Recoveries have no start of their own; WHOOP orders them by their sleep's start.
  const byRecoverySleep = (record: Recovery): Keyed => ({
    time: sleepStart.get(record.sleep_id) ?? 0,
    key: String(record.cycle_id),
    record
  })

  switch (path) {
    case '/v2/user/profile/basic':
      return { status: 200, body: history.profile }
    case '/v2/user/measurement/body':
      return { status: 200, body: history.body }
    case '/v2/cycle':
      return page(history.cycles.map(byStart), query, now)
    case '/v2/recovery':
      return page(history.recoveries.map(byRecoverySleep), query, now)
    case '/v2/activity/sleep':
      return page(history.sleeps.map(byStart), query, now)
    case '/v2/activity/workout':
      return page(history.workouts.map(byStart), query, now)
  }

  let match: RegExpExecArray | null
  if ((match = /^\/v2\/cycle\/([^/]+)(\/recovery|\/sleep)?$/.exec(path))) {
    const cycleId = Number(match[1])
    if (!Number.isSafeInteger(cycleId)) return badRequest('cycleId must be an integer')
    if (match[2] === '/recovery') return found(history.recoveries.find((recovery) => recovery.cycle_id === cycleId))
    if (match[2] === '/sleep') return found(history.sleeps.find((sleep) => sleep.cycle_id === cycleId && !sleep.nap))
    return found(history.cycles.find((cycle) => cycle.id === cycleId))
  }
  if ((match = /^\/v2\/activity\/(sleep|workout)\/([^/]+)$/.exec(path))) {
    const id = decodeURIComponent(match[2])
    if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return badRequest('id must be a UUID')
    const list: (Sleep | Workout)[] = match[1] === 'sleep' ? history.sleeps : history.workouts
    return found(list.find((record) => record.id === id))
  }
  return notFound
}

function found(record: unknown): ApiAnswer {
  return record ? { status: 200, body: record } : notFound
}

function page(items: Keyed[], query: URLSearchParams, now: number): ApiAnswer {
  const limitText = query.get('limit')
  const limit = limitText === null ? 10 : Number(limitText)
  if (!Number.isInteger(limit) || limit < 1 || limit > 25) return badRequest('limit must be an integer from 1 to 25')
  const start = query.has('start') ? Date.parse(query.get('start')!) : -Infinity
  const end = query.has('end') ? Date.parse(query.get('end')!) : now
  if (Number.isNaN(start) || Number.isNaN(end)) return badRequest('start and end must be ISO 8601 date-times')

  let after: { time: number; key: string } | undefined
  const nextToken = query.get('nextToken')
  if (nextToken !== null) {
    after = decodeToken(nextToken)
    if (!after) return badRequest('nextToken is not valid')
  }

  const selected = items
    .filter((item) => item.time >= start && item.time < end)
    .sort((a, b) => b.time - a.time || compareKeys(b.key, a.key))
    .filter((item) => !after || item.time < after.time || (item.time === after.time && compareKeys(item.key, after.key) < 0))
  const records = selected.slice(0, limit)
  const last = records.at(-1)
  return {
    status: 200,
    body: {
      records: records.map((item) => item.record),
      ...(selected.length > limit && last ? { next_token: encodeToken(last) } : {})
    }
  }
}

function compareKeys(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0)
}

function encodeToken(item: { time: number; key: string }): string {
  return Buffer.from(`${item.time}:${item.key}`).toString('base64url')
}

function decodeToken(token: string): { time: number; key: string } | undefined {
  const match = /^(-?\d+):(.+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'))
  return match ? { time: Number(match[1]), key: match[2] } : undefined
}
