import { dialog } from 'electron'

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** A problem that keeps the app from starting, said plainly before it quits. */
export function showStartupError(error: unknown): void {
  showError('WHOOP Desktop cannot start', error)
}

/** A failure of something the person asked for outside the window (a menu command). */
export function showError(title: string, error: unknown): void {
  dialog.showErrorBox(title, messageOf(error))
}
