import path from 'node:path'
import type { ApiHandlers, EmitApiEvent } from '../shared/api'
import { loopbackRedirectUri, type DeepLinkSupport } from '../shared/connection'
import { failureCauses, type SyncRunResult } from '../shared/sync'
import { AppError } from './api/apiErrors'
import type { Cipher } from './auth/cipher'
import { createSignInFlow } from './auth/signIn'
import { createTokenVault } from './auth/tokenVault'
import { createWhoopConnection } from './auth/whoopConnection'
import { systemClock, type Clock } from './clock'
import { makePrivateFolder } from './dataDir'
import { DATABASE_FILE_NAME, openDatabase, schemaVersionOf } from './database/openDatabase'
import { createSettingsStore, type SettingsBackend } from './settings/settingsStore'
import { createAccountQueries } from './store/accounts'
import { createDashboardQueries } from './store/dashboardQueries'
import { loadDemoData, removeDemoData } from './demo/demoData'
import { collectDiagnostics } from './diagnostics'
import { createLogger } from './log/logger'
import { createActivityLog } from './store/activityLog'
import { deleteAllData } from './store/deleteAllData'
import { createSyncEngine } from './sync/syncEngine'
import { createExchangeHandlers } from './exchange/exchangeHandlers'
import { createInsightHandlers, type PdfPageSize } from './insights/insightHandlers'
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
 * behind every API method. The Electron edge and the browser host each start one and expose its
 * handlers their own way.
 */
