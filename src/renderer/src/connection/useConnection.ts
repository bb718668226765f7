import { useCallback, useEffect, useState } from 'react'
import type { ConnectionStatus, SignInOutcome } from '../../../shared/connection'
import { api } from '../api'

/** The WHOOP connection as the main process sees it, refreshed whenever a sign-in ends. */
export function useConnection() {
  const [status, setStatus] = useState<ConnectionStatus>()
  const [lastOutcome, setLastOutcome] = useState<SignInOutcome>()

  const refresh = useCallback(async () => {
    const result = await api.getConnection()
    if (result.ok) setStatus(result.value)
  }, [])

  useEffect(() => {
    void refresh()
    return api.onSignInOutcome((outcome) => {
      setLastOutcome(outcome)
      void refresh()
    })
  }, [refresh])

  return { status, lastOutcome, setLastOutcome, refresh }
}

export type ConnectionState = ReturnType<typeof useConnection>
