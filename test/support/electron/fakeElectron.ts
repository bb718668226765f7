import { EventEmitter } from 'node:events'
import type * as Electron from 'electron'

/**
 * A stand-in for the `electron` module, for what cannot run here: the Electron runtime. It records
 * what the app asks of Electron (windows, handlers, protocol registrations) so tests can inspect the
 * result, and lets tests play the operating system (deliver `open-url`, start a second instance,
 * fail a page load).
 *
 * Every stand-in is checked against Electron's own type definitions (`satisfies Pick<…>`): a member
 * that Electron renamed, removed or changed, or a misspelt one, fails the typecheck.
 */
export interface FakeElectronOptions {
  userDataDir: string
  gotSingleInstanceLock?: boolean
  /** What safeStorage reports; default a working keyring. */
  storageBackend?: string
  encryptionAvailable?: boolean
  /** What registering `whoop-desktop://` with the OS achieves; default it works. */
  protocolRegistration?: { accepted: boolean; isDefault: boolean }
  /** What shell.openPath answers: '' for success, else the OS's error message. */
  openPathError?: string
  /** Makes shell.openExternal fail with this message. */
  openExternalError?: string
  /** The button a message box is answered with (its index). */
  messageBoxResponse?: number
  /** The file the open dialog answers with; absent, the person cancels it. */
  openDialogFile?: string
  /** The file the save dialog answers with; absent, the person cancels it. */
  saveDialogFile?: string
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

type SentMessage = [channel: string, payload: unknown]

/** What the fake prints a page to. */
export const FAKE_PDF = '%PDF-1.7 the page, as Chromium would print it'

class FakeWebContents
  extends EventEmitter
  implements Pick<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'getURL' | 'reload' | 'printToPDF'>
{
  /** What each printToPDF was asked for; each answers with `FAKE_PDF`. */
  printed: Electron.PrintToPDFOptions[] = []
  windowOpenHandler?: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse
  url = ''
  reloads = 0
  /** Messages the app pushed to the page. */
  sent: SentMessage[] = []
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
    this.emit('fake:sent', channel, payload)
  }
  setWindowOpenHandler(handler: (details: Electron.HandlerDetails) => Electron.WindowOpenHandlerResponse) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.url
  }
  reload() {
    this.reloads++
    this.emit('fake:reload')
  }
  async printToPDF(options: Electron.PrintToPDFOptions) {
    this.printed.push(options)
    return Buffer.from(FAKE_PDF)
  }
  /** Emits an event the way Electron does and says whether a listener prevented it. */
  attempt(eventName: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false
    const event = { ...details, preventDefault: () => (prevented = true) }
    this.emit(eventName, event, details.url)
    return prevented
  }
  /** The first message pushed on `channel` that `matches`, now or once it is sent. */
  message(channel: string, matches: (payload: any) => boolean = () => true): Promise<unknown> {
    const already = this.sent.find(([sentOn, payload]) => sentOn === channel && matches(payload))
    if (already) return Promise.resolve(already[1])
    return new Promise((resolve) => {
      const listen = (sentOn: string, payload: unknown) => {
        if (sentOn !== channel || !matches(payload)) return
        this.off('fake:sent', listen)
        resolve(payload)
      }
      this.on('fake:sent', listen)
    })
  }
}

