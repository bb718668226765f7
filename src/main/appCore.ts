import path from 'node:path'
import type { ApiHandlers, DesktopSupport, EmitApiEvent } from '../shared/api'
import type { Settings } from '../shared/settings'
import type { SyncRunResult } from '../shared/sync'
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
import { createBackupFeature } from './backup/backupHandlers'
import { glanceLines, trayTooltip } from './glance/glanceWords'
import { createMorningNotice, type Notice } from './glance/morningNotice'
import { createTodayGlance } from './glance/todayGlance'

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
  /** Shows a notification (the desktop app); absent where there are none (browser host). */
  notify?: (notice: Notice) => void
  /** What the computer around the app offers; absent: nothing (browser host). */
  desktopSupport?: DesktopSupport
  /** The settings changed: the edge follows the ones it carries out (start at login). */
  followDesktopSettings?: (settings: Settings) => void
}

const ONLY_IN_THE_DESKTOP_APP = 'Only the desktop app can do this.'

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
    onConnected: () => {
      morningNotice.connected()
      sync.start('connect')
    },
    stopSync: () => sync.engine.cancel(),
    deleteBackups: () => backups.deleteAll()
  })
  const glance = createTodayGlance({ db, accounts, dashboard, queries, clock })
  const morningNotice = createMorningNotice({ db, clock, glance, enabled: () => settings.get().morningNotification, notify: options.notify ?? (() => {}) })
  const glanceListeners = new Set<() => void>()
  const glanceChanged = () => glanceListeners.forEach((listener) => listener())
  const sync = createSyncFeature({
    db, clock, connection: connection.connection, activity, log, emit,
    intervalMinutes: () => settings.get().backgroundSyncMinutes,
    onFinished: (result) => {
      morningNotice.afterSync(result)
      glanceChanged()
    }
  })
  const backups = createBackupFeature({
    db, databaseFile, dataDir: options.dataDir, settings, clock, activity, log, files,
    syncRunning: () => sync.engine.status().running,
    restored: () => {
      connection.announce()
      sync.schedule.replan()
      glanceChanged()
    }
  })
  /** What follows a change of settings, beyond the settings themselves. */
  const followSettings = () => {
    sync.schedule.replan()
    backups.plan()
    options.followDesktopSettings?.(settings.get())
  }
  const assistants = createAssistantAccess({ db, dataDir: options.dataDir, settings, command: options.assistantCommand, clock, emit, logError })
  await assistants.follow()
  const followAssistantAccess = () => assistants.follow()

  const handlers: ApiHandlers = {
    ...connection.handlers,
    ...sync.handlers,
    ...createSettingsHandlers({ settings, vault, followAssistantAccess, announceConnection: connection.announce, followSettings }),
    ...createDataHandlers({ db, clock, accounts, dashboard, vault, settings, connection, sync, followAssistantAccess, activity, log, deleteBackups: backups.deleteAll }),
    ...createDiagnosticsHandlers({ app, db, databaseFile, clock, vault, connection: connection.connection, endpoints, fetch, activity, log, openFolder }),
    ...createExchangeHandlers({ db, databaseFile, files, emit, clock, activity, app, runImport }),
    ...createInsightHandlers({ queries, accounts, dashboard, clock, files, printPage }),
    ...createTagHandlers({ tags: queries.tags, accounts, clock }),
    ...assistants.handlers,
    ...backups.handlers,
    getDesktopSupport: () => options.desktopSupport ?? { tray: ONLY_IN_THE_DESKTOP_APP, notifications: ONLY_IN_THE_DESKTOP_APP, startAtLogin: ONLY_IN_THE_DESKTOP_APP }
  }

  if (settings.get().syncOnLaunch && connection.connection.client()) sync.start('launch')
  sync.schedule.start()
  backups.plan()

  return {
    handlers,
    database: db,
    settings,
    log,
    /** Where `whoop-desktop://oauth/callback` links go. */
    completeSignInFromLink: (url: string) => void connection.signIn.complete(url),
    /** What the tray shows and does. */
    background: {
      tooltip: () => trayTooltip(glance(), lastSyncedAt(sync.engine.status().lastRun)),
      lines: () => glanceLines(glance()),
      zone: () => glance()?.zone ?? null,
      /** Tells `listener` whenever the glance may have changed (a sync ended, a backup restored). */
      onChange: (listener: () => void) => void glanceListeners.add(listener),
      /** The computer woke up, or the network came back. */
      nudge: sync.schedule.nudge,
      syncNow: () => sync.start('manual')
    },
    close: () => {
      connection.signIn.cancel()
      sync.schedule.stop()
      backups.stop()
      sync.engine.cancel()
      void assistants.close()
      db.close()
    }
  }
}

export type AppCore = Awaited<ReturnType<typeof startAppCore>>

/** When the last sync that worked ended, if one did. */
function lastSyncedAt(run: SyncRunResult | null): number | null {
  return run && run.status !== 'failed' && run.status !== 'cancelled' ? Date.parse(run.finishedAt) : null
}
