import { app, Menu, type MenuItemConstructorOptions } from 'electron'

/**
 * The application menu: the standard editing commands (so copy and paste work in the fields) and
 * an About panel with the version. No reload or developer tools outside development.
 */
export function installAppMenu(openLogsFolder: () => Promise<unknown>): void {
  app.setAboutPanelOptions({
    applicationName: 'WHOOP Desktop',
    applicationVersion: app.getVersion(),
    version: app.getVersion(),
    copyright: 'Unofficial; not affiliated with WHOOP, Inc.',
    credits: 'Your WHOOP data stays on this computer.'
  })
  const isMac = process.platform === 'darwin'
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : [{ label: 'File', submenu: [{ role: 'quit' as const }] }]),
    { role: 'editMenu' },
    { label: 'View', submenu: [{ role: 'togglefullscreen' }, ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }])] },
    {
      role: 'help',
      submenu: [
        { label: 'Open Logs Folder', click: () => void openLogsFolder() },
        ...(isMac ? [] : [{ label: 'About WHOOP Desktop', click: () => app.showAboutPanel() }])
      ]
    }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