export function createFakeElectron(options: FakeElectronOptions) {
  const paths: Record<string, string> = { userData: options.userDataDir }
  const lifecycle = new EventEmitter()
  const registration = options.protocolRegistration ?? { accepted: true, isDefault: true }
  const recorded = {
    protocolClients: [] as { scheme: string; path?: string; args?: string[] }[],
    privilegedSchemes: [] as Electron.CustomScheme[],
    protocolHandlers: new Map<string, (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    openedExternally: [] as string[],
    openedPaths: [] as string[],
    fetched: [] as string[],
    errorBoxes: [] as { title: string; content: string }[],
    messageBoxes: [] as Electron.MessageBoxOptions[],
    openDialogs: [] as Electron.OpenDialogOptions[],
    saveDialogs: [] as Electron.SaveDialogOptions[],
    aboutPanel: undefined as Electron.AboutPanelOptionsOptions | undefined,
    menu: undefined as Electron.MenuItemConstructorOptions[] | undefined,
    exitCode: undefined as number | undefined,
    quit: false,
    singleInstanceLockRequested: false,
    hardwareAccelerationDisabled: false,
    dockHidden: false,
    permissionRequestHandler: undefined as
      | undefined
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheckHandler: undefined as undefined | ((...args: unknown[]) => boolean)
  }

  let ended = false
  lifecycle.once('ended', () => (ended = true))
  let markReady!: () => void
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve))

  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    getName: () => 'WHOOP Desktop',
    getVersion: () => '0.1.0',
    getPath: (name: string) => paths[name] ?? `${options.userDataDir}/${name}`,
    setPath: (name: string, value: string) => void (paths[name] = value),
    getAppPath: () => '/app',
    requestSingleInstanceLock: () => {
      recorded.singleInstanceLockRequested = true
      return options.gotSingleInstanceLock ?? true
    },
    disableHardwareAcceleration: () => void (recorded.hardwareAccelerationDisabled = true),
    setAsDefaultProtocolClient: (scheme: string, path?: string, args?: string[]) => {
      recorded.protocolClients.push({ scheme, path, args })
      return registration.accepted
    },
    isDefaultProtocolClient: () => registration.isDefault,
    whenReady: () => readyPromise,
    setAboutPanelOptions: (panel: Electron.AboutPanelOptionsOptions) => void (recorded.aboutPanel = panel),
    showAboutPanel: () => {},
    quit: () => {
      recorded.quit = true
      lifecycle.emit('ended')
    },
    exit: (code?: number) => {
      recorded.exitCode = code
      lifecycle.emit('ended')
    }
  } satisfies Pick<
    Electron.App,
    | 'isPackaged'
    | 'getName'
    | 'getVersion'
    | 'getPath'
    | 'setPath'
    | 'getAppPath'
    | 'requestSingleInstanceLock'
    | 'disableHardwareAcceleration'
    | 'setAsDefaultProtocolClient'
    | 'isDefaultProtocolClient'
    | 'whenReady'
    | 'setAboutPanelOptions'
    | 'showAboutPanel'
    | 'quit'
    | 'exit'
  >,
  // As on macOS, where the dock shows every running app unless it hides itself.
  { dock: { hide: () => void (recorded.dockHidden = true) } satisfies Pick<Electron.Dock, 'hide'> }
)

  class BrowserWindow
    extends EventEmitter
    implements Pick<Electron.BrowserWindow, 'loadURL' | 'show' | 'isDestroyed' | 'isMinimized' | 'restore' | 'focus' | 'isVisible'>
  {
    static instances: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.instances
    webContents = new FakeWebContents()
    /** Every URL the app asked this window to load, in order. */
    loads: string[] = []
    loadedUrl?: string
    focused = false
    visible = false
    constructor(readonly options: Electron.BrowserWindowConstructorOptions) {
      super()
      BrowserWindow.instances.push(this)
      app.emit('web-contents-created', {}, this.webContents)
      lifecycle.emit('window', this)
    }
    loadURL(url: string) {
      this.loads.push(url)
      this.loadedUrl = url
      this.webContents.url = url
      lifecycle.emit('load', url)
      return Promise.resolve()
    }
    show() {
      this.visible = true
    }
    isVisible = () => this.visible
    isDestroyed = () => false
    isMinimized = () => false
    restore() {}
    focus() {
      this.focused = true
    }
  }

  const ipcMain = Object.assign(new EventEmitter(), {
    handle: (channel: string, handler: (event: Electron.IpcMainInvokeEvent, ...args: any[]) => unknown) =>
      void recorded.ipcHandlers.set(channel, handler as (event: unknown, ...args: unknown[]) => unknown)
  } satisfies Pick<Electron.IpcMain, 'handle'>)

  const electron = {
    app,
    BrowserWindow,
    ipcMain,
    protocol: {
      registerSchemesAsPrivileged: (schemes: Electron.CustomScheme[]) => void recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: GlobalRequest) => GlobalResponse | Promise<GlobalResponse>) =>
        void recorded.protocolHandlers.set(scheme, handler)
    } satisfies Pick<Electron.Protocol, 'registerSchemesAsPrivileged' | 'handle'>,
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequestHandler) =>
          void (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheckHandler) => void (recorded.permissionCheckHandler = handler)
      } satisfies Partial<Record<keyof Electron.Session, unknown>>
    },
    shell: {
      openExternal: async (url: string) => {
        if (options.openExternalError) throw new Error(options.openExternalError)
        recorded.openedExternally.push(url)
      },
      openPath: async (path: string) => {
        recorded.openedPaths.push(path)
        return options.openPathError ?? ''
      }
    } satisfies Pick<Electron.Shell, 'openExternal' | 'openPath'>,
    dialog: {
      showErrorBox: (title: string, content: string) => void recorded.errorBoxes.push({ title, content }),
      showMessageBox: async (...args: [Electron.MessageBoxOptions] | [Electron.BaseWindow, Electron.MessageBoxOptions]) => {
        const messageBox = args.length === 1 ? args[0] : args[1]
        recorded.messageBoxes.push(messageBox)
        lifecycle.emit('message-box', messageBox)
        return { response: options.messageBoxResponse ?? 0, checkboxChecked: false }
      },
      showOpenDialog: async (...args: [Electron.OpenDialogOptions] | [Electron.BaseWindow, Electron.OpenDialogOptions]) => {
        recorded.openDialogs.push(args.length === 1 ? args[0] : args[1])
        return { canceled: !options.openDialogFile, filePaths: options.openDialogFile ? [options.openDialogFile] : [] }
      },
      showSaveDialog: async (...args: [Electron.SaveDialogOptions] | [Electron.BaseWindow, Electron.SaveDialogOptions]) => {
        recorded.saveDialogs.push(args.length === 1 ? args[0] : args[1])
        return { canceled: !options.saveDialogFile, filePath: options.saveDialogFile ?? '' }
      }
    } satisfies Pick<Electron.Dialog, 'showErrorBox' | 'showMessageBox' | 'showOpenDialog' | 'showSaveDialog'>,
    net: {
      // Electron's network stack stands in as Node's, recording what the app asks of it.
      fetch: (input: string | GlobalRequest, init?: RequestInit) => {
        recorded.fetched.push(typeof input === 'string' ? input : input.url)
        return fetch(input, init)
      }
    } satisfies Pick<Electron.Net, 'fetch'>,
    nativeTheme: { shouldUseDarkColors: false } satisfies Pick<Electron.NativeTheme, 'shouldUseDarkColors'>,
    Menu: {
      buildFromTemplate: (template: Electron.MenuItemConstructorOptions[]) => template,
      setApplicationMenu: (menu: Electron.MenuItemConstructorOptions[]) => void (recorded.menu = menu)
    } satisfies Partial<Record<keyof typeof Electron.Menu, unknown>>,
    // A keyring stand-in: reversible, and visibly not the plain text.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => options.encryptionAvailable ?? true,
      getSelectedStorageBackend: () => (options.storageBackend ?? 'gnome_libsecret') as ReturnType<Electron.SafeStorage['getSelectedStorageBackend']>,
      encryptStringAsync: async (plainText: string) => Buffer.from(`sealed:${Buffer.from(plainText).toString('base64')}`),
      decryptStringAsync: async (sealed: Buffer) => ({
        result: Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
        shouldReEncrypt: false
      })
    } satisfies Pick<Electron.SafeStorage, 'isAsyncEncryptionAvailable' | 'getSelectedStorageBackend' | 'encryptStringAsync' | 'decryptStringAsync'>
  } satisfies Partial<Record<keyof typeof Electron, unknown>>

  return {
    electron,
    recorded,
    windows: BrowserWindow.instances,
    /**
     * Lets `app.whenReady()` resolve, as Electron does once it has initialised, and resolves once the
     * app has opened its window or ended (a refused start).
     */
    becomeReady: (): Promise<void> => {
      const started = new Promise<void>((resolve) => {
        if (ended) return resolve()
        lifecycle.once('window', () => resolve())
        lifecycle.once('ended', () => resolve())
      })
      markReady()
      app.emit('ready')
      return started
    },
    /** The next message box the app shows. */
    nextMessageBox: () => new Promise<Electron.MessageBoxOptions>((resolve) => lifecycle.once('message-box', resolve)),
    /** Resolves when the app next quits or exits, or asks a window to load a page. */
    next: (what: 'ended' | 'load') => new Promise<void>((resolve) => lifecycle.once(what, () => resolve()))
  }
}

/** An IPC event as Electron would deliver it from a frame showing `url`. */
export function ipcEventFrom(url: string, options: { isSubFrame?: boolean } = {}) {
  return { senderFrame: { url, parent: options.isSubFrame ? {} : null } }
}
