import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { makeTempDir } from '../../support/harness/tempDir'

/*
 * A restore runs in the import worker, so the core keeps answering the page meanwhile. Left out of
 * mutation runs, which import on the test's own thread (see vitest.mutation.config.mts).
 */

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('restoring a large backup', () => {
  it('runs off the main thread: the app keeps answering while it reads, checks and writes', async () => {
    harness = await startCoreHarness()
    await harness.call('loadDemoData')
    const file = path.join(makeTempDir(), 'demo.json')
    harness.files.exportTo = file
    const exported = await harness.call('exportData', { format: 'json' })
    harness.core.database.prepare('DELETE FROM cycle').run()
    harness.files.importFrom = file

    let settled = false
    const restore = harness.call('importData', { kind: 'json-backup' }).finally(() => (settled = true))
    const latencies: number[] = []
    while (!settled) {
      const asked = performance.now()
      await harness.call('getSyncStatus')
      latencies.push(performance.now() - asked)
      // Yield to timers and I/O too, the way the page's requests arrive.
      await new Promise((resolve) => setImmediate(resolve))
    }
    const restored = await restore
    expect(restored).toMatchObject({ imported: true, added: expect.any(Number) })
    console.log(
      `restore of ${exported.records} records (${(exported.bytes / 1024 / 1024).toFixed(1)} MiB): ` +
        `${latencies.length} API calls answered meanwhile, slowest ${Math.max(...latencies).toFixed(1)} ms`
    )
    // Done in the same thread, the restore would have answered no call before it finished.
    expect(latencies.length).toBeGreaterThan(10)
  })
})
