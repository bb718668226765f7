import { api } from '../api'
import { viewFromAddress, type DashboardView } from '../useDashboardView'

/**
 * The data of the view the page opens on, requested as soon as this module runs: `main.tsx`
 * imports it before anything else, so the request travels while React and the charts' code are
 * still being evaluated.
 */
const openingView = viewFromAddress()
let prefetched: { view: DashboardView; result: ReturnType<typeof api.getDashboard> } | undefined = {
  view: openingView,
  result: api.getDashboard(queryOf(openingView))
}

/** The API's query for a view. */
export function queryOf({ range, until }: DashboardView) {
  return until ? { range, until } : { range }
}

/** The prefetched data if it is for `view`; only once, as later loads must see newer data. */
export function takePrefetchedDashboard({ range, until }: DashboardView): ReturnType<typeof api.getDashboard> | undefined {
  const taken = prefetched?.view.range === range && prefetched.view.until === until ? prefetched.result : undefined
  prefetched = undefined
  return taken
}
