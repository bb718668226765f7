import type { Database } from 'better-sqlite3'
import { missingScopes, type ConnectedAccount, type ConnectionStatus, type DeepLinkSupport, type DisconnectResult } from '../../shared/connection'
import type { Clock } from '../clock'
import { adoptImportedHistory } from '../exchange/importWhoopExport'
import { forgetNames, leaveNoTrace } from '../store/deletion'
import { createRecordStore } from '../store/recordStore'
import { createRateLimiter } from '../whoop/rateLimiter'
import { createTokenSession, type TokenSet } from '../whoop/tokenSession'
import { createWhoopClient, type WhoopClient } from '../whoop/whoopClient'
import type { WhoopEndpoints } from '../whoop/whoopEndpoints'
import { ReconnectNeededError } from '../whoop/whoopErrors'
import { refreshWhoopTokens, whoopOAuthConfiguration, type WhoopAppCredentials } from '../whoop/whoopOAuth'
import type { TokenVault } from './tokenVault'

export interface WhoopConnectionOptions {
  db: Database
  vault: TokenVault
  endpoints: WhoopEndpoints
  clock: Clock
  fetch?: typeof fetch
  /** Told whenever the connection's state may have changed, to show it to the person at once. */
  onChange: () => void
}

/**
 * The connected WHOOP account: the client that talks to WHOOP with the vault's tokens (and saves
 * every rotated pair there before it is used), the account's identity, and disconnecting.
 */
