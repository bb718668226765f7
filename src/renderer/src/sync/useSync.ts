import { useCallback, useEffect, useRef, useState } from 'react'
import type { BackfillEstimate, SyncOptions, SyncProgress, SyncResource, SyncRunResult, SyncStatus } from '../../../shared/sync'
import { api } from '../api'

export interface LiveProgress {
  resource?: SyncResource
  pages: number
  records: number
  /** How far back in time the sync has read (ISO). */
  reachedBack?: string
  /** While the sync waits for WHOOP's rate limit: until when (epoch ms, as the app's clock tells it). */
  waitingUntil?: number
  /** While a history downloads for the first time: about how much is left. */
  estimate?: BackfillEstimate
}

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

  const refresh = useCallback(() => api.getSyncStatus().then((next) => next.ok && setStatus(next.value)), [])

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
      if (event.type === 'started') {
        // A sync started elsewhere (on connecting, at launch) supersedes one that could not start.
        setError(undefined)
        setProgress({ pages: 0, records: 0 })
      }
      if (event.type === 'resource') {
        setProgress((current) => ({
          resource: event.resource,
          pages: event.pages,
          records: event.records,
          reachedBack: event.reachedBack && (!current?.reachedBack || event.reachedBack < current.reachedBack) ? event.reachedBack : current?.reachedBack,
          estimate: event.estimate ?? current?.estimate
        }))
        storedNow()
      }
      if (event.type === 'waiting') setProgress((current) => ({ pages: 0, records: 0, ...current, waitingUntil: event.until ?? undefined }))
      if (event.type === 'finished') {
        clearTimeout(state.timer)
        state.timer = undefined
        setProgress(undefined)
        setResult(event.result)
        void refresh()
        onStored()
      }
    })
    return () => {
      stop()
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
