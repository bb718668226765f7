import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, expect, test, type ElectronApplication } from '@playwright/test'
import { strToU8, zipSync } from 'fflate'
import { addDays } from '../../src/shared/calendar'
import { generateMemberHistory } from '../../src/main/demo/memberHistory'
import { englishHeaders, whoopExportCsv } from '../support/fixtures/whoopExportFixture'
import type { Api } from '../../src/shared/api'
import { expectTheAppPage, expectTheAppRunning } from './desktopChecks'

/*
 * The app's code exactly as electron-builder packed it (`PACKED_ASAR`: its resources/app.asar),
 * started by the real Electron of node_modules. The packaged executable's fuses shut out Node's
 * inspector, so this is how a test reaches the main process to answer the native file dialogs,
 * which nothing else can; packaged.spec.ts starts the packaged executable itself.
 */

const asar = process.env.PACKED_ASAR
const folders: string[] = []
test.afterEach(() => folders.splice(0).forEach((folder) => fs.rmSync(folder, { recursive: true, force: true })))
const newFolder = (name: string) => {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `whoop-desktop-${name}-`))
  folders.push(folder)
  return folder
}

async function launchPackedCode(dataDir: string): Promise<ElectronApplication> {
  if (!asar || !fs.existsSync(asar)) throw new Error(`PACKED_ASAR must name the packed app.asar (got ${asar})`)
  const app = await electron.launch({ args: [asar], env: { ...process.env, WHOOP_DESKTOP_DATA_DIR: dataDir } })
  // The main process runs from inside the archive, not from out/.
  expect(await app.evaluate(({ app: electronApp }) => electronApp.getAppPath())).toBe(path.resolve(asar))
  return app
}

/** Calls the API in the window, as the page does. */
async function call<Method extends keyof Api>(app: ElectronApplication, method: Method, ...args: Parameters<Api[Method]>) {
  const page = await app.firstWindow()
  return page.evaluate(([name, given]) => (window.api![name] as (...a: unknown[]) => Promise<unknown>)(...given), [method, args] as const) as ReturnType<Api[Method]>
}

test("imports WHOOP's export in the import worker, loaded from app.asar with SQLite from app.asar.unpacked", async () => {
  const history = generateMemberHistory({ days: 30, now: Date.now() })
  const csv = whoopExportCsv(history, englishHeaders)
  const zip = path.join(newFolder('export'), 'my_whoop_data.zip')
  fs.writeFileSync(zip, zipSync({ 'physiological_cycles.csv': strToU8(csv.cycles), 'sleeps.csv': strToU8(csv.sleeps), 'workouts.csv': strToU8(csv.workouts), 'journal_entries.csv': strToU8(csv.journal) }))

  const app = await launchPackedCode(newFolder('data'))
  try {
    await expectTheAppPage(await app.firstWindow())
    // The person picks the file in the open dialog.
    await app.evaluate(({ dialog }, file) => {
      dialog.showOpenDialog = (async () => ({ canceled: false, filePaths: [file] })) as unknown as typeof dialog.showOpenDialog
    }, zip)
    const result = await call(app, 'importData', { kind: 'whoop-export' })
    expect(result).toMatchObject({
      ok: true,
      value: { imported: true, file: 'my_whoop_data.zip', byType: { cycle: { added: history.cycles.length }, workout: { added: history.workouts.length } } }
    })
  } finally {
    await app.close()
  }
})

test("prints the month's report to PDF through the window, A4 and Letter", async () => {
  const app = await launchPackedCode(newFolder('data'))
  const target = newFolder('report')
  try {
    await expectTheAppRunning(await app.firstWindow())
    const dashboard = await call(app, 'getDashboard', { range: '1m' })
    const latest = dashboard.ok ? dashboard.value?.latest?.date : undefined
    expect(latest, 'the demo data has a newest day').toBeTruthy()
    // The month before the demo's newest day: whole, with data on every day.
    const month = addDays(`${latest!.slice(0, 7)}-01`, -1).slice(0, 7)
    for (const pageSize of ['A4', 'Letter'] as const) {
      const file = path.join(target, `report-${pageSize}.pdf`)
      await app.evaluate(({ dialog }, chosen) => {
        dialog.showSaveDialog = (async () => ({ canceled: false, filePath: chosen })) as unknown as typeof dialog.showSaveDialog
      }, file)
      expect(await call(app, 'saveReportPdf', { month, pageSize })).toEqual({ ok: true, value: { saved: true, printInPage: false, file } })
      const pdf = fs.readFileSync(file).toString('latin1')
      expect(pdf.startsWith('%PDF-')).toBe(true)
      expect(pdf.match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(1)
    }
  } finally {
    await app.close()
  }
})

test("keeps the WHOOP app's secret encrypted by the system's secret store (safeStorage), and reads it back after a restart", async () => {
  const dataDir = newFolder('data')
  const secret = 'a-secret-for-the-vault-round-trip'
  const first = await launchPackedCode(dataDir)
  try {
    await expectTheAppPage(await first.firstWindow())
    // No browser opens: the test stands in for it.
    await first.evaluate(({ shell }) => {
      shell.openExternal = (async () => undefined) as typeof shell.openExternal
    })
    const before = await call(first, 'getConnection')
    expect(before.ok).toBe(true)
    const backend = before.ok ? before.value.storage.backend : ''
    // Where the system has no keyring (a Linux runner), Chromium's fixed-key store is all there is.
    if (process.platform === 'linux') await call(first, 'updateSettings', { allowWeakTokenStorage: true })
    else expect(backend).toBe(process.platform === 'darwin' ? 'keychain' : 'dpapi')
    expect(await call(first, 'startSignIn', { clientId: 'desktop-round-trip', clientSecret: secret, redirect: 'loopback' })).toMatchObject({ ok: true })
    await call(first, 'cancelSignIn')
  } finally {
    await first.close()
  }
  const vault = fs.readFileSync(path.join(dataDir, 'whoop-vault.json'), 'utf8')
  expect(vault).not.toContain(secret)
  expect(JSON.parse(vault)).toMatchObject({ clientId: 'desktop-round-trip', clientSecret: expect.any(String) })

  const second = await launchPackedCode(dataDir)
  try {
    await expectTheAppPage(await second.firstWindow())
    const after = await call(second, 'getConnection')
    expect(after).toMatchObject({ ok: true, value: { clientId: 'desktop-round-trip', hasClientSecret: true, storage: { persistent: true } } })
  } finally {
    await second.close()
  }
})
