import fs from 'node:fs'
import { ImportRejectedError } from './importErrors'

/** Larger than any real backup of a lifetime of WHOOP data, small enough to read safely. */
export const MAX_IMPORT_TEXT_BYTES = 512 * 1024 * 1024

/** A text file to import, refused with a clear message when it is too large or not UTF-8. */
export function readImportText(file: string, maxBytes = MAX_IMPORT_TEXT_BYTES): string {
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    throw new ImportRejectedError('the file could not be opened.')
  }
  if (size > maxBytes) throw new ImportRejectedError(`the file is larger (${size} bytes) than any export this app reads.`)
  return decodeUtf8(fs.readFileSync(file))
}

export function decodeUtf8(bytes: Uint8Array): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new ImportRejectedError('the file is in UTF-16; save it as UTF-8 and try again.')
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '')
  } catch {
    throw new ImportRejectedError('the file is not UTF-8 text (it may be in another encoding, or not a text file at all).')
  }
}
