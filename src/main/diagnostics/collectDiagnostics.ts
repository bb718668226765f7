import fs from 'node:fs'
import type { Database } from 'better-sqlite3'
import type { Diagnostics } from '../../shared/diagnostics'
import type { WhoopConnection } from '../auth/whoopConnection'
import type { TokenVault } from '../auth/tokenVault'
import { schemaVersionOf } from '../database/openDatabase'
import type { WhoopEndpoints } from '../whoop/whoopEndpoints'

export interface DiagnosticsSources {
  db: Database
  databaseFile: string
  vault: TokenVault
  connection: WhoopConnection
  endpoints: WhoopEndpoints
  logsFolder: string
  fetch: typeof fetch
  now: number
  /** Whether to ask WHOOP's API for an answer: only when the person asked for that check. */
  reachWhoop: boolean
}

/**
 * Checks the app's health for a bug report: the database, the sign-in (never its tokens), and, when
 * asked, whether WHOOP answers. Nothing leaves the computer unless `reachWhoop`.
 */
export async function collectDiagnostics(sources: DiagnosticsSources): Promise<Diagnostics> {
  const { db, vault, connection } = sources
  const tokens = vault.tokens()
  const storage = vault.status()
  const budget = connection.rateBudget()
  const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : 0)
  return {
    database: {
      integrity: String(db.pragma('integrity_check', { simple: true })),
      bytes: size(sources.databaseFile) + size(`${sources.databaseFile}-wal`),
      schemaVersion: schemaVersionOf(db),
      file: sources.databaseFile
    },
    token: {
      state: connection.status({ pending: false }, { reachesApp: false }).state,
      expiresAt: tokens ? new Date(tokens.expiresAt).toISOString() : null,
      hasRefreshToken: tokens?.refreshToken !== undefined,
      storageBackend: storage.backend,
      persistent: storage.persistent
    },
    whoop: sources.reachWhoop ? await whoopReachability(sources) : null,
    rateLimit: budget
      ? { limit: budget.limit, remaining: budget.remaining, resetsAt: new Date(budget.resetsAt).toISOString(), expired: budget.resetsAt <= sources.now }
      : null,
    dailyRequests: connection.dailyRequests(),
    logsFolder: sources.logsFolder
  }
}

/** Any HTTP answer from WHOOP's API (a 401 without a token included) means it can be reached. */
async function whoopReachability({ endpoints, fetch }: DiagnosticsSources): Promise<Diagnostics['whoop']> {
  try {
    const response = await fetch(`${endpoints.apiBaseUrl}/v2/user/profile/basic`, { signal: AbortSignal.timeout(10_000) })
    return { reachable: true, detail: `${new URL(endpoints.apiBaseUrl).host} answered (HTTP ${response.status}).` }
  } catch (error) {
    return { reachable: false, detail: `${new URL(endpoints.apiBaseUrl).host} could not be reached (${error instanceof Error ? error.message : error}).` }
  }
}
