import { HOST_KEY_HEADER, HOST_KEY_META, UPLOAD_NAME_HEADER } from '../../../shared/browserHostProtocol'

/**
 * Moving files between the page and the browser host, which has no native dialogs: an export is
 * fetched (with the host key) and handed to the browser as a download; an import is uploaded first.
 * In the desktop app neither is needed: the main process shows its own dialogs.
 */
const hostKey = () => document.querySelector<HTMLMetaElement>(`meta[name="${HOST_KEY_META}"]`)?.content ?? ''

export async function downloadFromHost(downloadUrl: string, fileName: string): Promise<void> {
  const response = await fetch(downloadUrl, { headers: { [HOST_KEY_HEADER]: hostKey() } })
  if (!response.ok) throw new Error(await response.text())
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}

export async function uploadToHost(file: File): Promise<string> {
  const response = await fetch('/api/uploads', {
    method: 'POST',
    headers: { [HOST_KEY_HEADER]: hostKey(), [UPLOAD_NAME_HEADER]: encodeURIComponent(file.name) },
    body: file
  })
  const result = (await response.json()) as { ok: boolean; value?: { uploadId: string }; error?: { message: string } }
  if (!result.ok || !result.value) throw new Error(result.error?.message ?? 'The upload failed.')
  return result.value.uploadId
}

/** Whether the page runs in the browser host (no preload, so no native dialogs). */
export const inBrowserHost = () => window.api === undefined
