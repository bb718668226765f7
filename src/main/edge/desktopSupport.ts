import { Notification } from 'electron'
import type { DesktopSupport } from '../../shared/api'

/**
 * What this computer offers around the window. GNOME (without Ubuntu's AppIndicator extension)
 * shows no tray icons, so there the window closes as usual and Settings says why.
 */
export function desktopSupport(env: NodeJS.ProcessEnv = process.env): DesktopSupport {
  const desktop = (env.XDG_CURRENT_DESKTOP ?? '').split(':').map((name) => name.toLowerCase())
  const noTray = process.platform === 'linux' && desktop.includes('gnome') && !desktop.includes('ubuntu')
  return {
    tray: noTray
      ? 'This desktop (GNOME) shows no tray icons unless the AppIndicator extension is installed, so closing the window quits WHOOP Desktop.'
      : null,
    notifications: Notification.isSupported() ? null : 'This system does not offer notifications to apps.',
    startAtLogin: null
  }
}
