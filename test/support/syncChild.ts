import { systemClock } from '../../src/main/clock'
import { openDatabase } from '../../src/main/database/openDatabase'
import { createSyncEngine } from '../../src/main/sync/syncEngine'
import { createRateLimiter } from '../../src/main/whoop/rateLimiter'
import { createTokenSession } from '../../src/main/whoop/tokenSession'
import { createWhoopClient } from '../../src/main/whoop/whoopClient'

/**
 * A sync in a process of its own, so a test can kill it at any moment. Prints a line per stored
 * page; the parent decides when to send SIGKILL.
 */
const env = process.env
const db = openDatabase(env.SYNC_DB_FILE!)
const client = createWhoopClient({
  apiBaseUrl: env.SYNC_API_BASE_URL!,
  tokens: createTokenSession({
    tokens: { accessToken: env.SYNC_ACCESS_TOKEN!, expiresAt: Date.now() + 3_600_000 },
    refresh: () => Promise.reject(new Error('no refresh in the child')),
    persist: () => {},
    clock: systemClock
  }),
  rateLimiter: createRateLimiter({ clock: systemClock, policies: [] })
})
const engine = createSyncEngine({
  db,
  clock: systemClock,
  client: () => client,
  onProgress: (event) => {
    if (event.type === 'resource') console.log(`page ${event.resource} ${event.pages}`)
  }
})
const result = await engine.sync()
console.log(`done ${result.status}`)
db.close()
