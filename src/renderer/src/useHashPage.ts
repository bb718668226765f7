import { useEffect, useState } from 'react'

const pageNames = ['dashboard', 'day', 'trends', 'insights', 'compare', 'report', 'data', 'settings'] as const
export type PageName = (typeof pageNames)[number]

/** The page named in the URL's hash and what follows it (`#/day/2024-06-24` → day, ['2024-06-24']). */
export interface HashPage {
  page: PageName
  params: string[]
}

function pageFromHash(): HashPage {
  const [name, ...params] = window.location.hash.replace(/^#\/?/, '').split('/')
  return (pageNames as readonly string[]).includes(name) ? { page: name as PageName, params } : { page: 'dashboard', params: [] }
}

/** The page in the URL's hash, so reloads, bookmarks and the back button keep the person where they were. */
export function useHashPage(): HashPage {
  const [page, setPage] = useState(pageFromHash)
  useEffect(() => {
    const onChange = () => setPage(pageFromHash())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return page
}

/** Moves to a page, as a link would (so the back button returns). */
export function openPage(...parts: string[]): void {
  window.location.hash = `#/${parts.join('/')}`
}
