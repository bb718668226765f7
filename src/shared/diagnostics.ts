export type ActivityKind = 'connect' | 'disconnect' | 'sync' | 'export' | 'import' | 'delete' | 'demo' | 'backup'

export interface ActivityEntry {
  at: string
  kind: ActivityKind
  ok: boolean
  summary: string
}

/** What a bug report needs, without a single secret. */
export interface Diagnostics {
  database: { integrity: string; bytes: number; schemaVersion: number; file: string }
  /** The state of the sign-in, never the tokens themselves. */
  token: { state: string; expiresAt: string | null; hasRefreshToken: boolean; storageBackend: string; persistent: boolean }
  /** Whether WHOOP's API answers; `null` unless the person asked to check it. */
  whoop: { reachable: boolean; detail: string } | null
  /**
   * What WHOOP's last answer said about the rate limit, if there was one; `expired` once its window
   * has ended (the budget is full again).
   */
  rateLimit: { limit: number; remaining: number; resetsAt: string; expired: boolean } | null
  /** Requests this app sent WHOOP in the last 24 hours (since it started), against WHOOP's daily limit. */
  dailyRequests: { sent: number; limit: number }
  logsFolder: string
}
