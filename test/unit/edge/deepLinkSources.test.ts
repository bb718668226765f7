import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

const fake = await vi.hoisted(async () => {
  const { createFakeElectron } = await import('../../support/electron/fakeElectron')
  return createFakeElectron({ userDataDir: '/tmp/unused' })
})
vi.mock('electron', () => fake.electron)

const { listenForDeepLinks } = await import('../../../src/main/edge/deepLinkSources')
const { registerLinkScheme } = await import('../../../src/main/edge/linkScheme')
const { createDeepLinkEntry } = await import('../../../src/main/deepLinks/deepLinks')

const link = (n: number) => `whoop-desktop://oauth/callback?code=c${n}&state=stateabcdef`
const originalArgv = process.argv

function listen() {
  const received: string[] = []
  const entry = createDeepLinkEntry({ 'oauth/callback': (l) => received.push(l.params.get('code')!) }, () => {})
  let focused = 0
  listenForDeepLinks(entry, () => focused++)
  return { entry, received, focused: () => focused }
}

describe('deep links arriving from the operating system', () => {
  beforeEach(() => {
    fake.electron.app.removeAllListeners()
    fake.recorded.protocolClients.length = 0
  })
  afterEach(() => {
    process.argv = originalArgv
    delete (process as { defaultApp?: boolean }).defaultApp
  })

  it('registers the packaged app as the whoop-desktop handler', () => {
    process.argv = ['/opt/WHOOP Desktop/whoop-desktop']
    expect(registerLinkScheme()).toEqual({ reachesApp: true })
    expect(fake.recorded.protocolClients).toEqual([{ scheme: 'whoop-desktop', path: undefined, args: undefined }])
  })

  it('registers the development form, which relaunches Electron with the app path', () => {
    ;(process as { defaultApp?: boolean }).defaultApp = true
    process.argv = ['/repo/node_modules/electron/dist/electron', '/repo/out/main/index.js']
    registerLinkScheme()
    expect(fake.recorded.protocolClients).toEqual([
      { scheme: 'whoop-desktop', path: process.execPath, args: ['/repo/out/main/index.js'] }
    ])
  })

  it('takes the link from the first launch’s argv (Windows/Linux)', () => {
    process.argv = ['C:\\Apps\\WHOOP Desktop.exe', link(1)]
    const { entry, received } = listen()
    entry.open()
    expect(received).toEqual(['c1'])
  })

  it('takes the link from a second instance’s argv, including the dev-mode form, and focuses the window', () => {
    process.argv = ['/opt/app']
    const { entry, received, focused } = listen()
    entry.open()
    fake.electron.app.emit('second-instance', {}, ['/opt/app', '--allow-file-access-from-files', link(2)], '/')
    fake.electron.app.emit('second-instance', {}, ['electron', '.', link(3)], '/')
    fake.electron.app.emit('second-instance', {}, ['/opt/app'], '/')
    expect(received).toEqual(['c2', 'c3'])
    expect(focused()).toBe(3)
  })

  it('queues macOS open-url links that arrive before the app is ready', () => {
    process.argv = ['/Applications/WHOOP Desktop.app/Contents/MacOS/WHOOP Desktop']
    const { entry, received } = listen()
    let prevented = false
    fake.electron.app.emit('open-url', { preventDefault: () => (prevented = true) }, link(4))
    expect(prevented).toBe(true)
    expect(received).toEqual([])
    entry.open()
    expect(received).toEqual(['c4'])
  })
})
