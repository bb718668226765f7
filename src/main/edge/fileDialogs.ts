import path from 'node:path'
import { app, BrowserWindow, dialog } from 'electron'
import type { FileExchange } from '../exchange/fileExchange'

const fileKinds: Record<string, string> = { json: 'JSON export', zip: 'ZIP of CSV files', pdf: 'PDF report', png: 'PNG image' }

/** Native save and open dialogs, attached to the app's window. */
export function dialogFileExchange(window: () => BrowserWindow | undefined): FileExchange {
  return {
    async chooseExportTarget(suggestedName) {
      const extension = path.extname(suggestedName).slice(1)
      const options = {
        defaultPath: path.join(app.getPath('downloads'), suggestedName),
        filters: [{ name: fileKinds[extension], extensions: [extension] }]
      }
      const parent = window()
      const result = parent ? await dialog.showSaveDialog(parent, options) : await dialog.showSaveDialog(options)
      return result.canceled || !result.filePath ? undefined : { path: result.filePath }
    },
    async chooseImportSource(request) {
      const options = {
        properties: ['openFile' as const],
        filters:
          request.kind === 'json-backup'
            ? [{ name: 'WHOOP Desktop export', extensions: ['json'] }]
            : [{ name: "WHOOP's data export", extensions: ['zip', 'csv'] }]
      }
      const parent = window()
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return result.canceled ? undefined : { path: result.filePaths[0], name: path.basename(result.filePaths[0]) }
    },
    async chooseFolder(current) {
      const options = { title: 'Where backups go', defaultPath: current, properties: ['openDirectory' as const, 'createDirectory' as const] }
      const parent = window()
      const result = parent ? await dialog.showOpenDialog(parent, options) : await dialog.showOpenDialog(options)
      return result.canceled ? undefined : result.filePaths[0]
    }
  }
}
