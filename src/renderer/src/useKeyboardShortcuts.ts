import { useEffect } from 'react'
import { dashboardRanges, type DashboardRange } from '../../shared/dashboard'

/** `1`–`6` pick a range, `S` syncs; ignored while the person types in a field. */
export function useKeyboardShortcuts(handlers: { onRange: (range: DashboardRange) => void; onSync: () => void }) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as HTMLElement | null
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      const index = Number(event.key) - 1
      if (Number.isInteger(index) && index >= 0 && index < dashboardRanges.length) handlers.onRange(dashboardRanges[index])
      else if (event.key.toLowerCase() === 's') handlers.onSync()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [handlers])
}
