import path from 'node:path'
import { BrowserWindow, nativeTheme } from 'electron'
import { offerWayOutOfWindowFailures } from './windowFailures'

/**
 * The one window. Its page is sandboxed and isolated: it sees only what the preload exposes
 * (`window.api`), never Node or Electron.
 */
export function createMainWindow(rendererUrl: string, iconFile: string, log: (message: string) => void): BrowserWindow {
  const window = new BrowserWindow({
    title: 'WHOOP Desktop',
    width: 1280,
    height: 860,
    minWidth: 900,
    minHeight: 600,
    show: false,
    icon: iconFile,
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1115' : '#f6f7f9',
    autoHideMenuBar: true,
    webPreferences: {
      preload: path.join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      safeDialogs: true
    }
  })
  window.once('ready-to-show', () => window.show())
  offerWayOutOfWindowFailures(window, rendererUrl, log)
  // A failed load is reported by `did-fail-load` above; the promise only repeats it.
  window.loadURL(rendererUrl).catch((error) => log(`Loading the window failed: ${error instanceof Error ? error.message : error}`))
  return window
}
