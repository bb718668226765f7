import path from 'node:path'
import Conf from 'conf'
import { beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../scripts/bundleForNode.mjs'
import { openDatabase, DATABASE_FILE_NAME } from '../../src/main/database/openDatabase'
import { loadDemoData } from '../../src/main/demo/demoData'
import { settingsBackendOptions, type SettingsBackend } from '../../src/main/settings/settingsStore'
import { connectAssistant } from '../support/harness/mcpClient'
import { launchBuiltApp } from '../support/electron/mainBundle'
import { makeTempDir } from '../support/harness/tempDir'

/*
 * The installed app started by an assistant as `<app> --mcp`: the built main bundle, under a fake
 * Electron, in a process of its own whose stdin and stdout are the protocol.
 */

let child: string
beforeAll(async () => {
  child = await bundleForNode('test/support/electron/assistantModeChild.ts', path.resolve('test-results/assistant-mode-child'))
})

describe('<app> --mcp', () => {
  it('serves the tools over stdio with no window, no single-instance lock and no dock icon, and quits when the assistant leaves', async () => {
    const dataDir = makeTempDir()
    const db = openDatabase(path.join(dataDir, DATABASE_FILE_NAME))
    const { records } = loadDemoData(db, Date.parse('2026-12-01T12:00:00Z'))
    db.close()
    const settings = new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend
    settings.set({ ...settings.store, assistantAccess: true })

    const assistant = await connectAssistant(dataDir, { command: process.execPath, args: [child] })
    expect(assistant.client.getServerVersion()).toMatchObject({ name: 'whoop-desktop', version: '0.1.0' })
    const { json } = await assistant.call('get_sync_status')
    expect(json.account).toBe('demo data (no WHOOP account connected)')
    expect(Object.values(json.records as Record<string, number>).reduce((sum, count) => sum + count, 0)).toBe(records)
    const { log } = await assistant.close()

    const asked = JSON.parse(log.split('\n').find((line) => line.startsWith('fake-electron '))!.slice('fake-electron '.length))
    expect(asked).toEqual({ windows: 0, singleInstanceLockRequested: false, hardwareAccelerationDisabled: true, dockHidden: true, quit: true })
  })
})

describe('Settings → AI assistants in the desktop app', () => {
  it('gives this executable with --mcp, the AppImage itself when run as one, and the data folder it runs on', async () => {
    const { fake, dataDir, call } = launchBuiltApp()
    await fake.becomeReady()
    expect((await call('getAssistantAccess')).value.command).toEqual({ command: process.execPath, args: ['--mcp'], env: { WHOOP_DESKTOP_DATA_DIR: dataDir } })

    process.env.APPIMAGE = '/home/alex/Applications/WHOOP-Desktop.AppImage'
    try {
      const appImage = launchBuiltApp()
      await appImage.fake.becomeReady()
      const { value } = await appImage.call('getAssistantAccess')
      expect(value.command.command).toBe('/home/alex/Applications/WHOOP-Desktop.AppImage')
      expect(value.clients.map((client: { client: string }) => client.client)).toEqual(['Claude Desktop', 'Cursor', 'VS Code'])
      expect(JSON.parse(value.clients[0].json)).toEqual({
        mcpServers: { 'whoop-desktop': { command: '/home/alex/Applications/WHOOP-Desktop.AppImage', args: ['--mcp'], env: { WHOOP_DESKTOP_DATA_DIR: appImage.dataDir } } }
      })
    } finally {
      delete process.env.APPIMAGE
    }
  })
})
