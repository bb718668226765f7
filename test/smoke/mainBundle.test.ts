import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { SOURCE_DIGEST_FILE, sourceDigest } from '../../scripts/sourceDigest.mjs'
import { apiChannels, apiMethods } from '../../src/shared/channels'
import { FAKE_PDF, ipcEventFrom } from '../support/electron/fakeElectron'
import { APP_PAGE as appPage, launchBuiltApp, outDir } from '../support/electron/mainBundle'
import { makeTempDir } from '../support/harness/tempDir'
import { whoopExportZip } from '../support/fixtures/whoopExportZip'
import { generateMemberHistory } from '../../src/main/demo/memberHistory'
import { latestSchemaVersion } from '../../src/main/database/migrations'

/** Starts the built main bundle against a fake Electron and a fresh data folder. */
async function startBuiltApp(dataDir = makeTempDir(), options: { openDialogFile?: string; saveDialogFile?: string } = {}) {
  const { fake, call } = launchBuiltApp({ dataDir, ...options })
  const beforeReady = {
    privilegedSchemes: [...fake.recorded.privilegedSchemes],
    protocolClients: [...fake.recorded.protocolClients]
  }
  await fake.becomeReady()
  return { fake, dataDir, beforeReady, call }
}

describe('the built main bundle under plain Node', () => {
  it('opens one window whose page is sandboxed, isolated and without Node', async () => {
    const { fake } = await startBuiltApp()
    expect(fake.windows).toHaveLength(1)
    const { webPreferences } = fake.windows[0].options
    expect(webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      webviewTag: false,
      allowRunningInsecureContent: false
    })
    expect(fs.existsSync(webPreferences!.preload!)).toBe(true)
    expect(fake.windows[0].loadedUrl).toBe(appPage)
  })

  it('serves the renderer from app:// with a strict Content-Security-Policy and no inline script', async () => {
    const { fake, beforeReady } = await startBuiltApp()
    expect(beforeReady.privilegedSchemes).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } }
    ])
    const serve = fake.recorded.protocolHandlers.get('app')!
    const page = await serve({ url: appPage } as Request)
    const csp = page.headers.get('content-security-policy')
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/)
    const html = await page.text()
    expect(html).toContain('<div id="root"></div>')
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/)

    const escape = await serve({ url: 'app://whoop-desktop/..%2f..%2fmain%2findex.js' } as Request)
    expect(escape.status).toBe(404)
    const otherHost = await serve({ url: 'app://elsewhere/index.html' } as Request)
    expect(otherHost.status).toBe(404)
  })

  it('registers a validating handler for every API method that answers bad arguments with a typed error', async () => {
    const { fake, call } = await startBuiltApp()
    expect([...fake.recorded.ipcHandlers.keys()].sort()).toEqual(Object.values(apiChannels).sort())
    for (const method of apiMethods) {
      const bad = await call(method, [{ not: 'expected' }, 42, 'extra'])
      expect(bad, method).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    }
    const info = await call('getAppInfo')
    expect(info).toMatchObject({ ok: true, value: { version: '0.1.0', schemaVersion: latestSchemaVersion } })
    const updated = await call('updateSettings', [{ theme: 'dark' }])
    expect(updated).toMatchObject({ ok: true, value: { theme: 'dark' } })
    expect(await call('getSettings')).toMatchObject({ ok: true, value: { theme: 'dark' } })
  })

  it('has no IPC listener but the sender-checked API handlers (electron-store adds one that answers any frame)', async () => {
    const { fake } = await startBuiltApp()
    expect(fake.electron.ipcMain.eventNames()).toEqual([])
    expect(fake.recorded.ipcHandlers.size).toBe(apiMethods.length)
  })

  it('refuses API calls from any frame that is not the app page', async () => {
    const { fake, call } = await startBuiltApp()
    for (const from of ['https://evil.example/', 'file:///etc/passwd', 'app://elsewhere/index.html']) {
      expect(await call('getAppInfo', [], from)).toMatchObject({ ok: false, error: { code: 'forbidden' } })
    }
    const handler = fake.recorded.ipcHandlers.get(apiChannels.getAppInfo)!
    expect(await handler(ipcEventFrom(appPage, { isSubFrame: true }))).toMatchObject({ error: { code: 'forbidden' } })
    expect(await handler({ senderFrame: null })).toMatchObject({ error: { code: 'forbidden' } })
  })

  it('denies navigation, redirects, new windows and permissions (but writing the clipboard); opens only allow-listed https links outside', async () => {
    const { fake } = await startBuiltApp()
    const contents = fake.windows[0].webContents
    expect(contents.attempt('will-navigate', { url: 'https://evil.example/' })).toBe(true)
    expect(contents.attempt('will-frame-navigate', { url: 'https://evil.example/', isMainFrame: false })).toBe(true)
    expect(contents.attempt('will-redirect', { url: 'https://evil.example/' })).toBe(true)
    expect(contents.attempt('will-attach-webview')).toBe(true)

    for (const url of ['https://developer-dashboard.whoop.com/', 'http://developer.whoop.com/', 'file:///etc/passwd']) {
      expect(contents.windowOpenHandler!({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: appPage, policy: 'default' } })).toEqual({ action: 'deny' })
    }
    expect(fake.recorded.openedExternally).toEqual(['https://developer-dashboard.whoop.com/'])

    const granted: boolean[] = []
    fake.recorded.permissionRequestHandler!({}, 'media', (answer) => granted.push(answer))
    fake.recorded.permissionRequestHandler!({}, 'notifications', (answer) => granted.push(answer))
    fake.recorded.permissionRequestHandler!({}, 'clipboard-read', (answer) => granted.push(answer))
    fake.recorded.permissionRequestHandler!({}, 'clipboard-sanitized-write', (answer) => granted.push(answer))
    expect(granted).toEqual([false, false, false, true])
    expect(fake.recorded.permissionCheckHandler!({}, 'clipboard-read')).toBe(false)
  })

  it('registers the whoop-desktop protocol and keeps its data in WHOOP_DESKTOP_DATA_DIR', async () => {
    const { fake, dataDir, beforeReady } = await startBuiltApp()
    expect(beforeReady.protocolClients.map((client) => client.scheme)).toEqual(['whoop-desktop'])
    expect(fake.electron.app.getPath('userData')).toBe(dataDir)
    const database = new BetterSqlite3(path.join(dataDir, 'whoop-desktop.sqlite'), { readonly: true })
    expect(database.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(database.pragma('user_version', { simple: true })).toBe(latestSchemaVersion)
    database.close()
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'))).toMatchObject({ theme: 'system' })
  })

  it('runs on the computer’s clock: the instant WHOOP_DESKTOP_NOW names is the browser host’s and the tests’ alone', async () => {
    const suite = process.env.WHOOP_DESKTOP_NOW
    process.env.WHOOP_DESKTOP_NOW = '2001-02-03T04:05:06Z'
    try {
      const { call } = await startBuiltApp()
      await call('loadDemoData')
      const dashboard = await call('getDashboard', [{ range: '1w' }])
      // The demo ends on the computer's today (in the member's zone, a day either side of UTC's).
      const utcToday = new Date().toISOString().slice(0, 10)
      expect(Math.abs(Date.parse(dashboard.value.to) - Date.parse(utcToday))).toBeLessThanOrEqual(86_400_000)
    } finally {
      if (suite === undefined) delete process.env.WHOOP_DESKTOP_NOW
      else process.env.WHOOP_DESKTOP_NOW = suite
    }
  })

  it("imports WHOOP's export in the worker built beside the bundle, with the file chosen in the open dialog", async () => {
    const history = generateMemberHistory({ days: 30, now: Date.parse('2026-11-20T15:00:00Z') })
    const { fake, dataDir, call } = await startBuiltApp(makeTempDir(), { openDialogFile: whoopExportZip(history) })
    const result = await call('importData', [{ kind: 'whoop-export' }])
    expect(result).toMatchObject({ ok: true, value: { imported: true, file: 'my_whoop_data.zip', byType: { cycle: { added: history.cycles.length } } } })
    expect(fake.recorded.openDialogs[0].filters).toEqual([{ name: "WHOOP's data export", extensions: ['zip', 'csv'] }])
    const database = new BetterSqlite3(path.join(dataDir, 'whoop-desktop.sqlite'), { readonly: true })
    expect(database.prepare('SELECT COUNT(*) AS n FROM workout').get()).toEqual({ n: history.workouts.length })
    database.close()
  })

  it("saves the month's report as a PDF printed by the window, to the file chosen in the save dialog", async () => {
    const target = path.join(makeTempDir(), 'my report.pdf')
    const { fake, call } = await startBuiltApp(makeTempDir(), { saveDialogFile: target })
    await call('loadDemoData')
    expect(await call('saveReportPdf', [{ month: '2026-10', pageSize: 'Letter' }])).toEqual({ ok: true, value: { saved: true, printInPage: false, file: target } })
    expect(fs.readFileSync(target, 'utf8')).toBe(FAKE_PDF)
    expect(fake.windows[0].webContents.printed).toEqual([{ pageSize: 'Letter', printBackground: true }])
    expect(fake.recorded.saveDialogs[0]).toMatchObject({ defaultPath: expect.stringMatching(/whoop-report-2026-10\.pdf$/), filters: [{ name: 'PDF report', extensions: ['pdf'] }] })

    const cancelled = await startBuiltApp(makeTempDir())
    expect(await cancelled.call('saveReportPdf', [{ month: '2026-10', pageSize: 'A4' }])).toEqual({ ok: true, value: { saved: false, printInPage: false } })
  })

  it("saves the report's image, drawn by the page, to the file chosen in the save dialog, and refuses bytes that are not a PNG", async () => {
    const target = path.join(makeTempDir(), 'my report.png')
    const { fake, call } = await startBuiltApp(makeTempDir(), { saveDialogFile: target })
    // The smallest PNG: one transparent pixel.
    const png = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='
    expect(await call('saveReportImage', [{ month: '2026-10', png }])).toEqual({ ok: true, value: { saved: true, file: target, name: 'whoop-report-2026-10.png' } })
    expect(fs.readFileSync(target).equals(Buffer.from(png, 'base64'))).toBe(true)
    expect(fake.recorded.saveDialogs[0]).toMatchObject({ defaultPath: expect.stringMatching(/whoop-report-2026-10\.png$/), filters: [{ name: 'PNG image', extensions: ['png'] }] })

    const notAnImage = await call('saveReportImage', [{ month: '2026-10', png: Buffer.from('%PDF-1.7').toString('base64') }])
    expect(notAnImage).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'The report image is not a PNG image.' } })
    expect(fake.recorded.saveDialogs).toHaveLength(1)
  })

  it('refuses a database from a newer app with a clear message, opens no window and leaves the file untouched', async () => {
    const dataDir = makeTempDir()
    const file = path.join(dataDir, 'whoop-desktop.sqlite')
    const newer = new BetterSqlite3(file)
    newer.exec('CREATE TABLE future (x); PRAGMA user_version = 99;')
    newer.close()
    const digest = () => crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')
    const before = digest()

    const { fake } = await startBuiltApp(dataDir)
    expect(fake.windows).toHaveLength(0)
    expect(fake.recorded.exitCode).toBe(1)
    expect(fake.recorded.errorBoxes).toHaveLength(1)
    expect(fake.recorded.errorBoxes[0].content).toMatch(new RegExp(`newer version of WHOOP Desktop \\(schema 99; .* up to ${latestSchemaVersion}\\)`))
    expect(digest()).toBe(before)
  })

  it('refuses to start against a WHOOP server that is not https, saying which setting is wrong', async () => {
    process.env.WHOOP_API_BASE_URL = 'http://api.example.test/developer'
    try {
      const { fake } = await startBuiltApp()
      expect(fake.windows).toHaveLength(0)
      expect(fake.recorded.exitCode).toBe(1)
      expect(fake.recorded.errorBoxes[0].content).toContain('WHOOP_API_BASE_URL must be an https:// URL')
    } finally {
      delete process.env.WHOOP_API_BASE_URL
    }
  })

  it('has an application menu with editing commands, About with the version, and the logs folder', async () => {
    const { fake } = await startBuiltApp()
    expect(fake.recorded.aboutPanel).toMatchObject({ applicationName: 'WHOOP Desktop', applicationVersion: '0.1.0' })
    const menu = fake.recorded.menu!
    expect(menu.map((item) => item.role ?? item.label)).toEqual(['File', 'editMenu', 'View', 'help'])
    const help = menu.find((item) => item.role === 'help')!.submenu as { label: string }[]
    expect(help.map((item) => item.label)).toEqual(['Open Logs Folder', 'About WHOOP Desktop'])
    expect((menu.find((item) => item.label === 'View')!.submenu as { role: string }[]).map((i) => i.role)).toEqual(['togglefullscreen'])
  })

  it('has been built from the current sources', () => {
    const builtFrom = fs.readFileSync(path.join(outDir, 'main', SOURCE_DIGEST_FILE), 'utf8')
    expect(builtFrom, 'out/ is older than src/: run `npm run build`').toBe(sourceDigest(path.resolve(__dirname, '../..')))
    expect(fs.existsSync(path.join(outDir, 'preload/index.js'))).toBe(true)
    expect(fs.existsSync(path.join(outDir, 'renderer/index.html'))).toBe(true)
  })
})
