import type { Database } from 'better-sqlite3'
import type { ApiHandlers } from '../../shared/api'
import type { ConnectionFeature } from '../auth/connectionHandlers'
import type { TokenVault } from '../auth/tokenVault'
import type { Clock } from '../clock'
import { loadDemoData, removeDemoData } from '../demo/demoData'
import type { Logger } from '../log/logger'
import type { SettingsStore } from '../settings/settingsStore'
import type { AccountQueries } from '../store/accounts'
import type { ActivityLog } from '../store/activityLog'
import type { DashboardQueries } from '../store/dashboardQueries'
import { deleteAllData } from '../store/deletion'
import type { SyncFeature } from '../sync/syncHandlers'
import { grouped } from '../../shared/numberText'

export interface DataDeps {
  db: Database
  clock: Clock
  accounts: AccountQueries
  dashboard: DashboardQueries
  vault: TokenVault
  settings: SettingsStore
  connection: ConnectionFeature
  sync: SyncFeature
  /** Stops listening for AI assistants' reads once the settings are reset. */
  followAssistantAccess: () => Promise<unknown>
  activity: ActivityLog
  log: Logger
  /** Deletes the backups of the database (they hold the same data); returns how many. */
  deleteBackups: () => number
}

/** The person's data as a whole: the dashboard over it, the demo member, and deleting everything. */
/** What became of the app's access at WHOOP, in the words the person reads. */
const revokeWords = {
  true: 'WHOOP was told: the app no longer has access to your WHOOP account.',
  false: 'WHOOP could not be told; remove the app’s access in your WHOOP account settings.',
  null: 'There was no WHOOP sign-in to revoke.'
}

export function createDataHandlers(deps: DataDeps): Pick<ApiHandlers, 'getDashboard' | 'loadDemoData' | 'removeDemoData' | 'deleteAllData'> {
  const { db, activity } = deps
  return {
    getDashboard: ({ range, until }) => {
      const account = deps.accounts.shown()
      return account ? deps.dashboard.dashboard(account.userId, range, deps.clock.now(), until) : null
    },
    loadDemoData: () => {
      const loaded = loadDemoData(db, deps.clock.now())
      activity.record('demo', true, `Demo data added (${grouped(loaded.records)} records).`)
      return loaded
    },
    removeDemoData: () => {
      const removed = removeDemoData(db)
      activity.record('demo', true, 'Demo data removed.')
      return removed
    },
    deleteAllData: async () => {
      deps.connection.signIn.cancel()
      deps.sync.engine.cancel()
      const revoked = await deps.connection.connection.revoke()
      deleteAllData(db)
      const backups = deps.deleteBackups()
      await deps.vault.clear()
      deps.connection.connection.forget()
      deps.settings.reset()
      await deps.followAssistantAccess()
      const what = backups ? `All data, its ${backups === 1 ? 'backup' : `${backups} backups`}, the WHOOP sign-in and the settings` : 'All data, the WHOOP sign-in and the settings'
      const message = `${what} were deleted from this computer. ${revokeWords[String(revoked) as keyof typeof revokeWords]}`
      activity.record('delete', true, message)
      deps.log.info('All data deleted')
      return { deleted: true as const, revoked, message }
    }
  }
}
