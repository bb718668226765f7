import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { launchBuiltApp } from '../support/electron/mainBundle'
import { makeTempDir } from '../support/harness/tempDir'

/** The Electron edge of the built app where the OS or Chromium says no. */
const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!
const playPlatform = (platform: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: platform })

afterEach(() => {
  Object.defineProperty(process, 'platform', realPlatform)
  delete (process as { defaultApp?: boolean }).defaultApp
  delete process.env.APPIMAGE
  delete process.env.XDG_DATA_HOME
})

describe('whoop-desktop:// links, as the OS really delivers them', () => {
  it('are offered when the OS registered the app as their handler', async () => {
    const { fake, call } = launchBuiltApp()
    await fake.becomeReady()
    expect((await call('getConnection')).value.deepLinks).toEqual({ reachesApp: true })
  })

  it('are not offered, with the reason, when the OS did not make the app their handler', async () => {
    const { fake, call } = launchBuiltApp({ protocolRegistration: { accepted: true, isDefault: false } })
    await fake.becomeReady()
    const { deepLinks } = (await call('getConnection')).value
    expect(deepLinks.reachesApp).toBe(false)
    expect(deepLinks.reason).toMatch(/did not (register|accept) WHOOP Desktop as the handler of whoop-desktop:\/\/ links/)
  })

  it('are not offered in a development run on macOS, whose Electron bundle cannot declare the scheme', async () => {
    playPlatform('darwin')
    ;(process as { defaultApp?: boolean }).defaultApp = true
    const { fake, call } = launchBuiltApp({ argv: ['/repo/node_modules/electron/dist/Electron.app/Contents/MacOS/Electron', '/repo'] })
    await fake.becomeReady()
    expect((await call('getConnection')).value.deepLinks).toEqual({ reachesApp: false, reason: expect.stringContaining('not to a development run') })
    expect(fake.recorded.protocolClients).toEqual([])
  })

  it('from an AppImage: writes the handler’s .desktop entry into the person’s applications folder first', async () => {
    playPlatform('linux')
    const dataHome = makeTempDir()
    process.env.XDG_DATA_HOME = dataHome
    process.env.APPIMAGE = '/home/alex/Apps/WHOOP Desktop-0.1.0 "100%".AppImage'
    const { fake, call } = launchBuiltApp()
    await fake.becomeReady()
    const entry = fs.readFileSync(path.join(dataHome, 'applications/whoop-desktop.desktop'), 'utf8')
    expect(entry).toContain('Exec="/home/alex/Apps/WHOOP Desktop-0.1.0 \\"100%%\\".AppImage" %u\n')
    expect(entry).toContain('MimeType=x-scheme-handler/whoop-desktop;\n')
    expect(fake.recorded.protocolClients.map((client) => client.scheme)).toEqual(['whoop-desktop'])
    expect((await call('getConnection')).value.deepLinks.reachesApp).toBe(true)
  })
})

describe('a window that cannot show the app', () => {
  it('is shown with a dialog when its page fails to load; Quit quits', async () => {
    const { fake } = launchBuiltApp({ messageBoxResponse: 1 })
    await fake.becomeReady()
    const [window] = fake.windows
    expect(window.isVisible()).toBe(false)
    const dialogShown = fake.nextMessageBox()
    const ended = fake.next('ended')
    window.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://whoop-desktop/index.html', true)
    expect(await dialogShown).toMatchObject({
      message: 'WHOOP Desktop could not show its window.',
      detail: expect.stringContaining('ERR_FILE_NOT_FOUND (-6)'),
      buttons: ['Try Again', 'Quit']
    })
    expect(window.isVisible()).toBe(true)
    await ended
    expect(fake.recorded.quit).toBe(true)
  })

  it('loads the page again when the person chooses Try Again', async () => {
    const { fake } = launchBuiltApp({ messageBoxResponse: 0 })
    await fake.becomeReady()
    const [window] = fake.windows
    const loadedAgain = fake.next('load')
    window.webContents.emit('did-fail-load', {}, -2, 'ERR_FAILED', 'app://whoop-desktop/index.html', true)
    await loadedAgain
    expect(window.loads).toEqual(['app://whoop-desktop/index.html', 'app://whoop-desktop/index.html'])
    expect(fake.recorded.quit).toBe(false)
  })

  it('offers to reload when its renderer dies, and ignores a frame that fails inside the page', async () => {
    const { fake } = launchBuiltApp({ messageBoxResponse: 0 })
    await fake.becomeReady()
    const [window] = fake.windows
    window.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'https://example.test/', false)
    const dialogShown = fake.nextMessageBox()
    const reloaded = new Promise((resolve) => window.webContents.once('fake:reload', resolve))
    window.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 9 })
    expect(await dialogShown).toMatchObject({ message: 'The WHOOP Desktop window stopped unexpectedly.', detail: expect.stringContaining('oom') })
    expect(fake.recorded.messageBoxes).toHaveLength(1)
    await reloaded
    expect(window.webContents.reloads).toBe(1)
  })
})

describe('a second launch, refused the single-instance lock', () => {
  it('quits without opening a window, a handler or the database', async () => {
    const { fake, dataDir } = launchBuiltApp({ gotSingleInstanceLock: false })
    await fake.becomeReady()
    expect(fake.recorded.quit).toBe(true)
    expect(fake.windows).toHaveLength(0)
    expect(fake.recorded.ipcHandlers.size).toBe(0)
    expect(fs.existsSync(path.join(dataDir, 'whoop-desktop.sqlite'))).toBe(false)
  })
})

describe('what the OS refuses to open reaches the page as a typed error', () => {
  it('the logs folder', async () => {
    const { fake, call } = launchBuiltApp({ openPathError: 'No application is registered for folders' })
    await fake.becomeReady()
    const result = await call('openLogsFolder')
    expect(result).toEqual({
      ok: false,
      error: { code: 'system', message: expect.stringContaining('The folder could not be opened (No application is registered for folders). It is at ') }
    })
    expect(fake.recorded.openedPaths).toEqual([expect.stringMatching(/logs$/)])
  })

  it('the browser, for WHOOP’s sign-in page', async () => {
    const { fake, call } = launchBuiltApp({ openExternalError: 'no default browser' })
    await fake.becomeReady()
    const result = await call('startSignIn', [{ clientId: 'client', clientSecret: 'secret', redirect: 'loopback' }])
    expect(result).toEqual({
      ok: false,
      error: { code: 'system', message: 'Your web browser could not be opened (no default browser). Check that a default browser is set, then try again.' }
    })
  })
})
