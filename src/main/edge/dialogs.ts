import { dialog } from 'electron'

/** A problem that keeps the app from starting, said plainly before it quits. */
export function showStartupError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error)
  dialog.showErrorBox('WHOOP Desktop cannot start', message)
}
