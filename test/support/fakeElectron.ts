import { EventEmitter } from 'node:events'

/**
 * A stand-in for the `electron` module, for what cannot run here: the Electron runtime. It records
 * what the app asks of Electron (windows, handlers, protocol registrations) so tests can inspect the
 * result, and lets tests play the operating system (deliver `open-url`, start a second instance).
 */
export interface FakeElectronOptions {
  userDataDir: string
  gotSingleInstanceLock?: boolean
  /** What safeStorage reports; default a working keyring. */
  storageBackend?: string
  encryptionAvailable?: boolean
}

export type FakeElectron = ReturnType<typeof createFakeElectron>

class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: 'allow' | 'deny' }
  url = ''
  /** Messages the app pushed to the page: [channel, payload]. */
  sent: [string, unknown][] = []
  send(channel: string, payload: unknown) {
    this.sent.push([channel, payload])
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'allow' | 'deny' }) {
    this.windowOpenHandler = handler
  }
  getURL() {
    return this.url
  }
  /** Emits an event the way Electron does and says whether a listener prevented it. */
  attempt(eventName: string, details: Record<string, unknown> = {}): boolean {
    let prevented = false
    const event = { ...details, preventDefault: () => (prevented = true) }
    this.emit(eventName, event, details.url)
    return prevented
  }
}

export function createFakeElectron(options: FakeElectronOptions) {
  const paths: Record<string, string> = { userData: options.userDataDir }
  const recorded = {
    protocolClients: [] as { scheme: string; path?: string; args?: string[] }[],
    privilegedSchemes: [] as unknown[],
    protocolHandlers: new Map<string, (request: Request) => Response | Promise<Response>>(),
    ipcHandlers: new Map<string, (event: unknown, ...args: unknown[]) => unknown>(),
    openedExternally: [] as string[],
    errorBoxes: [] as { title: string; content: string }[],
    aboutPanel: undefined as Record<string, unknown> | undefined,
    menu: undefined as { label?: string; role?: string; submenu?: unknown[] }[] | undefined,
    exitCode: undefined as number | undefined,
    quit: false,
    permissionRequestHandler: undefined as
      | undefined
      | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
    permissionCheckHandler: undefined as undefined | ((...args: unknown[]) => boolean)
  }

  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    getName: () => 'WHOOP Desktop',
    getVersion: () => '0.1.0',
    getPath: (name: string) => paths[name] ?? `${options.userDataDir}/${name}`,
    setPath: (name: string, value: string) => void (paths[name] = value),
    requestSingleInstanceLock: () => options.gotSingleInstanceLock ?? true,
    setAsDefaultProtocolClient: (scheme: string, path?: string, args?: string[]) => {
      recorded.protocolClients.push({ scheme, path, args })
      return true
    },
    whenReady: () => readyPromise,
    setAboutPanelOptions: (panel: Record<string, unknown>) => void (recorded.aboutPanel = panel),
    showAboutPanel: () => {},
    quit: () => void (recorded.quit = true),
    exit: (code: number) => void (recorded.exitCode = code)
  })
  let markReady!: () => void
  const readyPromise = new Promise<void>((resolve) => (markReady = resolve))

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = []
    static getAllWindows = () => BrowserWindow.instances
    webContents = new FakeWebContents()
    loadedUrl?: string
    focused = false
    constructor(readonly options: Record<string, any>) {
      super()
      BrowserWindow.instances.push(this)
      app.emit('web-contents-created', {}, this.webContents)
    }
    loadURL(url: string) {
      this.loadedUrl = url
      this.webContents.url = url
      return Promise.resolve()
    }
    show() {}
    isDestroyed = () => false
    isMinimized = () => false
    restore() {}
    focus() {
      this.focused = true
    }
  }

  const electron = {
    app,
    BrowserWindow,
    ipcMain: Object.assign(new EventEmitter(), {
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => unknown) =>
        recorded.ipcHandlers.set(channel, handler)
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => recorded.privilegedSchemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Response | Promise<Response>) =>
        recorded.protocolHandlers.set(scheme, handler)
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof recorded.permissionRequestHandler) =>
          (recorded.permissionRequestHandler = handler),
        setPermissionCheckHandler: (handler: typeof recorded.permissionCheckHandler) =>
          (recorded.permissionCheckHandler = handler)
      }
    },
    shell: {
      openExternal: async (url: string) => void recorded.openedExternally.push(url)
    },
    dialog: {
      showErrorBox: (title: string, content: string) => recorded.errorBoxes.push({ title, content })
    },
    nativeTheme: { shouldUseDarkColors: false },
    Menu: {
      buildFromTemplate: (template: { label?: string; role?: string; submenu?: unknown[] }[]) => template,
      setApplicationMenu: (menu: { label?: string; role?: string; submenu?: unknown[] }[]) => void (recorded.menu = menu)
    },
    // A keyring stand-in: reversible, and visibly not the plain text.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => options.encryptionAvailable ?? true,
      getSelectedStorageBackend: () => options.storageBackend ?? 'gnome_libsecret',
      encryptStringAsync: async (plainText: string) => Buffer.from(`sealed:${Buffer.from(plainText).toString('base64')}`),
      decryptStringAsync: async (sealed: Buffer) => ({
        result: Buffer.from(sealed.toString().replace(/^sealed:/, ''), 'base64').toString(),
        shouldReEncrypt: false
      })
    }
  }

  return {
    electron,
    recorded,
    windows: BrowserWindow.instances,
    /** Lets `app.whenReady()` resolve, as Electron does once it has initialised. */
    becomeReady: () => {
      markReady()
      app.emit('ready')
    }
  }
}

/** An IPC event as Electron would deliver it from a frame showing `url`. */
export function ipcEventFrom(url: string, options: { isSubFrame?: boolean } = {}) {
  return { senderFrame: { url, parent: options.isSubFrame ? {} : null } }
}
