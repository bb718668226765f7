import type { Database } from 'better-sqlite3'

export interface ActiveAccount {
  userId: number
  isDemo: boolean
}

/**
 * Which account the app shows and syncs: the most recently connected WHOOP account, or the demo
 * account when no real one exists.
 */
export function createAccountQueries(db: Database) {
  const latest = db.prepare<[], { user_id: number; is_demo: number }>(
    'SELECT user_id, is_demo FROM account ORDER BY is_demo ASC, connected_at DESC, user_id LIMIT 1'
  )
  const latestReal = db.prepare<[], { user_id: number }>(
    'SELECT user_id FROM account WHERE is_demo = 0 ORDER BY connected_at DESC, user_id LIMIT 1'
  )
  return {
    shown(): ActiveAccount | undefined {
      const row = latest.get()
      return row && { userId: row.user_id, isDemo: row.is_demo === 1 }
    },
    /** The real account that syncs with WHOOP, if any. */
    connected(): number | undefined {
      return latestReal.get()?.user_id
    }
  }
}

export type AccountQueries = ReturnType<typeof createAccountQueries>
