import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase } from '../src/main/database/openDatabase'
import { generateMemberHistory } from '../src/main/demo/memberHistory'
import { writeJsonExport } from '../src/main/exchange/jsonExport'
import { importInWorker } from '../src/main/exchange/importInWorker'
import { restoreJsonExport } from '../src/main/exchange/jsonRestore'
import { createDashboardQueries } from '../src/main/store/dashboardQueries'
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

    // Restored over the same five years, so that every dashboard asked for meanwhile has them to show.
    const overExisting = path.join(dir, 'restored-in-worker.sqlite')
    fs.copyFileSync(path.join(dir, 'source.sqlite'), overExisting)
    await benchDashboardDuringRestore(overExisting, file, history.profile.user_id)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/**
 * What the person waits for while the app restores five years in its import worker: the dashboard
 * (1 month) asked for again and again on the main thread, as the page would, until the restore ends.
 */
async function benchDashboardDuringRestore(databaseFile: string, file: string, userId: number): Promise<void> {
  const db = openDatabase(databaseFile)
  const dashboard = createDashboardQueries(db)
  let settled = false
  const started = performance.now()
  const restore = importInWorker(path.resolve('out/main/importWorker.js'))({ databaseFile, file, fileName: 'export.json', kind: 'json-backup', now: Date.now() }).finally(
    () => (settled = true)
  )
  const latencies: number[] = []
  while (!settled) {
    const asked = performance.now()
    dashboard.dashboard(userId, '1m', Date.now())
    latencies.push(performance.now() - asked)
    await new Promise((resolve) => setImmediate(resolve))
  }
  const { counts } = await restore
  const records = counts.added + counts.updated + counts.unchanged
  const restoreMs = performance.now() - started
  latencies.sort((a, b) => a - b)
  const at = (share: number) => latencies[Math.min(latencies.length - 1, Math.floor(share * latencies.length))]
  report('dashboard-during-restore-max-ms', latencies.at(-1)!, 'ms', {
    answered: latencies.length,
    medianMs: Number(at(0.5).toFixed(1)),
    p99Ms: Number(at(0.99).toFixed(1)),
    restoreMs: Math.round(restoreMs),
    records,
    history: '5 years',
    where: 'import worker; dashboard on the main thread'
  })
  db.close()
}
