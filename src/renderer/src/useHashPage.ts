import { useEffect, useState } from 'react'

export const pageNames = ['dashboard', 'data', 'settings'] as const
export type PageName = (typeof pageNames)[number]

function pageFromHash(): PageName {
  const name = window.location.hash.replace(/^#\/?/, '').split('/')[0]
  return (pageNames as readonly string[]).includes(name) ? (name as PageName) : 'dashboard'
}

/** The page named in the URL's hash, so reloads and the back button keep the person where they were. */
export function useHashPage(): PageName {
  const [page, setPage] = useState(pageFromHash)
  useEffect(() => {
    const onChange = () => setPage(pageFromHash())
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return page
}
