import { spawn } from 'node:child_process'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../../scripts/bundleForNode.mjs'
import { testClock } from '../../support/harness/testClock'
import { openDatabase } from '../../../src/main/database/openDatabase'
import { createSyncEngine } from '../../../src/main/sync/syncEngine'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { fakeRecords, storedRecords, tableCounts, expectedCounts } from '../../support/harness/syncHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { clientForFake } from '../../support/fakeWhoop/whoopTestClient'

let childBundle: string
let fake: FakeWhoop

beforeAll(async () => {
  // Inside the repository, so the bundle finds node_modules.
  childBundle = await bundleForNode('test/support/harness/workerChild.ts', path.resolve(__dirname, '../../../test-results/worker-child'))
  fake = await startFakeWhoop({ days: 3 * 365, rateLimit: false })
}, 60_000)
afterAll(() => fake.close())

/** Runs a sync in a child process and SIGKILLs it once it has stored `afterPages` pages of `resource`. */
function syncAndKill(dbFile: string, resource: string, afterPages: number): Promise<{ killed: boolean; output: string }> {
  const child = spawn(process.execPath, [childBundle], {
    env: {
      ...process.env,
      WORK: 'sync',
      WORK_DB_FILE: dbFile,
      WORK_API_BASE_URL: fake.endpoints.apiBaseUrl,
      WORK_ACCESS_TOKEN: fake.grantTokens().access_token
    },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk) => {
      output += chunk
      if (output.includes(`page ${resource} ${afterPages}\n`)) child.kill('SIGKILL')
    })
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('exit', (_code, signal) => resolve({ killed: signal === 'SIGKILL', output }))
  })
}

describe('a sync killed mid-way', () => {
  it.each([
    ['cycle', 3],
    ['sleep', 20],
    ['recovery', 1],
    ['workout', 30]
  ])('resumes after a SIGKILL during %s (page %i) to exact counts, intact', async (resource, afterPages) => {
    const dbFile = path.join(makeTempDir(), 'whoop-desktop.sqlite')
    const { killed, output } = await syncAndKill(dbFile, resource, afterPages)
    expect(killed, output).toBe(true)
    expect(output).not.toContain('done')

    const db = openDatabase(dbFile)
    const before = fake.apiRequests().length
    // Real time here, and the fake has no rate limit: the client must not pace itself either.
    const { client } = clientForFake(fake, testClock, { rateLimiter: createRateLimiter({ clock: testClock, policies: [] }) })
    const result = await createSyncEngine({ db, clock: testClock, client: () => client }).sync()
    expect(result.status).toBe('succeeded')
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    expect(tableCounts(db)).toEqual(expectedCounts(fake))
    expect(storedRecords(db)).toEqual(fakeRecords(fake))

    // The interrupted walk continued from its checkpoint instead of starting over.
    const paths = { cycle: '/v2/cycle', sleep: '/v2/activity/sleep', recovery: '/v2/recovery', workout: '/v2/activity/workout' }
    const resumed = fake.apiRequests().slice(before).filter((request) => request.path === paths[resource as keyof typeof paths])
    expect(resumed[0].query.nextToken).toEqual(expect.any(String))
    db.close()
  })
})
