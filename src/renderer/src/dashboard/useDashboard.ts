import { useCallback, useEffect, useState } from 'react'
import type { DashboardData } from '../../../shared/dashboard'
import { api } from '../api'
import type { DashboardView } from '../useDashboardView'
import { queryOf, takePrefetchedDashboard } from './prefetchDashboard'

/**
 * The dashboard's data for a view, fetched again whenever `reload` is called (after a sync);
 * `version` counts the reloads, for what else the page shows of the same data.
 */
export function useDashboard({ range, until }: DashboardView) {
  const [data, setData] = useState<DashboardData | null>()
  const [error, setError] = useState<string>()
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    const view = { range, until }
    const load = (version === 0 && takePrefetchedDashboard(view)) || api.getDashboard(queryOf(view))
    void load.then((result) => {
      if (!current) return
      if (result.ok) {
        setData(result.value)
        setError(undefined)
      } else {
        setError(result.error.message)
      }
    })
    return () => {
      current = false
    }
  }, [range, until, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, reload, version }
}
