import path from 'node:path'
import { app, BrowserWindow, session } from 'electron'
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
  const openWindow = (): void => {
    mainWindow = createMainWindow(devServerUrl ?? APP_INDEX_URL, icon, log)
  }

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
        assistantCommand: desktopAssistantCommand()
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
    openWindow()
    deepLinks.open()

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openWindow()
    })
  })

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('will-quit', () => core?.close())
}
