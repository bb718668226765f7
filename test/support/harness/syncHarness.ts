import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { openDatabase } from '../../../src/main/database/openDatabase'
import type { SyncProgress } from '../../../src/shared/sync'
import { createSyncEngine, type SyncEngineOptions } from '../../../src/main/sync/syncEngine'
import type { WhoopClientOptions } from '../../../src/main/whoop/whoopClient'
import { startFakeWhoop, type FakeWhoop, type FakeWhoopOptions } from '../fakeWhoop/fakeWhoopServer'
import { makeTempDir } from './tempDir'
import { createVirtualClock, type VirtualClock } from './virtualClock'
import { clientForFake } from '../fakeWhoop/whoopTestClient'

export interface SyncHarness {
  fake: FakeWhoop
  clock: VirtualClock
  db: Database
  dbFile: string
  engine: ReturnType<typeof createSyncEngine>
  progress: SyncProgress[]
  close(): Promise<void>
}

/** A fake WHOOP, a real SQLite file and a sync engine between them, on one simulated clock. */
export async function startSyncHarness(
  options: { fake?: FakeWhoopOptions; client?: Partial<Omit<WhoopClientOptions, 'tokens'>>; engine?: Partial<SyncEngineOptions>; dbFile?: string } = {}
): Promise<SyncHarness> {
  const clock = createVirtualClock()
  const fake = await startFakeWhoop({ clock, rateLimit: false, ...options.fake })
  const dbFile = options.dbFile ?? path.join(makeTempDir(), 'whoop-desktop.sqlite')
  const db = openDatabase(dbFile)
  const { client } = clientForFake(fake, clock, options.client)
  const progress: SyncProgress[] = []
  const engine = createSyncEngine({
    db,
    clock,
    client: () => client,
    onProgress: (event) => progress.push(event),
    ...options.engine
  })
  return {
    fake,
    clock,
    db,
    dbFile,
    engine,
    progress,
    close: async () => {
      db.close()
      await fake.close()
    }
  }
}

export { expectedCounts, fakeRecords, storedRecords, tableCounts } from './storeSnapshots'
