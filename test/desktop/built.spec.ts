import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { _electron as electron, test } from '@playwright/test'
import { expectTheAppRunning, expectTheTrayIcon } from './desktopChecks'

/** `out/` started by the real Electron binary of node_modules, as `npm start` does. */
test('the built app starts in Electron, renders from app://, reads its database and shows its tray icon', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-launch-'))
  const app = await electron.launch({
    args: [path.resolve(__dirname, '../..')],
    env: { ...process.env, WHOOP_DESKTOP_DATA_DIR: dataDir }
  })
  try {
    await expectTheAppRunning(await app.firstWindow())
    await expectTheTrayIcon(dataDir)
  } finally {
    await app.close()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
})
