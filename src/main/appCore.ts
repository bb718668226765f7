import path from 'node:path'
import type { ApiHandlers, EmitApiEvent } from '../shared/api'
import type { DeepLinkSupport } from '../shared/connection'
import type { Cipher } from './auth/cipher'
import { createConnectionFeature } from './auth/connectionHandlers'
import { createTokenVault } from './auth/tokenVault'
import { systemClock, type Clock } from './clock'
import { createDataHandlers } from './data/dataHandlers'
import { makePrivateFolder } from './dataDir'
import { DATABASE_FILE_NAME, openDatabase } from './database/openDatabase'
import { createDiagnosticsHandlers } from './diagnostics/diagnosticsHandlers'
import { createSettingsHandlers } from './settings/settingsHandlers'
import { createSettingsStore, type SettingsBackend } from './settings/settingsStore'
import { createAccountQueries } from './store/accounts'
import { createDashboardQueries } from './store/dashboardQueries'
import { createLogger } from './log/logger'
import { createActivityLog } from './store/activityLog'
import { createSyncFeature } from './sync/syncHandlers'
import { createExchangeHandlers } from './exchange/exchangeHandlers'
import { createInsightHandlers, type PdfPageSize } from './insights/insightHandlers'
import { createInsightQueries } from './insights/insightQueries'
import { createTagHandlers } from './tags/tagHandlers'
import type { FileExchange } from './exchange/fileExchange'
import type { ImportRunner } from './exchange/importFile'
import type { WhoopEndpoints } from './whoop/whoopEndpoints'
import type { AssistantCommand } from '../shared/assistant'
import { createAssistantAccess } from './mcp/assistantHandlers'

export interface AppCoreOptions {
  appName: string
  appVersion: string
  dataDir: string
  settingsBackend: SettingsBackend
  whoopEndpoints: WhoopEndpoints
  /** Encrypts the WHOOP secrets at rest (safeStorage in the app). */
  cipher: Cipher
  /** Opens WHOOP's sign-in page in the system browser; absent where the page opens it itself. */
  openExternal?: (url: string) => Promise<void>
  /** Whether the OS delivers `whoop-desktop://` links to this process, and if not, why. */
  deepLinks: DeepLinkSupport
  /** How the person picks files to export to and import from. */
  files: FileExchange
  /** Pushes an event to the page, over IPC or the browser host's event stream. */
  emit: EmitApiEvent
  /** Shows the logs folder in the system's file manager; absent where the app cannot (browser host). */
  openFolder?: (folder: string) => Promise<void>
  /** Log lines also go here (the terminal), already without secrets. */
  echoLog?: (line: string) => void
  clock?: Clock
  fetch?: typeof fetch
  /**
   * Runs each import: in the app, `importInWorker` with the built import worker (electron-vite's
   * `importWorker` entry), which each entry bundle names beside itself (this module may land in a
   * shared chunk of another folder).
   */
  runImport: ImportRunner
  /** Prints the page on show to PDF (Electron's printToPDF); absent where the page prints itself. */
  printPage?: (pageSize: PdfPageSize) => Promise<Uint8Array>
  /** How an AI assistant starts this app's read-only MCP server on this computer. */
  assistantCommand: AssistantCommand
}

/**
 * The app without Electron: the database, settings, the WHOOP connection, sync and the handlers
 * behind every API method, each feature's from its own module. The Electron edge and the browser host
 * each start one and expose its handlers their own way.
 */
export async function startAppCore(options: AppCoreOptions) {
  const clock = options.clock ?? systemClock
  makePrivateFolder(options.dataDir)
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME)
  const db = openDatabase(databaseFile)
  const settings = createSettingsStore(options.settingsBackend)
  const accounts = createAccountQueries(db)
  const queries = createInsightQueries(db)
  const dashboard = createDashboardQueries(db, queries.daily, queries.tags)
  const activity = createActivityLog(db, () => clock.now())
  const vault = createTokenVault({ dataDir: options.dataDir, cipher: options.cipher, allowWeakStorage: () => settings.get().allowWeakTokenStorage })
  const log = createLogger({
    dataDir: options.dataDir,
    clock,
    secrets: () => [vault.tokens()?.accessToken, vault.tokens()?.refreshToken, vault.credentials()?.clientSecret].filter((s) => s !== undefined),
    echo: options.echoLog
  })
  const logError = (message: string, error?: unknown) => log.error(message, error)
  await vault.open()
  log.info(`Started ${options.appName} ${options.appVersion}; data in ${options.dataDir}`)

  const { emit, fetch, whoopEndpoints: endpoints, openExternal, deepLinks, openFolder, files, runImport, printPage } = options
  const app = { name: options.appName, version: options.appVersion, dataDir: options.dataDir }
  const connection = createConnectionFeature({
    db, vault, settings, endpoints, clock, fetch, emit, activity, logError, openExternal, deepLinks,
    // The features call each other only through these, once both exist.
    onConnected: () => sync.start('connect'),
    stopSync: () => sync.engine.cancel()
  })
  const sync = createSyncFeature({ db, clock, connection: connection.connection, activity, log, emit })
  const assistants = createAssistantAccess({ db, dataDir: options.dataDir, settings, command: options.assistantCommand, clock, emit, logError })
  await assistants.follow()
  const followAssistantAccess = () => assistants.follow()

  const handlers: ApiHandlers = {
    ...connection.handlers,
    ...sync.handlers,
    ...createSettingsHandlers({ settings, vault, followAssistantAccess, announceConnection: connection.announce }),
    ...createDataHandlers({ db, clock, accounts, dashboard, vault, settings, connection, sync, followAssistantAccess, activity, log }),
    ...createDiagnosticsHandlers({ app, db, databaseFile, clock, vault, connection: connection.connection, endpoints, fetch, activity, log, openFolder }),
    ...createExchangeHandlers({ db, databaseFile, files, emit, clock, activity, app, runImport }),
    ...createInsightHandlers({ queries, accounts, dashboard, clock, files, printPage }),
    ...createTagHandlers({ tags: queries.tags, accounts, clock }),
    ...assistants.handlers
  }

  if (settings.get().syncOnLaunch && connection.connection.client()) sync.start('launch')

  return {
    handlers,
    database: db,
    log,
    /** Where `whoop-desktop://oauth/callback` links go. */
    completeSignInFromLink: (url: string) => void connection.signIn.complete(url),
    close: () => {
      connection.signIn.cancel()
      sync.engine.cancel()
      void assistants.close()
      db.close()
    }
  }
}

export type AppCore = Awaited<ReturnType<typeof startAppCore>>
