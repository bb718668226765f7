export type ActivityKind = 'connect' | 'disconnect' | 'sync' | 'export' | 'import' | 'delete' | 'demo'

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
  whoop: { reachable: boolean; detail: string }
  /** What WHOOP's last answer said about the rate limit, if there was one. */
  rateLimit: { limit: number; remaining: number; resetsAt: string } | null
  logsFolder: string
}
