import { useEffect } from 'react'
import type { Settings } from '../../shared/settings'

/** Puts the chosen theme on <html>; with `system` the stylesheet follows `prefers-color-scheme`. */
export function useTheme(theme: Settings['theme'] | undefined): void {
  useEffect(() => {
    if (theme && theme !== 'system') document.documentElement.dataset.theme = theme
    else delete document.documentElement.dataset.theme
  }, [theme])
}
