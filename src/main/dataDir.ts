import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const APP_FOLDER_NAME = 'WHOOP Desktop'

/**
 * Where the database and settings live: `WHOOP_DESKTOP_DATA_DIR` when set (tests, portable installs),
 * otherwise the per-user folder Electron calls `userData`, which `systemDefault` supplies.
 */
export function resolveDataDir(env: NodeJS.ProcessEnv, systemDefault: string): string {
  const override = env.WHOOP_DESKTOP_DATA_DIR?.trim()
  return path.resolve(override || systemDefault)
}

/**
 * Electron's `userData` folder for this app, computed without Electron, so that the MCP server under
 * plain Node (`node out/main/mcp.js`) opens the same database as the desktop app.
 */
export function defaultUserDataDir(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA || path.join(home, 'AppData', 'Roaming'), APP_FOLDER_NAME)
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', APP_FOLDER_NAME)
  return path.join(env.XDG_CONFIG_HOME || path.join(home, '.config'), APP_FOLDER_NAME)
}

/** The data folder, readable only by the person (`0700`) where the system has such modes. */
export function makePrivateFolder(dataDir: string): void {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  if (process.platform !== 'win32') fs.chmodSync(dataDir, 0o700)
}
