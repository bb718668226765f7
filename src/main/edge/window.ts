import path from 'node:path'
import { BrowserWindow, nativeTheme } from 'electron'

/**
 * The one window. Its page is sandboxed and isolated: it sees only what the preload exposes
 * (`window.api`), never Node or Electron.
 */
export function createMainWindow(rendererUrl: string, iconFile: string): BrowserWindow {
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
  void window.loadURL(rendererUrl)
  return window
}
