import type { ImportRequest } from '../../shared/exchange'

/**
 * How the person picks files, injected: native dialogs in the desktop app; in the browser host, a
 * download link for exports and the file the page uploaded for imports.
 */
export interface FileExchange {
  /** Where to write an export, or undefined when the person cancelled. */
  chooseExportTarget(suggestedName: string): Promise<{ path: string; downloadUrl?: string } | undefined>
  /** The file to import (where it is, and its name as the person knows it), or undefined when they cancelled. */
  chooseImportSource(request: ImportRequest): Promise<{ path: string; name: string } | undefined>
  /** A folder (for backups), starting at `current`; undefined when they cancelled. Absent where there is no folder dialog (the browser host). */
  chooseFolder?(current: string): Promise<string | undefined>
  /** Called once an import has read its file: the browser host deletes the upload. */
  doneWithImportSource?(file: string): void
}
