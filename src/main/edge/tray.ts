import path from 'node:path'
import { Menu, Tray, nativeImage } from 'electron'
import trayIconFile from '../../../resources/tray/tray-none.png?asset'
import type { RecoveryZone } from '../../shared/dashboard'
import type { AppCore } from '../appCore'

export interface TrayActions {
  /** Shows the window at a page. */
  open: (page: 'today' | 'settings') => void
  quit: () => void
}

/** The icon for a recovery zone (a dot in its colour), or the plain ring; Electron finds the `@2x` beside it. */
const iconFor = (zone: RecoveryZone | null) => nativeImage.createFromPath(path.join(path.dirname(trayIconFile), `tray-${zone ?? 'none'}.png`))

/**
 * The tray (menu bar) icon: a dot in today's recovery zone, a tooltip with today's recovery, HRV and
 * the last sync ("Recovery 68% · HRV 54 ms · synced 08:12"), and a menu with the day's three
 * numbers, Sync now, Open, Settings and Quit. Redrawn whenever the core says the glance changed.
 */
export function createAppTray(background: AppCore['background'], actions: TrayActions): Tray {
  const tray = new Tray(iconFor(background.zone()))
  const draw = () => {
    if (tray.isDestroyed()) return
    tray.setImage(iconFor(background.zone()))
    tray.setToolTip(background.tooltip())
    tray.setContextMenu(
      Menu.buildFromTemplate([
        ...background.lines().map((label) => ({ label, enabled: false })),
        { type: 'separator' },
        { label: 'Sync now', click: () => background.syncNow() },
        { label: 'Open WHOOP Desktop', click: () => actions.open('today') },
        { label: 'Settings…', click: () => actions.open('settings') },
        { type: 'separator' },
        { label: 'Quit WHOOP Desktop', click: actions.quit }
      ])
    )
  }
  draw()
  background.onChange(draw)
  // Windows and Linux open the window on a click of the icon, as their tray apps do; macOS shows the menu.
  tray.on('click', () => actions.open('today'))
  return tray
}
