import { useCallback, useEffect, useState } from 'react'
import { dashboardRanges, type DashboardRange } from '../../shared/dashboard'

/** What the dashboard shows: a range, ending today or on the day the person chose (`until`). */
export interface DashboardView {
  range: DashboardRange
  until: string | null
}

const addressPattern = /^#\/dashboard\/([a-z0-9]+)(?:\/(\d{4}-\d{2}-\d{2}))?$/

export const viewFromAddress = (): DashboardView => {
  const [, named, until] = addressPattern.exec(window.location.hash) ?? []
  const range = (dashboardRanges as readonly string[]).includes(named ?? '') ? (named as DashboardRange) : '1m'
  return { range, until: until ?? null }
}

const addressOf = ({ range, until }: DashboardView) => `#/dashboard/${range}${until ? `/${until}` : ''}`

/**
 * The dashboard's view, kept in the address (`#/dashboard/1y`, or `#/dashboard/1m/2024-06-24` for
 * the month up to that day) so a reload or a bookmark keeps it, and a link to such an address opens it.
 */
export function useDashboardView() {
  const [view, setView] = useState(viewFromAddress)
  useEffect(() => {
    const follow = () => {
      if (addressPattern.test(window.location.hash)) setView(viewFromAddress())
    }
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  const show = useCallback((change: (current: DashboardView) => DashboardView) => {
    setView((current) => {
      const next = change(current)
      if (window.location.hash.startsWith('#/dashboard') || window.location.hash === '') {
        history.replaceState(null, '', `${window.location.pathname}${window.location.search}${addressOf(next)}`)
      }
      return next
    })
  }, [])
  const chooseRange = useCallback((range: DashboardRange) => show((current) => ({ ...current, range })), [show])
  const chooseUntil = useCallback((until: string | null) => show((current) => ({ ...current, until })), [show])
  return { view, chooseRange, chooseUntil }
}
