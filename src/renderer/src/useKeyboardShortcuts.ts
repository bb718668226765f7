import { useEffect } from 'react'
import { dashboardRanges, type DashboardRange } from '../../shared/dashboard'

/** Every shortcut of the app, as the shortcuts help lists them. */
export const shortcuts = [
  { keys: '1 – 6', action: 'Choose the dashboard’s range (1W, 1M, 3M, 6M, 1Y, All)', where: 'Dashboard' },
  { keys: '← → ↑ ↓', action: 'Move to the next or previous range, in the range picker', where: 'Dashboard' },
  { keys: '[ ]', action: 'Show the days before, or after, as Earlier and Later do', where: 'Dashboard' },
  { keys: 'Enter', action: 'Open the day a focused chart shows (as a click on it does)', where: 'Dashboard, Trends' },
  { keys: '← →', action: 'Go to the previous or next day', where: 'Day' },
  { keys: 'S', action: 'Sync now', where: 'Everywhere' },
  { keys: '?', action: 'Show these shortcuts', where: 'Everywhere' },
  { keys: 'Esc', action: 'Close this list, or cancel a question', where: 'Everywhere' }
] as const

/**
 * `1`–`6` pick a range and `[` `]` walk it in time (on the dashboard only, `onRange` and `onStep`
 * absent elsewhere), `S` syncs, `?` shows the shortcuts; ignored while the person types in a field.
 */
export function useKeyboardShortcuts(handlers: {
  onRange?: (range: DashboardRange) => void
  onStep?: (direction: 'back' | 'forward') => void
  onSync: () => void
  onHelp: () => void
}) {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey) return
      const target = event.target as HTMLElement | null
      if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      const index = Number(event.key) - 1
      if (Number.isInteger(index) && index >= 0 && index < dashboardRanges.length) handlers.onRange?.(dashboardRanges[index])
      else if (event.key.toLowerCase() === 's') handlers.onSync()
      else if (event.key === '?') handlers.onHelp()
      else if (event.key === '[') handlers.onStep?.('back')
      else if (event.key === ']') handlers.onStep?.('forward')
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [handlers])
}