export async function startAppCore(options: AppCoreOptions) {
  const clock = options.clock ?? systemClock
  makePrivateFolder(options.dataDir)
  const databaseFile = path.join(options.dataDir, DATABASE_FILE_NAME)
  const database = openDatabase(databaseFile)
  const settings = createSettingsStore(options.settingsBackend)
  const accounts = createAccountQueries(database)
  const dashboard = createDashboardQueries(database)
  const activity = createActivityLog(database, () => clock.now())
  const vault = createTokenVault({
    dataDir: options.dataDir,
    cipher: options.cipher,
    allowWeakStorage: () => settings.get().allowWeakTokenStorage
  })
  const log = createLogger({
    dataDir: options.dataDir,
    clock,
    secrets: () => [vault.tokens()?.accessToken, vault.tokens()?.refreshToken, vault.credentials()?.clientSecret].filter((s) => s !== undefined),
    echo: options.echoLog
  })
  const logError = (message: string, error?: unknown) => log.error(message, error)
  await vault.open()
  log.info(`Started ${options.appName} ${options.appVersion}; data in ${options.dataDir}`)
  // The page is told the connection's state whenever it changes, not only when it asks.
  let announced = ''
  const connectionStatus = () => ({
    ...connection.status(signIn.status(), options.deepLinks),
    loopbackRedirectUri: loopbackRedirectUri(settings.get().loopbackPort)
  })
  const announceConnection = () => {
    const status = connectionStatus()
    if (JSON.stringify(status) === announced) return
    announced = JSON.stringify(status)
    options.emit('onConnectionChanged', status)
  }
  const connection = createWhoopConnection({
    db: database,
    vault,
    endpoints: options.whoopEndpoints,
    clock,
    fetch: options.fetch,
    onChange: announceConnection
  })
  const syncEngine = createSyncEngine({
    db: database,
    clock,
    client: () => connection.client(),
    onProgress: (progress) => {
      if (progress.type === 'finished') {
        const { result } = progress
        if (result.resources.some((r) => r.error?.kind === 'reconnect-needed')) connection.markReconnectNeeded()
        activity.record('sync', result.status === 'succeeded', describeSyncRun(result))
        log.info(`Sync ${result.runId} (${result.trigger}): ${result.status}`)
      }
      options.emit('onSyncProgress', progress)
    },
    logError
  })
  if (syncEngine.interruptedRuns) {
    activity.record('sync', false, 'The last sync was interrupted (the app was closed or crashed); the next sync continues where it stopped.')
  }
  const startSync = (trigger: 'launch' | 'connect') =>
    syncEngine.sync({}, trigger).catch((error) => logError(`Sync on ${trigger} failed`, error))
  const signIn = createSignInFlow({
    endpoints: options.whoopEndpoints,
    clock,
    fetch: options.fetch,
    openExternal: options.openExternal,
    loopbackPort: () => settings.get().loopbackPort,
    logError,
    onApproved: async (credentials, tokens) => {
      const account = await connection.connect(credentials, tokens)
      void startSync('connect')
      return account
    },
    onOutcome: (outcome) => {
      activity.record(
        'connect',
        outcome.ok,
        outcome.ok ? `Connected as ${outcome.account.firstName} ${outcome.account.lastName}.` : `Sign-in failed: ${outcome.message}`
      )
      options.emit('onSignInOutcome', outcome)
    }
  })

  const assistants = createAssistantAccess({
    db: database,
    dataDir: options.dataDir,
    settings,
    command: options.assistantCommand,
    clock,
    emit: options.emit,
    logError
  })
  await assistants.follow()

  const handlers: ApiHandlers = {
    ...assistants.handlers,
    ...createExchangeHandlers({
      db: database,
      databaseFile,
      files: options.files,
      emit: options.emit,
      clock,
      activity,
      app: { name: options.appName, version: options.appVersion },
      runImport: options.runImport
    }),
    ...createInsightHandlers({ db: database, accounts, dashboard, clock, files: options.files, printPage: options.printPage }),
    getAppInfo: () => ({
      name: options.appName,
      version: options.appVersion,
      dataDir: options.dataDir,
      databaseFile,
      schemaVersion: schemaVersionOf(database),
      whoopApiBaseUrl: options.whoopEndpoints.apiBaseUrl
    }),
    getSettings: () => settings.get(),
    updateSettings: async (patch) => {
      const updated = settings.update(patch)
      if (patch.allowWeakTokenStorage !== undefined) await vault.reconsider()
      await assistants.follow()
      announceConnection()
      return updated
    },
    getDashboard: ({ range, until }) => {
      const account = accounts.shown()
      return account ? dashboard.dashboard(account.userId, range, clock.now(), until) : null
    },
    syncNow: (request) => syncEngine.sync(request, 'manual'),
    cancelSync: () => syncEngine.cancel(),
    getSyncStatus: () => syncEngine.status(),
    getConnection: connectionStatus,
    startSignIn: ({ clientId, clientSecret, redirect }) => {
      const stored = vault.credentials()
      const secret = clientSecret ?? (stored?.clientId === clientId ? stored.clientSecret : undefined)
      if (!secret) throw new AppError('invalid-argument', 'Enter the Client Secret of your WHOOP app.')
      return signIn.start({ clientId, clientSecret: secret }, redirect)
    },
    completeSignIn: ({ url }) => signIn.complete(url.trim()),
    cancelSignIn: () => signIn.cancel(),
    disconnect: async ({ deleteData }) => {
      syncEngine.cancel()
      const result = await connection.disconnect(deleteData)
      activity.record('disconnect', true, result.message)
      return result
    },
    deleteAllData: async () => {
      signIn.cancel()
      syncEngine.cancel()
      deleteAllData(database)
      await vault.clear()
      connection.forget()
      settings.reset()
      await assistants.follow()
      activity.record('delete', true, 'All data, the WHOOP sign-in and the settings were deleted.')
      log.info('All data deleted')
      return { deleted: true as const }
    },
    loadDemoData: () => {
      const loaded = loadDemoData(database, clock.now())
      activity.record('demo', true, `Demo data added (${loaded.records} records).`)
      return loaded
    },
    removeDemoData: () => {
      const removed = removeDemoData(database)
      activity.record('demo', true, 'Demo data removed.')
      return removed
    },
    getActivity: () => activity.latest(),
    getDiagnostics: ({ reachWhoop }) =>
      collectDiagnostics({
        reachWhoop,
        now: clock.now(),
        db: database,
        databaseFile,
        vault,
        connection,
        endpoints: options.whoopEndpoints,
        logsFolder: log.folder,
        fetch: options.fetch ?? fetch
      }),
    openLogsFolder: async () => {
      if (options.openFolder) await options.openFolder(log.folder)
      return { folder: log.folder, opened: options.openFolder !== undefined }
    }
  }

  if (settings.get().syncOnLaunch && connection.client()) void startSync('launch')

  return {
    handlers,
    database,
    log,
    /** Where `whoop-desktop://oauth/callback` links go. */
    completeSignInFromLink: (url: string) => void signIn.complete(url),
    close: () => {
      signIn.cancel()
      syncEngine.cancel()
      void assistants.close()
      database.close()
    }
  }
}

export type AppCore = Awaited<ReturnType<typeof startAppCore>>

/** A run for the activity log: what it stored, and each cause of failure once, in words. */
function describeSyncRun(result: SyncRunResult): string {
  const sum = (key: 'added' | 'updated' | 'removed') => result.resources.reduce((total, outcome) => total + outcome[key], 0)
  const causes = failureCauses(result).map(({ message, resources }) => (resources.length ? `${resources.join(', ')}: ${message}` : message))
  const counts = `${sum('added')} added, ${sum('updated')} updated, ${sum('removed')} removed`
  return `Sync (${result.trigger}) ${result.status}: ${counts}.${causes.length ? ` ${causes.join(' ')}` : ''}`
}
