import { describe, expect, it } from 'vitest'
import {
  createDeepLinkEntry,
  findDeepLinkInArgv,
  parseDeepLink,
  type DeepLink
} from '../../../src/main/deepLinks/deepLinks'

const callback = 'whoop-desktop://oauth/callback?code=abc&state=12345678'

describe('findDeepLinkInArgv', () => {
  it.each([
    ['packaged Windows', ['C:\\Program Files\\WHOOP Desktop\\WHOOP Desktop.exe', callback]],
    ['packaged Linux', ['/opt/WHOOP Desktop/whoop-desktop', callback]],
    ['development (electron .)', ['/repo/node_modules/electron/dist/electron', '.', callback]],
    ['development with app path', ['C:\\repo\\node_modules\\electron\\dist\\electron.exe', 'C:\\repo', callback]],
    [
      'with Chromium switches Electron adds',
      ['/opt/app/whoop-desktop', '--allow-file-access-from-files', '--original-process-start-time=1', callback]
    ],
    ['with an upper-case scheme from Windows', ['app.exe', callback.replace('whoop-desktop', 'WHOOP-DESKTOP')]]
  ])('finds the link in the %s form', (_form, argv) => {
    expect(findDeepLinkInArgv(argv)?.toLowerCase()).toBe(callback.toLowerCase())
  })

  it('finds nothing in an ordinary launch', () => {
    expect(findDeepLinkInArgv(['/opt/app/whoop-desktop', '--no-sandbox'])).toBeUndefined()
    expect(findDeepLinkInArgv(['electron', '.', 'https://whoop-desktop.example/'])).toBeUndefined()
  })
})

describe('parseDeepLink', () => {
  it('reads the route and parameters', () => {
    const link = parseDeepLink(callback) as DeepLink
    expect(link.route).toBe('oauth/callback')
    expect(link.params.get('code')).toBe('abc')
    expect(parseDeepLink('whoop-desktop://oauth/callback/?x=1')).toMatchObject({ route: 'oauth/callback' })
  })

  it.each([
    ['another scheme', 'https://oauth/callback?code=x'],
    ['javascript', 'javascript:alert(1)'],
    ['a non-URL', 'whoop-desktop'],
    ['credentials', 'whoop-desktop://user:pass@oauth/callback'],
    ['a port', 'whoop-desktop://oauth:8080/callback'],
    ['an oversized URL', `whoop-desktop://oauth/callback?code=${'a'.repeat(5000)}`]
  ])('refuses %s', (_case, raw) => {
    expect(parseDeepLink(raw)).toHaveProperty('refused')
  })
})

describe('the deep-link entry point', () => {
  it('holds links that arrive before the app is ready and delivers them in order once it is', () => {
    const delivered: string[] = []
    const entry = createDeepLinkEntry({ 'oauth/callback': (link) => delivered.push(link.params.get('n')!) }, () => {})
    entry.receive('whoop-desktop://oauth/callback?n=1')
    entry.receive('whoop-desktop://oauth/callback?n=2')
    expect(delivered).toEqual([])
    entry.open()
    expect(delivered).toEqual(['1', '2'])
    entry.receive('whoop-desktop://oauth/callback?n=3')
    expect(delivered).toEqual(['1', '2', '3'])
  })

  it('refuses unknown routes and hostile links without calling any handler, and logs no parameters', () => {
    const delivered: DeepLink[] = []
    const logs: string[] = []
    const entry = createDeepLinkEntry({ 'oauth/callback': (link) => delivered.push(link) }, (m) => logs.push(m))
    entry.open()
    entry.receive('whoop-desktop://settings/delete-all?code=secret-code')
    entry.receive('whoop-desktop://toString')
    entry.receive('whoop-desktop://__proto__')
    entry.receive('file:///etc/passwd')
    expect(delivered).toEqual([])
    expect(logs).toHaveLength(4)
    expect(logs.join('\n')).not.toContain('secret-code')
  })
})
