import { useCallback, useState } from 'react'
import { dashboardRanges, type DashboardRange } from '../../shared/dashboard'

export const rangeFromAddress = (): DashboardRange => {
  const named = /^#\/dashboard\/([a-z0-9]+)$/.exec(window.location.hash)?.[1]
  return (dashboardRanges as readonly string[]).includes(named ?? '') ? (named as DashboardRange) : '1m'
}

/** The dashboard's range, kept in the address (`#/dashboard/1y`) so a reload or a bookmark keeps it. */
export function useDashboardRange(): [DashboardRange, (range: DashboardRange) => void] {
  const [range, setRange] = useState(rangeFromAddress)
  const choose = useCallback((next: DashboardRange) => {
    setRange(next)
    if (window.location.hash.startsWith('#/dashboard') || window.location.hash === '') {
      history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/dashboard/${next}`)
    }
  }, [])
  return [range, choose]
}
