import { useCallback, useEffect, useState } from 'react'
import type { ConnectionStatus, SignInOutcome } from '../../../shared/connection'
import { api } from '../api'

/** The WHOOP connection as the main process sees it, kept current by its change events. */
export function useConnection() {
  const [status, setStatus] = useState<ConnectionStatus>()
  const [lastOutcome, setLastOutcome] = useState<SignInOutcome>()

  const refresh = useCallback(() => api.getConnection().then((result) => result.ok && setStatus(result.value)), [])

  useEffect(() => {
    void refresh()
    const stopOutcomes = api.onSignInOutcome((outcome) => {
      setLastOutcome(outcome)
      void refresh()
    })
    // A sync that finds the sign-in refused, a disconnect elsewhere: shown at once, without a reload.
    const stopChanges = api.onConnectionChanged(setStatus)
    return () => {
      stopOutcomes()
      stopChanges()
    }
  }, [refresh])

  return { status, lastOutcome, setLastOutcome, refresh }
}

export type ConnectionState = ReturnType<typeof useConnection>
