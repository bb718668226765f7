import fs from 'node:fs'
import { TokenParser, Tokenizer, TokenType, type ParsedTokenInfo } from '@streamparser/json'
import { z } from 'zod'
import { exportedTables, type ExportedTable } from './exportedTables'
import { EXPORT_FORMAT, EXPORT_VERSION, exportedAccountSchema, exportFileSchema, type ExportFile } from './exportFormat'
import { utf8Decoder } from './decodeUtf8'
import { ImportRejectedError } from './importErrors'

/**
 * Bounds far above a lifetime of WHOOP data (about 60,000 records, nested 8 deep, in well under
 * 200 MB) that keep a hostile file from costing more than a moment and a little memory.
 */
interface RestoreLimits {
  maxFileBytes: number
  maxDepth: number
  maxRecords: number
  /** The longest single value (a string, a number): nothing in an export comes near it. */
  maxValueBytes: number
}

const defaultRestoreLimits: RestoreLimits = {
  maxFileBytes: 1024 * 1024 * 1024,
  maxDepth: 32,
  maxRecords: 1_000_000,
  maxValueBytes: 8 * 1024 * 1024
}

export interface ReadJsonOptions {
  limits?: RestoreLimits
  /** Told how many bytes of the file have been read, after each chunk. */
  onRead?: (bytes: number) => void
}

const CHUNK_BYTES = 64 * 1024
const headerSchema = exportFileSchema.omit({ accounts: true })
const accountFields = ['userId', 'connectedAt', 'isDemo', 'profile', 'bodyMeasurement'] as const
const accountShellSchema = exportedAccountSchema.pick({ userId: true, connectedAt: true, isDemo: true, profile: true, bodyMeasurement: true })
/** A list's array schema, whether the list is required or (being newer than version 1) optional. */
const listSchema = (schema: z.ZodType) => (schema instanceof z.ZodOptional ? schema.unwrap() : schema) as z.ZodArray
const recordSchemas = new Map(exportedTables.map((table) => [table.list, listSchema(exportedAccountSchema.shape[table.list]).element as z.ZodType]))

type Account = ExportFile['accounts'][number]

/**
 * Reads a JSON export as a stream and checks it as it goes: the format header must open the file,
 * every record is checked against the export format the moment it is complete, and the file is
 * refused at the first thing wrong (not an export, too deep, too many records, a value too long,
 * not UTF-8) without reading on. Only what the export format names is kept, so memory grows with
 * the valid records and nothing else.
 */
