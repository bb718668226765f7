import type { Database } from 'better-sqlite3'
import type { ApiHandlers, EmitApiEvent } from '../../shared/api'
import { loopbackRedirectUri, type ConnectionStatus, type DeepLinkSupport } from '../../shared/connection'
import { AppError } from '../api/apiErrors'
import type { Clock } from '../clock'
import type { SettingsStore } from '../settings/settingsStore'
import type { ActivityLog } from '../store/activityLog'
import type { WhoopEndpoints } from '../whoop/whoopEndpoints'
import { createSignInFlow } from './signIn'
import type { TokenVault } from './tokenVault'
import { createWhoopConnection } from './whoopConnection'

export interface ConnectionDeps {
  db: Database
  vault: TokenVault
  settings: SettingsStore
  endpoints: WhoopEndpoints
  clock: Clock
  fetch?: typeof fetch
  openExternal?: (url: string) => Promise<void>
  deepLinks: DeepLinkSupport
  activity: ActivityLog
  emit: EmitApiEvent
  logError: (message: string, error?: unknown) => void
  /** A member was just connected: their first sync starts. */
  onConnected: () => void
  /** Stops a running sync (before the tokens it uses are forgotten). */
  stopSync: () => void
  /** Deletes the database's backups (when the account's data is deleted): how many there were. */
  deleteBackups: () => number
}

/**
 * Connecting a WHOOP account: the sign-in (code + PKCE, in the person's browser), the connection it
 * makes, disconnecting, and the connection's state, which the page is told whenever it changes.
 */
export function createConnectionFeature(deps: ConnectionDeps) {
  const { vault, settings, activity } = deps
  const status = (): ConnectionStatus => ({
    ...connection.status(signIn.status(), deps.deepLinks),
    loopbackRedirectUri: loopbackRedirectUri(settings.get().loopbackPort)
  })
  let announced = ''
  /** Tells the page the connection's state, when it differs from what it was last told. */
  const announce = () => {
    const current = status()
    if (JSON.stringify(current) === announced) return
    announced = JSON.stringify(current)
    deps.emit('onConnectionChanged', current)
  }

  const connection = createWhoopConnection({ db: deps.db, vault, endpoints: deps.endpoints, clock: deps.clock, fetch: deps.fetch, onChange: announce })
  const signIn = createSignInFlow({
    endpoints: deps.endpoints,
    clock: deps.clock,
    fetch: deps.fetch,
    openExternal: deps.openExternal,
    loopbackPort: () => settings.get().loopbackPort,
    logError: deps.logError,
    onApproved: async (credentials, tokens) => {
      const account = await connection.connect(credentials, tokens)
      deps.onConnected()
      return account
    },
    onOutcome: (outcome) => {
      activity.record(
        'connect',
        outcome.ok,
        // The activity log outlives a deletion of the data: it never names the member.
        outcome.ok ? 'Connected to WHOOP.' : `Sign-in failed: ${outcome.message}`
      )
      deps.emit('onSignInOutcome', outcome)
    }
  })

  const handlers: Pick<ApiHandlers, 'getConnection' | 'startSignIn' | 'completeSignIn' | 'cancelSignIn' | 'disconnect'> = {
    getConnection: status,
    startSignIn: ({ clientId, clientSecret, redirect }) => {
      const stored = vault.credentials()
      const secret = clientSecret ?? (stored?.clientId === clientId ? stored.clientSecret : undefined)
      if (!secret) throw new AppError('invalid-argument', 'Enter the Client Secret of your WHOOP app.')
      return signIn.start({ clientId, clientSecret: secret }, redirect)
    },
    completeSignIn: ({ url }) => signIn.complete(url.trim()),
    cancelSignIn: () => signIn.cancel(),
    disconnect: async ({ deleteData }) => {
      deps.stopSync()
      const result = await connection.disconnect(deleteData, deps.deleteBackups)
      activity.record('disconnect', true, result.message)
      return result
    }
  }
  return { connection, signIn, announce, handlers }
}

export type ConnectionFeature = ReturnType<typeof createConnectionFeature>
