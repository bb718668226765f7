import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../src/main/database/openDatabase'
import { generateMemberHistory } from '../src/main/demo/memberHistory'
import { writeJsonExport } from '../src/main/exchange/jsonExport'
import { restoreJsonExport } from '../src/main/exchange/jsonRestore'
import { createRecordStore } from '../src/main/store/recordStore'
import { report } from './report'

const mib = (bytes: number) => bytes / 1024 / 1024

/** JSON export of five years (time, memory while writing) and its restore into an empty database. */
export async function benchJsonExportAndRestore(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-bench-exchange-'))
  try {
    const source = openDatabase(path.join(dir, 'source.sqlite'))
    const history = generateMemberHistory({ days: 5 * 365 + 1, now: Date.now() })
    const store = createRecordStore(source)
    store.saveProfile(history.profile, new Date().toISOString())
    source.transaction(() => {
      store.upsert('cycle', history.profile.user_id, history.cycles, { source: 'api', walk: null })
      store.upsert('sleep', history.profile.user_id, history.sleeps, { source: 'api', walk: null })
      store.upsert('recovery', history.profile.user_id, history.recoveries, { source: 'api', walk: null })
      store.upsert('workout', history.profile.user_id, history.workouts, { source: 'api', walk: null })
    })()

    global.gc?.()
    const rssBefore = process.memoryUsage().rss
    let peak = rssBefore
    const file = path.join(dir, 'export.json')
    let started = performance.now()
    const written = await writeJsonExport(source, file, {}, { appName: 'bench', appVersion: '0', exportedAt: new Date().toISOString() }, () => {
      peak = Math.max(peak, process.memoryUsage().rss)
    })
    report('json-export-ms', performance.now() - started, 'ms', { records: written.records, bytes: written.bytes, history: '5 years' })
    report('json-export-rss-growth', mib(peak - rssBefore), 'MiB', { rssBeforeMiB: Math.round(mib(rssBefore)), peakMiB: Math.round(mib(peak)) })
    source.close()

    const target = openDatabase(path.join(dir, 'target.sqlite'))
    started = performance.now()
    const restored = await restoreJsonExport(target, file)
    report('json-restore-ms', performance.now() - started, 'ms', { records: restored.added, history: '5 years', transaction: 'one' })
    target.close()
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}
