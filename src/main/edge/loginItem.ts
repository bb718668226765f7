import { app } from 'electron'
import { followAutostartEntry, START_HIDDEN_ARGUMENT } from '../desktop/autostartEntry'

/**
 * Start at login, hidden in the tray: the system's login items on macOS and Windows, an XDG
 * autostart entry on Linux (pointing at the AppImage itself when run from one).
 */
export function followStartAtLogin(enabled: boolean, log: (message: string) => void): void {
  if (process.platform === 'linux') {
    const executable = process.env.APPIMAGE ?? process.execPath
    const file = followAutostartEntry({ enabled, executable, env: process.env })
    log(`Start at login ${enabled ? `on: ${file}` : 'off'}`)
    return
  }
  app.setLoginItemSettings({ openAtLogin: enabled, args: [START_HIDDEN_ARGUMENT] })
}

/** Whether the app was started at login, to stay in the tray without its window. */
export function startedHidden(argv: readonly string[]): boolean {
  return argv.includes(START_HIDDEN_ARGUMENT) || (process.platform === 'darwin' && app.getLoginItemSettings().wasOpenedAtLogin)
}
