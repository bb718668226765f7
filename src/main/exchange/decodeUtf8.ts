import { ImportRejectedError } from './importErrors'

/** Text read from a file to import, refused with a clear message when it is not UTF-8. */
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
