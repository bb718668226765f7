import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { createFakeElectron } from './fakeElectron'
import { loadMainBundle } from './loadMainBundle'

/*
 * The built app started by an assistant, `<app> --mcp`, in a process of its own (stdin and stdout
 * are the protocol): the main bundle under a fake Electron. When it exits it prints what it asked
 * of Electron on stderr, as `fake-electron {json}`.
 */
const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-electron-'))
const fake = createFakeElectron({ userDataDir })
process.on('exit', () => {
  const { singleInstanceLockRequested, hardwareAccelerationDisabled, dockHidden, quit, exitCode } = fake.recorded
  const asked = { windows: fake.windows.length, singleInstanceLockRequested, hardwareAccelerationDisabled, dockHidden, quit, exitCode }
  process.stderr.write(`fake-electron ${JSON.stringify(asked)}\n`)
  fs.rmSync(userDataDir, { recursive: true, force: true })
})
process.argv = [process.execPath, '/app', '--mcp']
loadMainBundle(fake)
