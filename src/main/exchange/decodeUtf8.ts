import { TextDecoder } from 'node:util'
import { ImportRejectedError } from './importErrors'

/**
 * Decodes a file to import chunk by chunk (`last` on the final one), refusing it with a clear
 * message when it is UTF-16 or not UTF-8; a UTF-8 byte-order mark is dropped.
 */
export function utf8Decoder(): (chunk: Uint8Array, last?: boolean) => string {
  // A TextDecoder drops a UTF-8 byte-order mark itself (its ignoreBOM is off).
  const decoder = new TextDecoder('utf-8', { fatal: true })
  let first = true
  return (chunk, last = false) => {
    if (first && ((chunk[0] === 0xff && chunk[1] === 0xfe) || (chunk[0] === 0xfe && chunk[1] === 0xff))) {
      throw new ImportRejectedError('the file is in UTF-16; save it as UTF-8 and try again.')
    }
    first &&= chunk.length === 0
    try {
      return decoder.decode(chunk, { stream: !last })
    } catch {
      throw new ImportRejectedError('the file is not UTF-8 text (it may be in another encoding, or not a text file at all).')
    }
  }
}

/** A whole file's bytes as text (see utf8Decoder). */
export const decodeUtf8 = (bytes: Uint8Array): string => utf8Decoder()(bytes, true)
