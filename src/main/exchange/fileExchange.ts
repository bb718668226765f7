import type { ImportRequest } from '../../shared/exchange'

/**
 * How the person picks files, injected: native dialogs in the desktop app; in the browser host, a
 * download link for exports and the file the page uploaded for imports.
 */
export interface FileExchange {
  /** Where to write an export, or undefined when the person cancelled. */
  chooseExportTarget(suggestedName: string): Promise<{ path: string; downloadUrl?: string } | undefined>
  /** The file to import, or undefined when the person cancelled. */
  chooseImportSource(request: ImportRequest): Promise<string | undefined>
}
