import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import { chromium, expect, test } from '@playwright/test'
import Conf from 'conf'
import { DATABASE_FILE_NAME, openDatabase } from '../../src/main/database/openDatabase'
import { loadDemoData } from '../../src/main/demo/demoData'
import { settingsBackendOptions, type SettingsBackend } from '../../src/main/settings/settingsStore'
import { expectTheAppRunning, expectTheTrayIcon } from './desktopChecks'

/**
 * The app electron-builder packed (`PACKAGED_APP`: its executable). Its fuses refuse Node's inspector,
 * which Playwright's Electron launcher needs, so the window is reached over Chromium's DevTools port.
 */
function packagedExecutable(): string {
  const executable = process.env.PACKAGED_APP
  if (!executable || !fs.existsSync(executable)) throw new Error(`PACKAGED_APP must name the packed executable (got ${executable})`)
  return executable
}

test('the packaged app starts, renders from app://, reads its database and shows its tray icon', async () => {
  const executable = packagedExecutable()
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-packaged-'))
  const app = spawn(executable, ['--remote-debugging-port=0'], { env: { ...process.env, WHOOP_DESKTOP_DATA_DIR: dataDir } })
  try {
    const devToolsUrl = await new Promise<string>((resolve, reject) => {
      let output = ''
      app.stderr.on('data', (chunk) => {
        output += chunk
        const found = /DevTools listening on (ws:\/\/\S+)/.exec(output)
        if (found) resolve(found[1])
      })
      app.on('exit', (code) => reject(new Error(`the packaged app exited (${code}) before it opened a window:\n${output}`)))
    })
    const browser = await chromium.connectOverCDP(devToolsUrl)
    const [context] = browser.contexts()
    const page = context.pages()[0] ?? (await context.waitForEvent('page'))
    await expectTheAppRunning(page)
    await expectTheTrayIcon(dataDir)
    await browser.close()
  } finally {
    app.kill()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})

test('the packaged executable started as `--mcp` answers an assistant over stdio, from the data folder the app keeps', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-mcp-'))
  const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME))
  const { records } = loadDemoData(db, Date.now())
  db.close()
  // The person allowed assistants in Settings.
  const settings = new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend
  settings.set({ ...settings.store, assistantAccess: true })

  const transport = new StdioClientTransport({ command: packagedExecutable(), args: ['--mcp'], env: { ...process.env, WHOOP_DESKTOP_DATA_DIR: dataDir } as Record<string, string>, stderr: 'pipe' })
  const client = new Client({ name: 'whoop-desktop-desktop-tests', version: '1.0.0' })
  try {
    await client.connect(transport)
    expect(client.getServerVersion()).toMatchObject({ name: 'whoop-desktop' })
    const result = (await client.callTool({ name: 'get_sync_status', arguments: {} })) as { isError?: boolean; content: { text: string }[] }
    expect(result.isError).not.toBe(true)
    const status = JSON.parse(result.content.map((part) => part.text).join(''))
    expect(status.account).toBe('demo data (no WHOOP account connected)')
    expect(Object.values(status.records as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(records)
  } finally {
    await client.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
