import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { contentSecurityPolicy } from '../../../src/main/web/contentSecurityPolicy'
import { isAllowedExternalUrl } from '../../../src/main/web/externalLinks'
import { rendererFilePath, rendererResponse } from '../../../src/main/web/rendererFiles'
import { makeTempDir } from '../../support/harness/tempDir'

const page = '<html><head></head><body>app</body></html>'

/**
 * A renderer folder (`<tmp>/app/renderer`) with a secret file at every place the hostile paths below
 * aim for, so that a path that escaped would be served, not merely missing.
 */
function rendererFolder() {
  const parent = makeTempDir()
  const root = path.join(parent, 'app', 'renderer')
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true })
  fs.mkdirSync(path.join(parent, 'etc'))
  fs.writeFileSync(path.join(root, 'index.html'), page)
  fs.writeFileSync(path.join(root, 'assets', 'index.js'), 'console.log(1)')
  for (const secret of ['app/secret.txt', 'app/renderer-secret.txt', 'etc/passwd', 'etc/passwd.txt']) {
    fs.writeFileSync(path.join(parent, secret), 'secret')
  }
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

  // Each hostile path, the file it names once decoded and clamped to the folder (undefined: none),
  // and the answer: the page for an extension-less path (the single-page app's routes), else 404.
  it.each([
    ['/../secret.txt', 'secret.txt', 404],
    ['/../renderer-secret.txt', 'renderer-secret.txt', 404],
    ['/assets/../../secret.txt', 'secret.txt', 404],
    ['/..%2f..%2fetc%2fpasswd', 'index.html', 200],
    ['/%2e%2e/%2e%2e/etc/passwd.txt', 'etc/passwd.txt', 404],
    // On POSIX a backslash is part of a file name, so this names one (missing) file in assets/.
    ['/assets/..\\..\\secret.txt', 'assets/..\\..\\secret.txt', 404],
    ['/%00index.html', undefined, 404],
    ['/%E0%A4%A', undefined, 404]
  ] as const)('never serves anything outside the renderer folder: %s names %s, answered %i', async (pathname, inside, status) => {
    const root = rendererFolder()
    expect(rendererFilePath(root, pathname)).toBe(inside === undefined ? undefined : path.join(root, inside))
    const response = await rendererResponse(root, pathname)
    expect(response.status).toBe(status)
    expect(await response.text()).toBe(status === 200 ? page : 'Not found')
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
