import { openDatabase } from '../../../src/main/database/openDatabase'
import { writeJsonExport } from '../../../src/main/exchange/jsonExport'
import { restoreJsonExport } from '../../../src/main/exchange/jsonRestore'
import { createSyncEngine } from '../../../src/main/sync/syncEngine'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { createTokenSession } from '../../../src/main/whoop/tokenSession'
import { createWhoopClient } from '../../../src/main/whoop/whoopClient'
import { testClock } from './testClock'

/**
 * Work in a process of its own, so a test can kill it at any moment: a sync, a JSON export or a
 * restore (`WORK`). It prints a line as it goes; the parent decides when to send SIGKILL. Or one
 * restore measured (`measure-restore`).
 */
const env = process.env
const db = openDatabase(env.WORK_DB_FILE!)

if (env.WORK === 'sync') {
  const client = createWhoopClient({
    apiBaseUrl: env.WORK_API_BASE_URL!,
    tokens: createTokenSession({
      tokens: { accessToken: env.WORK_ACCESS_TOKEN!, expiresAt: testClock.now() + 3_600_000 },
      refresh: () => Promise.reject(new Error('no refresh in the child')),
      persist: () => {},
      clock: testClock
    }),
    rateLimiter: createRateLimiter({ clock: testClock, policies: [] })
  })
  const engine = createSyncEngine({
    db,
    clock: testClock,
    client: () => client,
    onProgress: (event) => {
      if (event.type === 'resource') console.log(`page ${event.resource} ${event.pages}`)
    }
  })
  console.log(`done ${(await engine.sync()).status}`)
} else if (env.WORK === 'export') {
  const meta = { appName: 'child', appVersion: '0', exportedAt: new Date(testClock.now()).toISOString() }
  await writeJsonExport(db, env.WORK_FILE!, {}, meta, (records) => records % 100 === 0 && console.log(`record ${records}`))
  console.log('done')
} else if (env.WORK === 'measure-restore') {
  // One restore in a fresh process: its outcome, how long it took, how much of the file it read and
  // the process's peak memory.
  const started = performance.now()
  let bytesRead = 0
  const outcome = await restoreJsonExport(db, env.WORK_FILE!, { onRead: (bytes) => (bytesRead = bytes) }).then(
    (counts) => `restored ${counts.added}`,
    (error: Error) => error.message
  )
  const ms = performance.now() - started
  console.log(JSON.stringify({ outcome, ms, bytesRead, peakRssMiB: process.resourceUsage().maxRSS / 1024 }))
} else {
  console.log('restoring')
  await restoreJsonExport(db, env.WORK_FILE!)
  console.log('done')
}
db.close()