export function createWhoopConnection(options: WhoopConnectionOptions) {
  const { db, vault, clock } = options
  const records = createRecordStore(db)
  // One limiter for the app: WHOOP's limits are per app, whatever client is in use.
  const rateLimiter = createRateLimiter({ clock })
  const accountOf = db.prepare<[], { user_id: number; email: string; first_name: string; last_name: string }>(`
    SELECT a.user_id, p.email, p.first_name, p.last_name FROM account a JOIN profile p ON p.user_id = a.user_id
     WHERE a.is_demo = 0 ORDER BY a.connected_at DESC, a.user_id LIMIT 1`)
  const deleteAccount = db.prepare('DELETE FROM account WHERE user_id = ?')
  const deleteRuns = db.prepare('DELETE FROM sync_run WHERE user_id = ?')
  const reconnectAt = db.prepare('UPDATE account SET connected_at = ? WHERE user_id = ?')
  let client: WhoopClient | undefined
  let reconnectNeeded = false
  let finishing: ConnectionStatus['finishing']
  // Tokens kept by an older version from a partial grant cannot sync either.
  const refused = () => reconnectNeeded || missingScopes(vault.tokens()?.scope).length > 0

  function clientFor(credentials: WhoopAppCredentials, tokens: TokenSet): WhoopClient {
    const oauth = whoopOAuthConfiguration(options.endpoints, credentials, options.fetch)
    return createWhoopClient({
      apiBaseUrl: options.endpoints.apiBaseUrl,
      fetch: options.fetch,
      clock,
      rateLimiter,
      tokens: createTokenSession({
        tokens,
        refresh: async (refreshToken) => {
          try {
            return await refreshWhoopTokens(oauth, refreshToken, clock)
          } catch (error) {
            if (error instanceof ReconnectNeededError) {
              reconnectNeeded = true
              options.onChange()
            }
            throw error
          }
        },
        persist: (next) => vault.saveTokens(next),
        clock
      })
    })
  }

  const account = (): ConnectedAccount | undefined => {
    const row = accountOf.get()
    return row && { userId: row.user_id, email: row.email, firstName: row.first_name, lastName: row.last_name }
  }

  return {
    /** The client for the connected account, or undefined when there is none usable. */
    client(): WhoopClient | undefined {
      if (client) return client
      const credentials = vault.credentials()
      const tokens = vault.tokens()
      if (!credentials || !tokens || refused()) return undefined
      client = clientFor(credentials, tokens)
      return client
    },

    /** A sign-in succeeded: keep the tokens, then fetch and store who signed in (once: the first sync uses it). */
    async connect(credentials: WhoopAppCredentials, tokens: TokenSet): Promise<ConnectedAccount> {
      await vault.saveConnection(credentials, tokens)
      reconnectNeeded = false
      client = clientFor(credentials, tokens)
      // The page says the sign-in is being finished, and when a rate-limit wait ends.
      finishing = {}
      options.onChange()
      const stopWaiting = rateLimiter.onWait((until) => {
        finishing = until === null ? {} : { waitingUntil: until }
        options.onChange()
      })
      const profile = await client.getProfile().finally(() => {
        stopWaiting()
        finishing = undefined
        options.onChange()
      })
      const now = new Date(clock.now()).toISOString()
      records.saveProfile(profile, now)
      reconnectAt.run(now, profile.user_id)
      adoptImportedHistory(db, profile.user_id)
      // The body measurement comes with the first sync, which starts now.
      return { userId: profile.user_id, email: profile.email, firstName: profile.first_name, lastName: profile.last_name }
    },

    /** What WHOOP last said about the rate limit (the limiter is shared by every client). */
    rateBudget: () => rateLimiter.budget(),

    /** Requests this app sent WHOOP in the last 24 hours, against the daily limit. */
    dailyRequests: () => rateLimiter.daily(),

    /** Drops the client (its tokens are about to be deleted). */
    forget(): void {
      client = undefined
      reconnectNeeded = false
      options.onChange()
    },

    /** WHOOP refused the tokens for good (seen by a sync): the person has to connect again. */
    markReconnectNeeded(): void {
      reconnectNeeded = true
      client = undefined
      options.onChange()
    },

    status(signIn: ConnectionStatus['signIn'], deepLinks: DeepLinkSupport): Omit<ConnectionStatus, 'loopbackRedirectUri'> {
      const storage = vault.status()
      const hasTokens = vault.tokens() !== undefined
      const state = storage.unreadable || (refused() && hasTokens) ? 'reconnect-needed' : hasTokens ? 'connected' : 'not-connected'
      return {
        state,
        account: account(),
        clientId: vault.clientId(),
        hasClientSecret: vault.credentials() !== undefined,
        storage: { persistent: storage.persistent, backend: storage.backend, warning: storage.warning },
        signIn,
        ...(finishing ? { finishing } : {}),
        deepLinks
      }
    },

    /**
     * Asks WHOOP to revoke the app's access: true when it did, false when it could not be told,
     * null when there was no sign-in to revoke. The tokens are kept; the caller forgets them.
     */
    async revoke(): Promise<boolean | null> {
      const current = this.client()
      if (!current) return null
      try {
        await current.revokeAccess()
        return true
      } catch {
        return false
      }
    },

    /**
     * Revokes the app's access at WHOOP, forgets the tokens, and deletes the account's data if asked
     * (its backups too, with `deleteBackups`, which says how many there were). The local part
     * happens even when WHOOP cannot be reached; the result says so.
     */
    async disconnect(deleteData: boolean, deleteBackups: () => number = () => 0): Promise<DisconnectResult> {
      const revoked = (await this.revoke()) === true
      const connected = account()
      client = undefined
      reconnectNeeded = false
      await vault.forgetTokens()
      if (deleteData && connected) {
        db.transaction(() => {
          deleteRuns.run(connected.userId)
          deleteAccount.run(connected.userId)
          forgetNames(db)
        })()
        leaveNoTrace(db)
      }
      const dataDeleted = deleteData && connected !== undefined
      const backups = dataDeleted ? deleteBackups() : 0
      const deleted = backups ? `Your WHOOP data and its ${backups === 1 ? 'backup were' : `${backups} backups were`}` : 'Your WHOOP data was'
      options.onChange()
      return {
        revoked,
        dataDeleted,
        message: `${revoked ? 'WHOOP Desktop no longer has access to your WHOOP account.' : 'Disconnected here, but WHOOP could not be told (you can remove the app’s access in your WHOOP account settings).'} ${dataDeleted ? `${deleted} deleted from this computer.` : 'Your WHOOP data stays on this computer.'}`
      }
    }
  }
}

export type WhoopConnection = ReturnType<typeof createWhoopConnection>
