import path from 'node:path'
import type { ApiHandlers, EmitApiEvent } from '../shared/api'
import { systemClock, type Clock } from './clock'
import { DATABASE_FILE_NAME, openDatabase, schemaVersionOf } from './database/openDatabase'
import { createSettingsStore, type SettingsBackend } from './settings/settingsStore'
import { createAccountQueries } from './store/accounts'
import { createDashboardQueries } from './store/dashboardQueries'
import { createSyncEngine } from './sync/syncEngine'
import type { WhoopClient } from './whoop/whoopClient'
import type { WhoopEndpoints } from './whoop/whoopEndpoints'

export interface AppCoreOptions {
  appName: string
  appVersion: string
  dataDir: string
  settingsBackend: SettingsBackend
  whoopEndpoints: WhoopEndpoints
  /** Pushes an event to the page, over IPC or the browser host's event stream. */
  emit: EmitApiEvent
  log: (message: string, error?: unknown) => void
  clock?: Clock
}

/**
 * The app without Electron: the database, the settings and the handlers behind every API method.
 * The Electron edge and the browser host each start one and expose its handlers their own way.
 */
export function startAppCore(options: AppCoreOptions) {
  const clock = options.clock ?? systemClock
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME)
  const database = openDatabase(databaseFile)
  const settings = createSettingsStore(options.settingsBackend)
  const accounts = createAccountQueries(database)
  const dashboard = createDashboardQueries(database)
  // No account can be connected yet: connecting one is the sign-in feature's to add.
  const whoopClient = (): WhoopClient | undefined => undefined
  const syncEngine = createSyncEngine({
    db: database,
    clock,
    client: whoopClient,
    onProgress: (progress) => options.emit('onSyncProgress', progress),
    logError: options.log
  })

  const handlers: ApiHandlers = {
    getAppInfo: () => ({
      name: options.appName,
      version: options.appVersion,
      dataDir: options.dataDir,
      databaseFile,
      schemaVersion: schemaVersionOf(database),
      whoopApiBaseUrl: options.whoopEndpoints.apiBaseUrl
    }),
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    getDashboard: ({ range }) => {
      const account = accounts.shown()
      return account ? dashboard.dashboard(account.userId, range, clock.now()) : null
    },
    syncNow: (request) => syncEngine.sync(request, 'manual'),
    cancelSync: () => syncEngine.cancel(),
    getSyncStatus: () => syncEngine.status()
  }

  if (settings.get().syncOnLaunch && whoopClient()) {
    syncEngine.sync({}, 'launch').catch((error) => options.log('Sync on launch failed', error))
  }

  return {
    handlers,
    database,
    close: () => {
      syncEngine.cancel()
      database.close()
    }
  }
}

export type AppCore = ReturnType<typeof startAppCore>
