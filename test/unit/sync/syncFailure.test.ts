import { expect, it } from 'vitest'
import { describeSyncFailure, endsTheRun, SyncCancelledError } from '../../../src/main/sync/syncFailure'
import { ReconnectNeededError, UnexpectedResponseError, WhoopHttpError, WhoopOfflineError, WhoopRateLimitedError } from '../../../src/main/whoop/whoopErrors'

it("says what went wrong in words, keeps an unknown error's text out, and stops the run only where every resource would fail alike", () => {
  const cases: [error: unknown, kind: string, message: string, ends: boolean][] = [
    [new SyncCancelledError(), 'cancelled', 'The sync was cancelled. What was already downloaded is kept; the next sync continues from there.', true],
    [new WhoopOfflineError('/v2/cycle'), 'offline', 'WHOOP could not be reached (/v2/cycle). Check the internet connection and try again.', true],
    [new WhoopRateLimitedError(Date.UTC(2026, 11, 4, 12)), 'rate-limited', "WHOOP's request limit is reached until 2026-12-04T12:00:00.000Z. The sync will continue after that.", true],
    [new ReconnectNeededError('the sign-in was revoked'), 'reconnect-needed', 'WHOOP needs you to connect your account again (the sign-in was revoked).', true],
    [new WhoopHttpError(500, '/v2/activity/sleep'), 'whoop-error', 'WHOOP answered /v2/activity/sleep with error 500.', false],
    [new UnexpectedResponseError('/v2/recovery', 'records[0].score', 'expected a number'), 'unexpected-response', 'WHOOP sent an unexpected response for /v2/recovery at records[0].score: expected a number', false],
    [new Error('SQLITE_FULL: /home/alex/private path'), 'internal', 'Something went wrong while saving WHOOP data. The log has the details.', false]
  ]
  for (const [error, kind, message, ends] of cases) {
    const failure = describeSyncFailure(error)
    expect(failure).toEqual({ kind, message })
    expect(endsTheRun(failure)).toBe(ends)
  }
  expect(new SyncCancelledError().name).toBe('SyncCancelledError')
})
