import { dialog, type BrowserWindow } from 'electron'
import type { Settings, SettingsPatch } from '../../shared/settings'

export interface CloseToTrayOptions {
  settings: { get(): Settings; update(patch: SettingsPatch): Settings }
  /** Whether the app is quitting (Quit in the tray or the menu): then the window really closes. */
  quitting: () => boolean
}

/**
 * Closing the window with "Keep running in the background" on hides it, and the app goes on in
 * the tray. Not yet decided, the platform's convention holds: on for macOS; Windows and Linux ask
 * once, at the first close, and remember the answer (Settings › Background changes it).
 */
export function keepRunningOnClose(window: BrowserWindow, options: CloseToTrayOptions): void {
  window.on('close', (event) => {
    if (options.quitting()) return
    const keep = options.settings.get().keepRunningInBackground ?? (process.platform === 'darwin' ? true : undefined)
    if (keep === false) return
    event.preventDefault()
    if (keep) return window.hide()
    void dialog
      .showMessageBox(window, {
        type: 'question',
        message: 'Keep WHOOP Desktop running in the background?',
        detail: 'It keeps syncing with WHOOP and shows today’s recovery in the tray. You can change this in Settings, under Background.',
        buttons: ['Keep running', 'Quit'],
        defaultId: 0,
        cancelId: 0
      })
      .then(({ response }) => {
        options.settings.update({ keepRunningInBackground: response === 0 })
        if (response === 0) window.hide()
        else window.close()
      })
  })
}
