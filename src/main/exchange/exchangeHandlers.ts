import type { Database } from 'better-sqlite3'
import type { ApiHandlers, EmitApiEvent } from '../../shared/api'
import { describeImport, describeRemoval } from '../../shared/importSummary'
import type { Clock } from '../clock'
import type { ActivityLog } from '../store/activityLog'
import { writeCsvExport } from './csvExport'
import type { FileExchange } from './fileExchange'
import type { ImportRunner } from './importFile'
import { createImportTally } from './importTally'
import { writeJsonExport } from './jsonExport'
import { createStaleRecordRemoval } from './staleRecords'
import { grouped } from '../../shared/numberText'

export interface ExchangeDeps {
  db: Database
  databaseFile: string
  files: FileExchange
  emit: EmitApiEvent
  clock: Clock
  activity: ActivityLog
  app: { name: string; version: string }
  /** Runs each import off the thread that answers the page (importInWorker). */
  runImport: ImportRunner
}

/** Export, import, and the removal a newer WHOOP export asks the person to confirm. */
export function createExchangeHandlers(deps: ExchangeDeps): Pick<ApiHandlers, 'exportData' | 'importData' | 'removeStaleRecords'> {
  const { db, files, emit, clock, activity } = deps
  const staleRecords = createStaleRecordRemoval(db)

  return {
    exportData: async (request) => {
      const name = `whoop-export-${new Date(clock.now()).toISOString().slice(0, 10)}.${request.format === 'json' ? 'json' : 'zip'}`
      const target = await files.chooseExportTarget(name)
      if (!target) return { saved: false, records: 0, bytes: 0 }
      const progress = (records: number, done = false) => emit('onExchangeProgress', { type: 'export', records, done })
      const meta = { appName: deps.app.name, appVersion: deps.app.version, exportedAt: new Date(clock.now()).toISOString() }
      const written =
        request.format === 'json'
          ? await writeJsonExport(db, target.path, request, meta, (records) => records % 1000 === 0 && progress(records))
          : writeCsvExport(db, target.path, request)
      progress(written.records, true)
      activity.record('export', true, `Exported ${grouped(written.records)} records as ${request.format.toUpperCase()}.`)
      return { saved: true, file: target.path, downloadUrl: target.downloadUrl, name, ...written }
    },

    importData: async (request) => {
      const source = await files.chooseImportSource(request)
      if (!source) return { imported: false, ...createImportTally().counts }
      // Whatever this import finds, an earlier import's question no longer stands.
      staleRecords.forget()
      try {
        const { counts, stale } = await deps.runImport({
          databaseFile: deps.databaseFile,
          file: source.path,
          fileName: source.name,
          kind: request.kind,
          now: clock.now()
        })
        activity.record('import', true, describeImport(source.name, counts))
        emit('onExchangeProgress', { type: 'import', records: counts.added + counts.updated + counts.unchanged, done: true })
        return { imported: true, file: source.name, ...counts, pendingRemoval: staleRecords.offer(stale) }
      } catch (error) {
        activity.record('import', false, error instanceof Error ? error.message : String(error))
        throw error
      } finally {
        files.doneWithImportSource?.(source.path)
      }
    },

    removeStaleRecords: ({ id }) => {
      const result = staleRecords.remove(id)
      activity.record('import', true, describeRemoval(result))
      return result
    }
  }
}
