import { useCallback, useEffect, useRef, useState } from 'react'
import { followProgress, type LiveProgress, type SyncProgress, type SyncRunResult, type SyncStatus } from '../../../shared/sync'
import type { SyncOptions } from '../../../shared/syncOptions'
import { api } from '../api'

/** How often at most the dashboard is redrawn while a sync stores pages. */
const REDRAW_EVERY_MS = 1000

/**
 * The sync as the page sees it: status, live progress while one runs, and the last result.
 * `onStored` is called as pages are stored (at most once a second, and once more after the last
 * of them) and when the sync ends, so the dashboard fills in while the history downloads.
 */
export function useSync(onStored: () => void) {
  const [status, setStatus] = useState<SyncStatus>()
  const [progress, setProgress] = useState<LiveProgress>()
  const [result, setResult] = useState<SyncRunResult>()
  const [error, setError] = useState<string>()

  // A page that loads while a sync runs (one started at launch, waiting for WHOOP's rate limit) has
  // missed its events: the status says where it has got to, unless an event came since it was asked.
  const events = useRef(0)
  const refresh = useCallback(() => {
    const asked = events.current
    return api.getSyncStatus().then((next) => {
      if (!next.ok) return
      setStatus(next.value)
      const caughtUp = next.value.progress
      if (caughtUp && events.current === asked) setProgress((current) => current ?? caughtUp)
    })
  }, [])

  const redraw = useRef<{ last: number; timer?: ReturnType<typeof setTimeout> }>({ last: 0 })
  useEffect(() => {
    void refresh()
    const state = redraw.current
    const storedNow = () => {
      if (state.timer) return
      const wait = Math.max(0, state.last + REDRAW_EVERY_MS - performance.now())
      state.timer = setTimeout(() => {
        state.timer = undefined
        state.last = performance.now()
        onStored()
      }, wait)
    }
    const stop = api.onSyncProgress((event: SyncProgress) => {
      events.current++
      setProgress((current) => followProgress(current, event))
      // A sync started elsewhere (on connecting, at launch) supersedes one that could not start.
      if (event.type === 'started') setError(undefined)
      if (event.type === 'resource') storedNow()
      if (event.type === 'finished') {
        clearTimeout(state.timer)
        state.timer = undefined
        setResult(event.result)
        void refresh()
        onStored()
      }
    })
    const stopSchedule = api.onSyncSchedule((schedule) => setStatus((current) => current && { ...current, schedule }))
    return () => {
      stop()
      stopSchedule()
      clearTimeout(state.timer)
    }
  }, [refresh, onStored])

  const start = useCallback(async (options: SyncOptions = {}) => {
    setError(undefined)
    setProgress({ pages: 0, records: 0 })
    const outcome = await api.syncNow(options)
    if (!outcome.ok) {
      setProgress(undefined)
      setError(outcome.error.message)
    }
  }, [])

  const cancel = useCallback(() => void api.cancelSync(), [])

  return { status, progress, result, error, start, cancel, refresh }
}

export type SyncState = ReturnType<typeof useSync>
