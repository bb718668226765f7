import fs from 'node:fs'
import path from 'node:path'
import { parse } from 'csv-parse/sync'
import { unzipSync } from 'fflate'
import { ImportRejectedError } from './importErrors'
import { decodeUtf8 } from './decodeUtf8'
import { fieldOfHeader, whoopExportFiles, type WhoopExportField, type WhoopExportFile } from './whoopExportColumns'

/** Far above a lifetime of WHOOP CSVs (a few MB), far below what would hurt the machine. */
export interface ExportLimits {
  maxFileBytes: number
  maxEntryBytes: number
  maxTotalBytes: number
  maxCompressionRatio: number
}

const defaultExportLimits: ExportLimits = {
  maxFileBytes: 256 * 1024 * 1024,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxCompressionRatio: 200
}

export interface ExportTable {
  file: string
  kind: WhoopExportFile
  /** Each row by field, with the row as it was written (header to cell) for storing as raw. */
  rows: { fields: Partial<Record<WhoopExportField, string>>; raw: Record<string, string> }[]
}

/**
 * The CSV tables of WHOOP's data export, from its ZIP or from one of its CSV files. Files are
 * recognised by their columns (names are localised), parsed by header name with a real CSV parser,
 * and refused with a message naming the problem: not a ZIP or CSV, a ZIP bomb, a wrong encoding,
 * a file missing a column its kind needs.
 */
export function readWhoopExport(file: string, options: { limits?: ExportLimits; name?: string } = {}): ExportTable[] {
  const limits = options.limits ?? defaultExportLimits
  const size = fs.statSync(file).size
  if (size > limits.maxFileBytes) throw new ImportRejectedError(`the file is larger (${size} bytes) than any WHOOP export.`)
  const bytes = fs.readFileSync(file)
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const entries = isZip ? unzipCsvEntries(bytes, limits) : [{ name: options.name ?? path.basename(file), bytes }]
  const tables = entries.map((entry) => parseTable(entry.name, entry.bytes)).filter((table) => table !== undefined)
  if (tables.length === 0) {
    throw new ImportRejectedError(
      isZip
        ? 'the ZIP holds none of the CSV files of a WHOOP data export (physiological_cycles.csv, sleeps.csv, workouts.csv, journal_entries.csv).'
        : 'the file is not one of the CSV files of a WHOOP data export.'
    )
  }
  return tables
}

function unzipCsvEntries(bytes: Uint8Array, limits: ExportLimits): { name: string; bytes: Uint8Array }[] {
  let total = 0
  let rejection: string | undefined
  let entries: Record<string, Uint8Array>
  try {
    entries = unzipSync(bytes, {
      // Sizes are checked from the ZIP's directory before anything is inflated.
      filter: (entry) => {
        if (!entry.name.toLowerCase().endsWith('.csv') || isSystemFile(entry.name)) return false
        total += entry.originalSize
        const ratio = entry.originalSize / Math.max(1, entry.size)
        if (entry.originalSize > limits.maxEntryBytes || total > limits.maxTotalBytes || ratio > limits.maxCompressionRatio) {
          rejection = `${entry.name} would expand to ${entry.originalSize} bytes from ${entry.size}; that is not a WHOOP export but a ZIP bomb or a damaged file.`
        }
        return rejection === undefined
      }
    })
  } catch {
    throw new ImportRejectedError('the ZIP file is damaged or incomplete.')
  }
  if (rejection) throw new ImportRejectedError(rejection)
  return Object.entries(entries).map(([name, data]) => ({ name, bytes: data }))
}

/** What macOS Finder and other tools add to a ZIP beside the files: `__MACOSX/._sleeps.csv`, `.DS_Store`. */
const isSystemFile = (name: string) => name.split('/').some((part) => part === '__MACOSX' || part.startsWith('.'))

function parseTable(name: string, bytes: Uint8Array): ExportTable | undefined {
  let lines: string[][]
  try {
    lines = parse(decodeUtf8(bytes), { skip_empty_lines: true, bom: true, relax_column_count: false })
  } catch (error) {
    if (error instanceof ImportRejectedError) throw new ImportRejectedError(`${name}: ${error.message.replace(/^Nothing was imported: /, '')}`)
    throw new ImportRejectedError(`${name} is not a readable CSV file (${error instanceof Error ? error.message : error}).`)
  }
  const [headers = [], ...cells] = lines
  const records = cells.map((line) => Object.fromEntries(headers.map((header, index) => [header, line[index]])))
  const fields = new Map(headers.map((header) => [header, fieldOfHeader(header)]))
  const present = new Set(fields.values())
  const kind = (Object.keys(whoopExportFiles) as WhoopExportFile[]).find((candidate) => present.has(whoopExportFiles[candidate].marker))
  if (!kind) return undefined
  const missing = whoopExportFiles[kind].required.filter((field) => !present.has(field))
  if (missing.length) throw new ImportRejectedError(`${name} is missing the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.`)
  return {
    file: name,
    kind,
    rows: records.map((raw) => ({
      raw,
      fields: Object.fromEntries(
        [...fields].filter(([, field]) => field !== undefined).map(([header, field]) => [field, raw[header].trim()])
      )
    }))
  }
}
