import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { quoteExecArgument } from '../deepLinks/appImageDesktopEntry'

/** The argument that starts the app in the tray, without its window (a start at login). */
export const START_HIDDEN_ARGUMENT = '--hidden'

/**
 * Start at login on Linux: an entry in the XDG autostart folder (`~/.config/autostart`), which
 * every desktop that follows freedesktop.org's Desktop Application Autostart Specification starts
 * at login; it starts the app hidden in the tray. Turning it off removes the entry.
 * Returns the entry's file.
 */
export function followAutostartEntry(options: { enabled: boolean; executable: string; env: NodeJS.ProcessEnv; home?: string }): string {
  const configHome = options.env.XDG_CONFIG_HOME || path.join(options.home ?? os.homedir(), '.config')
  const file = path.join(configHome, 'autostart', 'whoop-desktop.desktop')
  if (!options.enabled) {
    fs.rmSync(file, { force: true })
    return file
  }
  const entry = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=WHOOP Desktop',
    'Comment=Syncs your WHOOP history in the background',
    `Exec=${quoteExecArgument(options.executable)} ${START_HIDDEN_ARGUMENT}`,
    'Terminal=false',
    'X-GNOME-Autostart-enabled=true',
    ''
  ].join('\n')
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, entry, { mode: 0o644 })
  return file
}
