import type { Database } from 'better-sqlite3'
import { openDatabaseReadOnly } from '../database/openDatabase'
import { createInsightQueries, type InsightQueries } from '../insights/insightQueries'
import { createAccountQueries } from '../store/accounts'
import { createHistorySummary, type HistorySummary } from '../store/historySummary'

export interface AssistantData {
  userId: number
  isDemo: boolean
  queries: InsightQueries
  summary: () => HistorySummary
  /** The first and last day with data. */
  history: { first: string; last: string }
}

/**
 * The person's data for the MCP server: the app's database opened read-only on first use (an
 * assistant may start before the app ever ran), with the same queries the app's pages use.
 */
export function createAssistantSource(databaseFile: string) {
  let opened: { db: Database; queries: InsightQueries; accounts: ReturnType<typeof createAccountQueries>; summary: ReturnType<typeof createHistorySummary> } | undefined

  return {
    read(): AssistantData {
      if (!opened) {
        const db = openDatabaseReadOnly(databaseFile)
        opened = { db, queries: createInsightQueries(db), accounts: createAccountQueries(db), summary: createHistorySummary(db) }
      }
      const { queries, accounts, summary } = opened
      const account = accounts.shown()
      const history = account && queries.daily.historyRange(account.userId)
      if (!account || !history) {
        throw new Error("WHOOP Desktop has no data yet. Open the app and connect your WHOOP account, import WHOOP's export, or load the demo data.")
      }
      return { userId: account.userId, isDemo: account.isDemo, queries, history, summary: () => summary(account.userId) }
    },
    close(): void {
      opened?.db.close()
      opened = undefined
    }
  }
}

export type AssistantSource = ReturnType<typeof createAssistantSource>