export async function readJsonExport(file: string, options: ReadJsonOptions = {}): Promise<ExportFile> {
  const limits = options.limits ?? defaultRestoreLimits
  let size: number
  try {
    size = fs.statSync(file).size
  } catch {
    throw new ImportRejectedError('the file could not be opened.')
  }
  if (size > limits.maxFileBytes) throw new ImportRejectedError(`the file is larger (${size} bytes) than any export this app reads.`)

  const header: Record<string, unknown> = {}
  const accounts: Account[] = []
  const accountAt = (index: number) => (accounts[index] ??= Object.fromEntries(exportedTables.map((table) => [table.list, []])) as never)
  let records = 0
  let depth = 0
  let tokens = 0
  let finished = false

  const parser = new TokenParser({
    paths: [
      ...Object.keys(headerSchema.shape).map((key) => `$.${key}`),
      ...accountFields.map((key) => `$.accounts.*.${key}`),
      ...exportedTables.map((table) => `$.accounts.*.${table.list}.*`)
    ],
    keepStack: false
  })
  parser.onValue = ({ value, key, stack }) => {
    const where = [...stack.slice(1).map((element) => element.key), key] as (string | number)[]
    if (where.length === 1) return checkHeaderField(header, String(key), value)
    const account = accountAt(where[1] as number)
    if (where.length === 3) {
      ;(account as Record<string, unknown>)[String(key)] = value
      return
    }
    if (++records > limits.maxRecords) throw new ImportRejectedError(`the file holds more than ${limits.maxRecords} records; no export of a person's WHOOP history is that large.`)
    const list = where[2] as ExportedTable['list']
    const checked = recordSchemas.get(list)!.safeParse(value)
    if (!checked.success) throw mismatch(where, checked.error)
    ;(account[list] as unknown[]).push(checked.data)
  }
  parser.onEnd = () => {
    finished = true
  }

  const tokenizer = new Tokenizer()
  tokenizer.onToken = (token: ParsedTokenInfo) => {
    // The header is the file's first field: anything else is refused before it is read.
    if (tokens === 0 && token.token !== TokenType.LEFT_BRACE) throw notAnExport()
    if (tokens === 1 && !(token.token === TokenType.STRING && token.value === 'format')) throw notAnExport()
    tokens++
    if (token.token === TokenType.LEFT_BRACE || token.token === TokenType.LEFT_BRACKET) {
      if (++depth > limits.maxDepth) throw new ImportRejectedError(`the file is nested more than ${limits.maxDepth} levels deep; an export never is.`)
    } else if (token.token === TokenType.RIGHT_BRACE || token.token === TokenType.RIGHT_BRACKET) {
      depth--
    }
    parser.write(token)
  }

  const decode = utf8Decoder()
  const stream = fs.createReadStream(file, { highWaterMark: CHUNK_BYTES })
  let bytesSinceToken = 0
  let bytesRead = 0
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      options.onRead?.((bytesRead += chunk.length))
      const text = decode(chunk)
      const before = tokens
      if (text) tokenizer.write(text)
      bytesSinceToken = tokens === before ? bytesSinceToken + chunk.length : 0
      if (bytesSinceToken > limits.maxValueBytes) {
        throw new ImportRejectedError(`the file holds a single value longer than ${limits.maxValueBytes} bytes; an export never does.`)
      }
    }
    decode(new Uint8Array(), true)
    tokenizer.end()
  } catch (error) {
    throw asRefusal(error)
  } finally {
    stream.destroy()
  }
  if (!finished) throw cutOff()

  const checkedHeader = headerSchema.safeParse(header)
  if (!checkedHeader.success) throw mismatch([], checkedHeader.error)
  for (const [index, account] of accounts.entries()) {
    const fields = account as Partial<Record<string, unknown>> | undefined
    const shell = accountShellSchema.safeParse(Object.fromEntries(accountFields.map((key) => [key, fields?.[key]])))
    if (!shell.success) throw mismatch(['accounts', index], shell.error)
  }
  return { ...checkedHeader.data, accounts: accounts.filter((account) => account !== undefined) }
}

function checkHeaderField(header: Record<string, unknown>, key: string, value: unknown) {
  if (key === 'format' && value !== EXPORT_FORMAT) throw notAnExport()
  if (key === 'version' && typeof value === 'number' && value > EXPORT_VERSION) {
    throw new ImportRejectedError(
      `the file was made by a newer version of WHOOP Desktop (export format ${value}; this version reads up to ${EXPORT_VERSION}). Update the app to import it.`
    )
  }
  header[key] = value
}

const cutOff = () => new ImportRejectedError('the file ends too early; it may have been cut off while copying.')
const notAnExport = () => new ImportRejectedError('this is not a WHOOP Desktop export (its "format" field is missing or different).')

function mismatch(where: (string | number)[], error: z.ZodError) {
  const issue = error.issues[0]
  const path = [...where, ...issue.path].join('.')
  return new ImportRejectedError(`the file does not match the export format at ${path || 'its top level'}: ${issue.message}`)
}

function asRefusal(error: unknown): Error {
  if (error instanceof ImportRejectedError) return error
  const text = String(error)
  if (/ended in the middle of a token/.test(text)) return cutOff()
  return new ImportRejectedError('the file is not valid JSON.')
}
