import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../src/main/web/contentSecurityPolicy'
import { isAllowedExternalUrl } from '../../src/main/web/externalLinks'
import { rendererFilePath, rendererResponse } from '../../src/main/web/rendererFiles'
import { makeTempDir } from '../support/tempDir'

/** A renderer folder with a secret file beside it, which no URL may reach. */
function rendererFolder() {
  const parent = makeTempDir()
  const root = path.join(parent, 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.writeFileSync(path.join(root, 'index.html'), '<html><head></head><body>app</body></html>')
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)')
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'secret')
  fs.writeFileSync(path.join(parent, 'renderer-secret.txt'), 'secret')
  return root
}

describe('serving the renderer', () => {
  it('serves files with their content type and the security headers', async () => {
    const root = rendererFolder()
    const script = await rendererResponse(root, '/assets/index.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('content-security-policy')).toBe(contentSecurityPolicy)
    expect(script.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await script.text()).toBe('console.log(1)')
  })

  it('lets the browser keep the hashed build assets but not the page, whose key changes each launch', async () => {
    const root = rendererFolder()
    expect((await rendererResponse(root, '/assets/index.js')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable')
    for (const page of ['/', '/assets/..', '/assets/%2e%2e/index.html']) {
      expect((await rendererResponse(root, page)).headers.get('cache-control')).toBe('no-cache')
    }
  })

  it('answers the root and app routes with index.html', async () => {
    const root = rendererFolder()
    for (const pathname of ['/', '/settings', '/index.html']) {
      expect(await (await rendererResponse(root, pathname)).text()).toContain('app')
    }
  })

  it.each([
    '/../secret.txt',
    '/../renderer-secret.txt',
    '/assets/../../secret.txt',
    '/..%2f..%2fetc%2fpasswd',
    '/%2e%2e/%2e%2e/etc/passwd.txt',
    '/assets/..\\..\\secret.txt',
    '/%00index.html',
    '/%E0%A4%A'
  ])('never serves anything outside the renderer folder: %s', async (pathname) => {
    const root = rendererFolder()
    const file = rendererFilePath(root, pathname)
    if (file) expect(file.startsWith(root + path.sep)).toBe(true)
    const response = await rendererResponse(root, pathname)
    expect(await response.text()).not.toContain('secret')
  })

  it('answers a missing file with 404', async () => {
    expect((await rendererResponse(rendererFolder(), '/assets/missing.js')).status).toBe(404)
  })

  it('has a policy that allows only the app itself', () => {
    expect(contentSecurityPolicy).toContain("script-src 'self'")
    expect(contentSecurityPolicy).toContain("frame-ancestors 'none'")
    expect(contentSecurityPolicy).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*|data: *;? *script/)
  })
})

describe('external links', () => {
  it.each([
    ['https://developer-dashboard.whoop.com/', true],
    ['https://developer.whoop.com/docs/developing/oauth', true],
    ['http://developer.whoop.com/', false],
    ['https://developer.whoop.com.evil.example/', false],
    ['https://user@developer.whoop.com/', false],
    ['https://developer.whoop.com:8443/', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['smb://server/share', false],
    ['not a url', false]
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternalUrl(url)).toBe(allowed)
  })
})
