import { useCallback, useEffect, useState } from 'react'
import type { DashboardData } from '../../../shared/dashboard'
import { api } from '../api'
import type { DashboardView } from '../useDashboardView'
import { openingDashboard, queryOf, useOpening } from '../openingRequests'

/**
 * The dashboard's data for a view, fetched again whenever `reload` is called (after a sync);
 * `version` counts the reloads, for what else the page shows of the same data.
 */
export function useDashboard({ range, until }: DashboardView) {
  const { arrived, takeUnused } = useOpening(() => openingDashboard({ range, until }))
  const [data, setData] = useState<DashboardData | null | undefined>(arrived?.ok ? arrived.value : undefined)
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    void (takeUnused() ?? api.getDashboard(queryOf({ range, until }))).then((result) => {
      // A failed read keeps what is shown (a sync or an import that failed says so itself).
      if (current && result.ok) setData(result.value)
    })
    return () => {
      current = false
    }
  }, [range, until, version, takeUnused])

  const reload = useCallback(() => setVersion((v) => v + 1), [])
  return { data, reload, version }
}
