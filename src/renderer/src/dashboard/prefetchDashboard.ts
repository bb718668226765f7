import type { DashboardRange } from '../../../shared/dashboard'
import { api } from '../api'
import { rangeFromAddress } from '../useDashboardRange'

/**
 * The data of the range the page opens on, requested as soon as this module runs: `main.tsx`
 * imports it before anything else, so the request travels while React and the charts' code are
 * still being evaluated.
 */
const openingRange = rangeFromAddress()
let prefetched: { range: DashboardRange; result: ReturnType<typeof api.getDashboard> } | undefined = {
  range: openingRange,
  result: api.getDashboard({ range: openingRange })
}

/** The prefetched data if it is for `range`; only once, as later loads must see newer data. */
export function takePrefetchedDashboard(range: DashboardRange): ReturnType<typeof api.getDashboard> | undefined {
  const taken = prefetched?.range === range ? prefetched.result : undefined
  prefetched = undefined
  return taken
}
