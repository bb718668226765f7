import { randomBytes } from 'node:crypto'
import { once } from 'node:events'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FileExchange } from '../main/exchange/fileExchange'
import { ImportRejectedError } from '../main/exchange/importErrors'

/**
 * Files in the browser host, where there are no native dialogs: an export is written to a private
 * folder and offered to the page as a download; an import reads the file the page uploaded.
 */
export function createHostFiles() {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-host-'))
  const downloads = new Map<string, string>()
  const uploads = new Map<string, { path: string; name: string }>()
  const newId = () => randomBytes(18).toString('base64url')

  const exchange: FileExchange = {
    async chooseExportTarget(suggestedName) {
      const id = newId()
      const file = path.join(folder, `${id}-${suggestedName}`)
      downloads.set(id, file)
      return { path: file, downloadUrl: `/api/downloads/${id}` }
    },
    async chooseImportSource(request) {
      const upload = request.uploadId ? uploads.get(request.uploadId) : undefined
      if (!upload) throw new ImportRejectedError('upload the file first.')
      uploads.delete(request.uploadId!)
      return upload
    },
    doneWithImportSource: (file) => fs.rmSync(file, { force: true })
  }

  return {
    exchange,
    /** The export file behind a download id, once; it is deleted after it was sent. */
    takeDownload(id: string): string | undefined {
      const file = downloads.get(id)
      downloads.delete(id)
      return file && fs.existsSync(file) ? file : undefined
    },
    /**
     * Writes an upload to its file as it arrives (waiting for the disk, so memory stays flat
     * whatever its size) and keeps it under the name the page gave it; returns the id an import
     * names it by, or undefined when it grew past `limit` bytes: from there on it is read and
     * dropped, so the page still gets its answer, and the file is removed.
     */
    async receiveUpload(source: AsyncIterable<Buffer>, name: string, limit: number): Promise<string | undefined> {
      const id = newId()
      const file = path.join(folder, `upload-${id}`)
      const out = fs.createWriteStream(file, { mode: 0o600 })
      let size = 0
      try {
        for await (const chunk of source) {
          size += chunk.length
          if (size > limit) continue
          if (!out.write(chunk)) await once(out, 'drain')
        }
      } finally {
        await new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())))
      }
      if (size > limit) {
        fs.rmSync(file, { force: true })
        return undefined
      }
      uploads.set(id, { path: file, name })
      return id
    },
    removeAll: () => fs.rmSync(folder, { recursive: true, force: true })
  }
}

export type HostFiles = ReturnType<typeof createHostFiles>
