import { useCallback, useEffect, useState } from 'react'
import type { SyncOptions, SyncProgress, SyncRunResult, SyncStatus } from '../../../shared/sync'
import { api } from '../api'

export interface LiveProgress {
  resource?: string
  pages: number
  records: number
  waitingUntil?: number
}

/** The sync as the page sees it: status, live progress while one runs, and the last result. */
export function useSync(onFinished: () => void) {
  const [status, setStatus] = useState<SyncStatus>()
  const [progress, setProgress] = useState<LiveProgress>()
  const [result, setResult] = useState<SyncRunResult>()
  const [error, setError] = useState<string>()

  const refresh = useCallback(async () => {
    const next = await api.getSyncStatus()
    if (next.ok) setStatus(next.value)
  }, [])

  useEffect(() => {
    void refresh()
    return api.onSyncProgress((event: SyncProgress) => {
      if (event.type === 'started') setProgress({ pages: 0, records: 0 })
      if (event.type === 'resource') setProgress({ resource: event.resource, pages: event.pages, records: event.records })
      if (event.type === 'waiting') setProgress((current) => ({ pages: 0, records: 0, ...current, waitingUntil: event.until }))
      if (event.type === 'finished') {
        setProgress(undefined)
        setResult(event.result)
        void refresh()
        onFinished()
      }
    })
  }, [refresh, onFinished])

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
