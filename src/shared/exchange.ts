import { z } from 'zod'

export const exportRecordTypes = ['cycle', 'recovery', 'sleep', 'workout', 'journal', 'tag'] as const
export type ExportRecordType = (typeof exportRecordTypes)[number]
/** What WHOOP's own export holds: everything but the person's tags. */
export type WhoopRecordType = Exclude<ExportRecordType, 'tag'>

export const exportRequestSchema = z
  .object({
    format: z.enum(['json', 'csv']),
    /** Inclusive, ISO 8601; absent: from the first record. */
    start: z.iso.datetime({ offset: true }).optional(),
    /** Exclusive, ISO 8601; absent: up to now. */
    end: z.iso.datetime({ offset: true }).optional(),
    recordTypes: z.array(z.enum(exportRecordTypes)).min(1).max(exportRecordTypes.length).optional()
  })
  .strict()
  .refine((request) => !request.start || !request.end || Date.parse(request.start) < Date.parse(request.end), {
    message: 'The export range must start before it ends.',
    path: ['end']
  })
export type ExportRequest = z.infer<typeof exportRequestSchema>

export interface ExportResult {
  /** False when the person closed the save dialog. */
  saved: boolean
  /** Where the file went (desktop app), or the address to download it from (browser host). */
  file?: string
  downloadUrl?: string
  /** The file's name, dated by the app's day (a download in the browser is saved under it). */
  name?: string
  records: number
  bytes: number
}

export const importRequestSchema = z
  .object({
    kind: z.enum(['json-backup', 'whoop-export']),
    /** In the browser host: the file the page uploaded (the desktop app asks with a dialog instead). */
    uploadId: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/).optional()
  })
  .strict()
export type ImportRequest = z.infer<typeof importRequestSchema>

/** What an import did with each record it read. */
export const importVerdicts = ['added', 'updated', 'unchanged', 'skippedAsDuplicates', 'keptNewer'] as const
export type ImportVerdict = (typeof importVerdicts)[number]

/**
 * How many records met each verdict: `skippedAsDuplicates` are periods already synced from WHOOP's
 * API; `keptNewer` are records this file would have changed although what is stored is newer (a
 * later export), so they were left as they are.
 */
export type ImportVerdictCounts = Record<ImportVerdict, number>

export interface ImportCounts extends ImportVerdictCounts {
  byType: Partial<Record<ExportRecordType, ImportVerdictCounts>>
  /** The days the file's records fall on (first and last, YYYY-MM-DD). */
  covers?: { from: string; to: string }
}

/**
 * Records an earlier WHOOP export added that this one, a newer one covering the same days, no
 * longer has (deleted at WHOOP). They are removed only when the person confirms.
 */
export interface PendingRemoval {
  id: string
  byType: Partial<Record<ExportRecordType, number>>
  total: number
  /** Each record, as the question names it. */
  records: StaleRecordShown[]
}

/** A record as the person is asked about it: its type, its time by its own clock (`2024-06-04T07:12`), and what it was (a sport, a question, a nap). */
export interface StaleRecordShown {
  type: ExportRecordType
  at: string
  detail: string | null
}

export interface ImportResult extends ImportCounts {
  /** False when the person closed the open dialog. */
  imported: boolean
  file?: string
  pendingRemoval?: PendingRemoval
}

export const confirmRemovalSchema = z.object({ id: z.uuid() }).strict()

export interface RemovalResult {
  removed: number
  byType: Partial<Record<ExportRecordType, number>>
}

export const deleteAllDataSchema = z.object({ confirm: z.literal('DELETE') }).strict()

export type ExchangeProgress = { type: 'export' | 'import'; records: number; done: boolean }
