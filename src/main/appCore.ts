import path from 'node:path'
import type { ApiHandlers } from '../shared/api'
import { DATABASE_FILE_NAME, openDatabase, schemaVersionOf } from './database/openDatabase'
import { createSettingsStore, type SettingsBackend } from './settings/settingsStore'
import type { WhoopEndpoints } from './whoop/whoopEndpoints'

export interface AppCoreOptions {
  appName: string
  appVersion: string
  dataDir: string
  settingsBackend: SettingsBackend
  whoopEndpoints: WhoopEndpoints
}

/**
 * The app without Electron: the database, the settings and the handlers behind every API method.
 * The Electron edge and the browser host each start one and expose its handlers their own way.
 */
export function startAppCore(options: AppCoreOptions) {
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME)
  const database = openDatabase(databaseFile)
  const settings = createSettingsStore(options.settingsBackend)

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
    updateSettings: (patch) => settings.update(patch)
  }

  return {
    handlers,
    database,
    close: () => database.close()
  }
}

export type AppCore = ReturnType<typeof startAppCore>
