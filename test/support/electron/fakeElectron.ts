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
  /** Whether the computer's network is up at first (`net.online`); default it is. */
  online?: boolean
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

/** The tray icon: what the app set on it, and its menu's items to click. */
class FakeTray
  extends EventEmitter
  implements Pick<Electron.Tray, 'setToolTip' | 'setImage' | 'setContextMenu' | 'destroy' | 'isDestroyed'>
{
  tooltip = ''
  image: string
  menu: Electron.MenuItemConstructorOptions[] = []
  destroyed = false
  constructor(image: Electron.NativeImage | string) {
    super()
    this.image = pathOf(image)
  }
  setToolTip(toolTip: string) {
    this.tooltip = toolTip
    this.emit('fake:changed')
  }
  setImage(image: Electron.NativeImage | string) {
    this.image = pathOf(image)
  }
  setContextMenu(menu: Electron.Menu | null) {
    this.menu = (menu as unknown as Electron.MenuItemConstructorOptions[] | null) ?? []
  }
  destroy() {
    this.destroyed = true
  }
  isDestroyed = () => this.destroyed
  /** The labels of the menu's items, separators left out. */
  labels = () => this.menu.filter((item) => item.type !== 'separator').map((item) => item.label)
  /** Clicks the menu item labelled `label`, as the person would. */
  click(label: string) {
    const item = this.menu.find((entry) => entry.label === label)
    if (!item?.click) throw new Error(`The tray menu has no item "${label}" to click: ${this.labels().join(', ')}`)
    ;(item.click as () => void)()
  }
  /** The tooltip once `matches` holds, now or after the app next sets it. */
  tooltipWhen(matches: (tooltip: string) => boolean): Promise<string> {
    if (matches(this.tooltip)) return Promise.resolve(this.tooltip)
    return new Promise((resolve) => {
      const check = () => {
        if (!matches(this.tooltip)) return
        this.off('fake:changed', check)
        resolve(this.tooltip)
      }
      this.on('fake:changed', check)
    })
  }
}

/** An image from a file, as `nativeImage.createFromPath` makes one. */
interface FakeNativeImage {
  path: string
  isEmpty(): boolean
}

const pathOf = (image: Electron.NativeImage | string) => (typeof image === 'string' ? image : (image as unknown as FakeNativeImage).path)

/** A notification the app showed; `click()` plays the person clicking it. */
export class FakeNotification extends EventEmitter implements Pick<Electron.Notification, 'show' | 'title' | 'body'> {
  title: string
  body: string
  constructor(options: Electron.NotificationConstructorOptions) {
    super()
    this.title = options.title ?? ''
    this.body = options.body ?? ''
  }
  show() {}
  click() {
    this.emit('click', {})
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
    trays: [] as FakeTray[],
    notifications: [] as FakeNotification[],
    loginItemSettings: [] as Electron.Settings[],
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
    setLoginItemSettings: (settings: Electron.Settings) => void recorded.loginItemSettings.push(settings),
    getLoginItemSettings: () => ({ ...loginItemDefaults, openAtLogin: recorded.loginItemSettings.at(-1)?.openAtLogin ?? false }),
    quit: () => {
      app.emit('before-quit', { preventDefault: () => {} })
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
    | 'setLoginItemSettings'
    | 'getLoginItemSettings'
    | 'quit'
    | 'exit'
  >,
  // As on macOS, where the dock shows every running app unless it hides itself.
  { dock: { hide: () => void (recorded.dockHidden = true) } satisfies Pick<Electron.Dock, 'hide'> }
)

  class BrowserWindow
    extends EventEmitter
    implements Pick<Electron.BrowserWindow, 'loadURL' | 'show' | 'hide' | 'close' | 'isDestroyed' | 'isMinimized' | 'restore' | 'focus' | 'isVisible'>
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
    destroyed = false
    show() {
      this.visible = true
    }
    hide() {
      this.visible = false
    }
    /** As the person closing it: the app may prevent it ('close'), else it is gone ('closed'). */
    close() {
      let prevented = false
      this.emit('close', { preventDefault: () => (prevented = true) })
      if (prevented) return
      this.destroyed = true
      this.visible = false
      BrowserWindow.instances.splice(BrowserWindow.instances.indexOf(this), 1)
      this.emit('closed')
      if (BrowserWindow.instances.length === 0) app.emit('window-all-closed')
    }
    isVisible = () => this.visible
    isDestroyed = () => this.destroyed
    isMinimized = () => false
    restore() {}
    focus() {
      this.focused = true
    }
  }

  class Notification extends FakeNotification {
    static isSupported = () => true
    show() {
      recorded.notifications.push(this)
      lifecycle.emit('notification', this)
    }
  }
  class Tray extends FakeTray {
    constructor(image: Electron.NativeImage | string) {
      super(image)
      recorded.trays.push(this)
      lifecycle.emit('tray', this)
    }
  }
  let online = options.online ?? true
  const powerMonitor = new EventEmitter()

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
      get online() {
        return online
      },
      // Electron's network stack stands in as Node's, recording what the app asks of it.
      fetch: (input: string | GlobalRequest, init?: RequestInit) => {
        recorded.fetched.push(typeof input === 'string' ? input : input.url)
        return fetch(input, init)
      }
    } satisfies Pick<Electron.Net, 'fetch' | 'online'>,
    Tray,
    Notification,
    nativeImage: {
      createFromPath: (path: string): FakeNativeImage => ({ path, isEmpty: () => false })
    } satisfies Record<keyof Pick<typeof Electron.nativeImage, 'createFromPath'>, unknown>,
    // An emitter of the events the app listens for ('resume'); Electron's many `on` overloads are not restated.
    powerMonitor,
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
     * app has opened its window or ended (a refused start), or with `until: 'tray'` once its tray
     * icon is up (a start at login opens no window).
     */
    becomeReady: (until: 'window' | 'tray' = 'window'): Promise<void> => {
      const started = new Promise<void>((resolve) => {
        if (ended) return resolve()
        lifecycle.once(until, () => resolve())
        lifecycle.once('ended', () => resolve())
      })
      markReady()
      app.emit('ready')
      return started
    },
    /** Plays the computer waking from sleep. */
    wake: () => powerMonitor.emit('resume'),
    /** Plays the network going down or coming back (`net.online`). */
    setOnline: (up: boolean) => void (online = up),
    /** The next notification the app shows. */
    nextNotification: () => new Promise<FakeNotification>((resolve) => lifecycle.once('notification', resolve)),
    /** The next message box the app shows. */
    nextMessageBox: () => new Promise<Electron.MessageBoxOptions>((resolve) => lifecycle.once('message-box', resolve)),
    /** Resolves when the app next quits or exits, or asks a window to load a page. */
    next: (what: 'ended' | 'load') => new Promise<void>((resolve) => lifecycle.once(what, () => resolve()))
  }
}

/** What `app.getLoginItemSettings()` answers besides `openAtLogin`, as on Windows. */
const loginItemDefaults: Electron.LoginItemSettings = {
  openAtLogin: false,
  wasOpenedAtLogin: false,
  status: 'not-registered',
  executableWillLaunchAtLogin: false,
  launchItems: []
}

/** An IPC event as Electron would deliver it from a frame showing `url`. */
export function ipcEventFrom(url: string, options: { isSubFrame?: boolean } = {}) {
  return { senderFrame: { url, parent: options.isSubFrame ? {} : null } }
}
