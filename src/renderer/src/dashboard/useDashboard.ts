import { useCallback, useEffect, useState } from 'react'
import type { DashboardData, DashboardRange } from '../../../shared/dashboard'
import { api } from '../api'
import { takePrefetchedDashboard } from './prefetchDashboard'

/** The dashboard's data for a range, fetched again whenever `reload` is called (after a sync). */
export function useDashboard(range: DashboardRange) {
  const [data, setData] = useState<DashboardData | null>()
  const [error, setError] = useState<string>()
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    const load = (version === 0 && takePrefetchedDashboard(range)) || api.getDashboard({ range })
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
  }, [range, version])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, error, reload }
}
