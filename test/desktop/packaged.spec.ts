import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, test } from '@playwright/test'
import { expectTheAppRunning } from './desktopChecks'

/**
 * The app electron-builder packed (`PACKAGED_APP`: its executable). Its fuses refuse Node's inspector,
 * which Playwright's Electron launcher needs, so the window is reached over Chromium's DevTools port.
 */
test('the packaged app starts, renders from app:// and reads its database', async () => {
  const executable = process.env.PACKAGED_APP
  if (!executable || !fs.existsSync(executable)) throw new Error(`PACKAGED_APP must name the packed executable (got ${executable})`)
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
    await browser.close()
  } finally {
    app.kill()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
