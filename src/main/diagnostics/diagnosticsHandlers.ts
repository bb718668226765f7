import type { Database } from 'better-sqlite3'
import type { ApiHandlers } from '../../shared/api'
import type { TokenVault } from '../auth/tokenVault'
import type { WhoopConnection } from '../auth/whoopConnection'
import type { Clock } from '../clock'
import { schemaVersionOf } from '../database/openDatabase'
import type { Logger } from '../log/logger'
import type { ActivityLog } from '../store/activityLog'
import type { WhoopEndpoints } from '../whoop/whoopEndpoints'
import { collectDiagnostics } from './collectDiagnostics'

export interface DiagnosticsDeps {
  app: { name: string; version: string; dataDir: string }
  db: Database
  databaseFile: string
  clock: Clock
  vault: TokenVault
  connection: WhoopConnection
  endpoints: WhoopEndpoints
  fetch?: typeof fetch
  activity: ActivityLog
  log: Logger
  /** Shows a folder in the system's file manager; absent where the app cannot (browser host). */
  openFolder?: (folder: string) => Promise<void>
}

/** What the app is and how it is doing: its facts, the activity log, diagnostics and the logs folder. */
export function createDiagnosticsHandlers(deps: DiagnosticsDeps): Pick<ApiHandlers, 'getAppInfo' | 'getActivity' | 'getDiagnostics' | 'openLogsFolder'> {
  const { app, log } = deps
  return {
    getAppInfo: () => ({
      name: app.name,
      version: app.version,
      dataDir: app.dataDir,
      databaseFile: deps.databaseFile,
      schemaVersion: schemaVersionOf(deps.db),
      whoopApiBaseUrl: deps.endpoints.apiBaseUrl
    }),
    getActivity: () => deps.activity.latest(),
    getDiagnostics: ({ reachWhoop }) =>
      collectDiagnostics({
        reachWhoop,
        now: deps.clock.now(),
        db: deps.db,
        databaseFile: deps.databaseFile,
        vault: deps.vault,
        connection: deps.connection,
        endpoints: deps.endpoints,
        logsFolder: log.folder,
        fetch: deps.fetch ?? fetch
      }),
    openLogsFolder: async () => {
      if (deps.openFolder) await deps.openFolder(log.folder)
      return { folder: log.folder, opened: deps.openFolder !== undefined }
    }
  }
}
