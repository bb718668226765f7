import path from 'node:path'
import { app, BrowserWindow, net, powerMonitor, session, type Tray } from 'electron'
import icon from '../../../resources/icon.png?asset'
import { startAppCore, type AppCore } from '../appCore'
import { resolveDataDir } from '../dataDir'
import { apiEventChannels } from '../../shared/channels'
import { createDeepLinkEntry } from '../deepLinks/deepLinks'
import { importInWorker } from '../exchange/importInWorker'
import { whoopEndpointsFromEnv } from '../whoop/whoopEndpoints'
import { APP_INDEX_URL, registerAppScheme, serveRendererOverAppScheme } from './appProtocol'
import { installAppMenu } from './appMenu'
import { desktopAssistantCommand } from './assistantMode'
import { listenForDeepLinks } from './deepLinkSources'
import { showError, showStartupError } from './dialogs'
import { guardSession, guardWebContents } from './guards'
import { dialogFileExchange } from './fileDialogs'
import { desktopFetch } from './desktopFetch'
import { registerApiHandlers } from './ipc'
import { registerLinkScheme } from './linkScheme'
import { openFolder, openInBrowser } from './osShell'
import { safeStorageCipher } from './safeStorageCipher'
import { openSettingsBackend } from './settingsBackend'
import { createMainWindow } from './window'
import { createAppTray } from './tray'
import { showNotice } from './notifications'
import { followStartAtLogin, startedHidden } from './loginItem'
import { desktopSupport } from './desktopSupport'
import { keepRunningOnClose } from './closeToTray'
import { systemClock } from '../clock'
import { watchNetwork } from '../sync/networkWatch'

/** electron-vite's dev server, trusted only in an unpackaged development run. */
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined

export function startDesktopApp(): void {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'))
  // Chromium's own profile data follows the database, so an overridden folder holds everything.
  app.setPath('userData', dataDir)

  // A second launch (often the OS delivering a deep link) hands its argv to this instance and exits.
  if (!app.requestSingleInstanceLock()) {
    app.quit()
    return
  }

  let mainWindow: BrowserWindow | undefined
  let core: AppCore | undefined
  const focusWindow = (): void => {
    if (!mainWindow || mainWindow.isDestroyed()) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  }
  const log = (message: string) => (core ? core.log.warn(message) : console.error(message))
  // Read now: a start at login says so on the command line it was started with.
  const hidden = startedHidden(process.argv)
  const support = desktopSupport()
  let tray: Tray | undefined
  let quitting = false
  const openWindow = (page: 'today' | 'settings' = 'today'): void => {
    const url = devServerUrl ?? APP_INDEX_URL
    mainWindow = createMainWindow(page === 'settings' ? `${url}#/settings` : url, icon, log)
    // With a tray, closing the window may only hide it (Keep running in the background).
    if (tray && core) keepRunningOnClose(mainWindow, { settings: core.settings, quitting: () => quitting })
  }
  /** Shows the window at a page (from the tray or a notification), opening it again if it was closed. */
  const openPage = (page: 'today' | 'settings'): void => {
    if (!mainWindow || mainWindow.isDestroyed()) return openWindow(page)
    mainWindow.show()
    focusWindow()
    mainWindow.webContents.send(apiEventChannels.onOpenPage, page)
  }
  let startAtLogin: boolean | undefined

  const deepLinks = createDeepLinkEntry(
    { 'oauth/callback': (link) => core?.completeSignInFromLink(link.url) },
    log
  )
  registerAppScheme()
  const deepLinkSupport = registerLinkScheme()
  listenForDeepLinks(deepLinks, focusWindow)
  app.on('web-contents-created', (_event, contents) =>
    guardWebContents(contents, (error) => log(`A link could not be opened: ${error instanceof Error ? error.message : error}`))
  )

  app.whenReady().then(async () => {
    try {
      core = await startAppCore({
        appName: app.getName(),
        appVersion: app.getVersion(),
        dataDir,
        settingsBackend: openSettingsBackend(dataDir),
        whoopEndpoints: whoopEndpointsFromEnv(process.env),
        cipher: safeStorageCipher,
        openExternal: openInBrowser,
        deepLinks: deepLinkSupport,
        fetch: desktopFetch,
        files: dialogFileExchange(() => mainWindow),
        runImport: importInWorker(path.join(__dirname, 'importWorker.js')),
        printPage: async (pageSize) => {
          if (!mainWindow || mainWindow.isDestroyed()) throw new Error('The window to print is closed.')
          return mainWindow.webContents.printToPDF({ pageSize, printBackground: true })
        },
        emit: (event, payload) => {
          if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(apiEventChannels[event], payload)
        },
        openFolder,
        echoLog: app.isPackaged ? undefined : (line) => console.log(line),
        assistantCommand: desktopAssistantCommand(),
        notify: (notice) => showNotice(notice, openPage),
        desktopSupport: support,
        followDesktopSettings: (settings) => {
          if (settings.openAtLogin === startAtLogin) return
          startAtLogin = settings.openAtLogin
          followStartAtLogin(settings.openAtLogin, log)
        }
      })
    } catch (error) {
      showStartupError(error)
      app.exit(1)
      return
    }
    const { handlers } = core
    installAppMenu(() =>
      Promise.resolve(handlers.openLogsFolder()).catch((error: unknown) => showError('The logs folder could not be opened', error))
    )
    guardSession(session.defaultSession)
    serveRendererOverAppScheme(path.join(__dirname, '../renderer'))
    const coreLog = core.log
    registerApiHandlers(core.handlers, devServerUrl, (method, error) => coreLog.error(`API method ${method} failed`, error))
    const quit = () => {
      quitting = true
      app.quit()
    }
    if (support.tray === null) {
      tray = createAppTray(core.background, { open: openPage, quit })
      // The release workflow's launch on each system reads this line: the icon was made there.
      core.log.info('Tray icon created')
    } else core.log.info(`No tray icon: ${support.tray}`)
    // The entry follows the app (an AppImage moved since) each start, as the setting says.
    if (core.settings.get().openAtLogin) followStartAtLogin((startAtLogin = true), log)
    const { background } = core
    powerMonitor.on('resume', () => background.nudge('resume'))
    const stopWatchingNetwork = watchNetwork({ clock: systemClock, isOnline: () => net.online, cameBack: () => background.nudge('online') })
    app.on('will-quit', stopWatchingNetwork)
    // Started at login: the tray only, until the person opens the window.
    if (!(tray && hidden)) openWindow()
    deepLinks.open()

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
      else openPage('today')
    })
  })

  app.on('before-quit', () => (quitting = true))
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => core?.close())
}
