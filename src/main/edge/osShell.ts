import { shell } from 'electron'
import { AppError } from '../api/apiErrors'

const reason = (error: unknown) => (error instanceof Error ? error.message : String(error))

/** Opens a page in the person's browser; a refusal by the system reaches the page as a typed error. */
export async function openInBrowser(url: string): Promise<void> {
  try {
    await shell.openExternal(url)
  } catch (error) {
    throw new AppError('system', `Your web browser could not be opened (${reason(error)}). Check that a default browser is set, then try again.`)
  }
}

/** Shows a folder in the system's file manager; `openPath` answers with an error message, not a rejection. */
export async function openFolder(folder: string): Promise<void> {
  const problem = await shell.openPath(folder)
  if (problem) throw new AppError('system', `The folder could not be opened (${problem}). It is at ${folder}.`)
}
