import { useCallback, useEffect, useState } from 'react'
import type { DashboardData, DashboardRange } from '../../../shared/dashboard'
import { api } from '../api'
import { rangeFromAddress } from '../useDashboardRange'

/** The first range's data is asked for as soon as this code runs, while React is still starting. */
let earlyLoad: { range: DashboardRange; result: ReturnType<typeof api.getDashboard> } | undefined = {
  range: rangeFromAddress(),
  result: api.getDashboard({ range: rangeFromAddress() })
}

/** The dashboard's data for a range, fetched again whenever `reload` is called (after a sync). */
export function useDashboard(range: DashboardRange) {
  const [data, setData] = useState<DashboardData | null>()
  const [error, setError] = useState<string>()
  const [version, setVersion] = useState(0)

  useEffect(() => {
    let current = true
    const load = earlyLoad?.range === range && version === 0 ? earlyLoad.result : api.getDashboard({ range })
    earlyLoad = undefined
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
