import type { z } from 'zod'
import {
  exportedCycleSchema,
  exportedDayTagSchema,
  exportedJournalEntrySchema,
  exportedRecoverySchema,
  exportedSleepSchema,
  exportedWorkoutSchema
} from './exportFormat'
import type { ExportRecordType } from '../../shared/exchange'

/**
 * Where each list of the export lives in the database: its table, key, the time a date range applies
 * to, and its columns (the export format's fields, `raw` aside).
 */
export interface ExportedTable {
  list: 'cycles' | 'recoveries' | 'sleeps' | 'workouts' | 'journalEntries' | 'tags'
  recordType: ExportRecordType
  table: string
  key: readonly string[]
  /** The SQL for the time, in ms, that an export's date range applies to. */
  anchor: string
  columns: readonly string[]
  hasRaw: boolean
}

const columnsOf = (schema: z.ZodObject) => Object.keys(schema.shape).filter((column) => column !== 'raw')

export const exportedTables: readonly ExportedTable[] = [
  { list: 'cycles', recordType: 'cycle', table: 'cycle', key: ['id'], anchor: 'start_ms', columns: columnsOf(exportedCycleSchema), hasRaw: true },
  {
    list: 'recoveries',
    recordType: 'recovery',
    table: 'recovery',
    key: ['cycle_id'],
    anchor: 'sleep_start_ms',
    columns: columnsOf(exportedRecoverySchema),
    hasRaw: true
  },
  { list: 'sleeps', recordType: 'sleep', table: 'sleep', key: ['id'], anchor: 'start_ms', columns: columnsOf(exportedSleepSchema), hasRaw: true },
  { list: 'workouts', recordType: 'workout', table: 'workout', key: ['id'], anchor: 'start_ms', columns: columnsOf(exportedWorkoutSchema), hasRaw: true },
  {
    list: 'journalEntries',
    recordType: 'journal',
    table: 'journal_entry',
    key: ['cycle_start_ms', 'question'],
    anchor: 'cycle_start_ms',
    columns: columnsOf(exportedJournalEntrySchema),
    hasRaw: false
  },
  {
    list: 'tags',
    recordType: 'tag',
    table: 'day_tag',
    key: ['date', 'tag'],
    // A tag is on a day, not at a time: the range applies to the day's start (UTC).
    anchor: '(unixepoch(date) * 1000)',
    columns: columnsOf(exportedDayTagSchema),
    hasRaw: false
  }
]

/** Whether a table's rows say when they were known (`updated_ms`); journal entries do not. */
export const keepsKnownTime = (table: ExportedTable): boolean => table.columns.includes('updated_ms')

/** The tables WHOOP's own export fills (every one but the person's tags): what an import of it may replace or remove. */
export const whoopTables = exportedTables.filter((table) => table.recordType !== 'tag')
