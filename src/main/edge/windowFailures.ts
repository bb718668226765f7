import { app, dialog, type BrowserWindow } from 'electron'

/**
 * A window whose page fails to load, or whose renderer dies, must not stay blank or invisible (it is
 * created hidden until its page is ready): it is shown with a dialog that offers a way out.
 */
export function offerWayOutOfWindowFailures(window: BrowserWindow, rendererUrl: string, log: (message: string) => void): void {
  window.webContents.on('did-fail-load', (_event, errorCode, errorDescription, validatedUrl, isMainFrame) => {
    if (!isMainFrame) return
    log(`The window could not load ${validatedUrl}: ${errorDescription} (${errorCode})`)
    void askWhatNext(window, {
      message: 'WHOOP Desktop could not show its window.',
      detail: `${errorDescription} (${errorCode}). Your data is unchanged.`,
      retry: 'Try Again',
      onRetry: () => void window.loadURL(rendererUrl).catch(() => {})
    })
  })
  window.webContents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return
    log(`The window's renderer stopped: ${details.reason} (exit code ${details.exitCode})`)
    void askWhatNext(window, {
      message: 'The WHOOP Desktop window stopped unexpectedly.',
      detail: `Reason: ${details.reason}. Your data is unchanged.`,
      retry: 'Reload',
      onRetry: () => window.webContents.reload()
    })
  })
}

async function askWhatNext(
  window: BrowserWindow,
  options: { message: string; detail: string; retry: string; onRetry: () => void }
): Promise<void> {
  if (window.isDestroyed()) return
  if (!window.isVisible()) window.show()
  const { response } = await dialog.showMessageBox(window, {
    type: 'error',
    message: options.message,
    detail: options.detail,
    buttons: [options.retry, 'Quit'],
    defaultId: 0,
    cancelId: 1
  })
  if (response === 0 && !window.isDestroyed()) options.onRetry()
  else app.quit()
}
