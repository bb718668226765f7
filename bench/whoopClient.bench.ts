import { PAGE_SIZE } from '../src/main/whoop/whoopClient'
import { collectionNames } from '../src/main/whoop/whoopSchemas'
import { startFakeWhoop } from '../test/support/fakeWhoop/fakeWhoopServer'
import { createVirtualClock } from '../test/support/harness/virtualClock'
import { clientForFake } from '../test/support/fakeWhoop/whoopTestClient'
import { report } from './report'

/** Requests the client needs to walk five years of each collection, against ceil(N/25). */
export async function benchCollectionWalk(): Promise<void> {
  const clock = createVirtualClock()
  const fake = await startFakeWhoop({ clock, days: 5 * 365 + 1, rateLimit: false })
  try {
    const { client } = clientForFake(fake, clock)
    for (const name of collectionNames) {
      const before = fake.apiRequests().length
      const started = performance.now()
      let records = 0
      for await (const page of client.pages(name)) records += page.records.length
      const elapsedMs = performance.now() - started
      const requests = fake.apiRequests().length - before
      report('collection-walk-requests', requests, 'requests', {
        collection: name,
        records,
        minimum: Math.ceil(records / PAGE_SIZE),
        elapsedMs: Math.round(elapsedMs)
      })
    }
  } finally {
    await fake.close()
  }
}
