import { describe, expect, it } from 'vitest'
import { decodeUtf8, utf8Decoder } from '../../../src/main/exchange/decodeUtf8'

const bytes = (...values: number[]) => Uint8Array.from(values)
const utf8 = (text: string) => new TextEncoder().encode(text)
const UTF16 = /^Nothing was imported: the file is in UTF-16; save it as UTF-8 and try again\.$/
const NOT_UTF8 = /^Nothing was imported: the file is not UTF-8 text/

describe('reading a file to import as UTF-8', () => {
  it('refuses UTF-16, little- or big-endian, by its byte-order mark, even after an empty first read', () => {
    expect(() => decodeUtf8(bytes(0xff, 0xfe, 0x41, 0x00))).toThrow(UTF16)
    expect(() => decodeUtf8(bytes(0xfe, 0xff, 0x00, 0x41))).toThrow(UTF16)
    const decode = utf8Decoder()
    expect(decode(bytes())).toBe('')
    expect(() => decode(bytes(0xff, 0xfe, 0x41, 0x00))).toThrow(UTF16)
  })

  it('looks for that mark only at the start: the same bytes later are simply not UTF-8', () => {
    const decode = utf8Decoder()
    expect(decode(utf8('ab'))).toBe('ab')
    expect(() => decode(bytes(0xff, 0xfe, 0x41, 0x00))).toThrow(NOT_UTF8)
  })

  it('refuses bytes that are not UTF-8, and a character cut off at the end of the file', () => {
    expect(() => decodeUtf8(bytes(0x41, 0xc3, 0x28))).toThrow(NOT_UTF8)
    expect(() => decodeUtf8(bytes(0x41, 0xc3))).toThrow(NOT_UTF8)
    const decode = utf8Decoder()
    expect(decode(bytes(0x41, 0xc3))).toBe('A')
    expect(() => decode(bytes(), true)).toThrow(NOT_UTF8)
  })

  it('joins a character split between two reads, and drops a UTF-8 byte-order mark', () => {
    const decode = utf8Decoder()
    expect(decode(bytes(0xef, 0xbb, 0xbf, 0x53, 0x75, 0x65, 0xc3))).toBe('Sue')
    expect(decode(bytes(0xb1, 0x6f), true)).toBe('ño')
    expect(decodeUtf8(utf8('\uFEFFcycle,sleep'))).toBe('cycle,sleep')
  })
})
