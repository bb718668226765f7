import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Database } from 'better-sqlite3'
import { bundleForNode } from '../../../scripts/bundleForNode.mjs'
import { testClock } from './testClock'
import { openDatabase } from '../../../src/main/database/openDatabase'
import { seededRandom } from '../../../src/main/demo/seededRandom'
import { writeJsonExport } from '../../../src/main/exchange/jsonExport'
import { restoreJsonExport } from '../../../src/main/exchange/jsonRestore'
import { createSyncEngine } from '../../../src/main/sync/syncEngine'
import { createRateLimiter } from '../../../src/main/whoop/rateLimiter'
import { startFakeWhoop, type Fault, type FaultRule, type FakeWhoop } from '../fakeWhoop/fakeWhoopServer'
import { fakeRecords, storedRecords } from './storeSnapshots'
import { createVirtualClock } from './virtualClock'
import { clientForFake } from '../fakeWhoop/whoopTestClient'

/**
 * The reliability proof, shared by its test (which asserts) and its benchmark (which prints): sync
 * under every fault the fake WHOOP offers, token expiry and revocation mid-sync, and SIGKILL at random
 * points of sync, export and restore. After each, the database must pass `integrity_check` and hold
 * exactly what a clean run holds.
 */
export interface Outcome {
  scenario: string
  faultsInjected: number
  kills: number
  recordsCompared: number
  /** Records of the clean run missing afterwards, plus records that should not be there. */
  recordsLost: number
  integrity: string
  /** Export files left cut off under their name, or beside it once the export was redone. */
  partialFiles?: number
}

/** Whether a file is an export written to its end (a cut-off one is not valid JSON). */
function isWholeExport(file: string): boolean {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')).format === 'whoop-desktop-export'
  } catch {
    return false
  }
}

function scratch() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-reliability-'))
  return { dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/** Differences between two sets of stored records, counted per record. */
function recordDifferences(expected: Record<string, string[]>, actual: Record<string, string[]>): { compared: number; lost: number } {
  let compared = 0
  let lost = 0
  for (const table of Object.keys(expected)) {
    const have = new Set(actual[table] ?? [])
    compared += expected[table].length
    lost += expected[table].filter((record) => !have.has(record)).length
    lost += Math.max(0, (actual[table]?.length ?? 0) - expected[table].length)
  }
  return { compared, lost }
}

const integrityOf = (db: Database) => String(db.pragma('integrity_check', { simple: true }))

/** Each fault kind on its own, then a clean sync: nothing lost, nothing doubled. */
export const faultKinds: { name: string; rules?: FaultRule[]; storm?: Fault[] }[] = [
  { name: '429 bursts', storm: [{ kind: 'status', status: 429, resetSeconds: 2 }] },
  { name: '500', storm: [{ kind: 'status', status: 500 }] },
  { name: '502', storm: [{ kind: 'status', status: 502 }] },
  { name: '503', storm: [{ kind: 'status', status: 503 }] },
  { name: 'connection resets', storm: [{ kind: 'reset' }] },
  { name: 'responses past the timeout', storm: [{ kind: 'slow', delayMs: 300 }] },
  { name: 'access tokens expiring mid-sync', storm: [{ kind: 'expire-tokens' }] },
  { name: 'malformed JSON', rules: [{ kind: 'malformed-json', times: 2, path: '/v2/activity/sleep' }] },
  { name: 'fields drifting from the schema', rules: [{ kind: 'drift', drift: (b: any) => ((b.records[0].score_state = 'NEW'), b), times: 2, path: '/v2/cycle' }] },
  { name: '404 for one endpoint', rules: [{ kind: 'status', status: 404, times: Infinity, path: '/v2/recovery' }] },
  {
    name: 'mixed storm',
    storm: [
      { kind: 'status', status: 429, resetSeconds: 3 },
      { kind: 'status', status: 500 },
      { kind: 'reset' },
      { kind: 'slow', delayMs: 300 },
      { kind: 'expire-tokens' },
      { kind: 'status', status: 503 }
    ]
  }
]

export async function faultScenario(kind: (typeof faultKinds)[number], days: number): Promise<Outcome> {
  const clock = createVirtualClock()
  const fake = await startFakeWhoop({ clock, days, rateLimit: false })
  const { dir, remove } = scratch()
  const db = openDatabase(path.join(dir, 'whoop-desktop.sqlite'))
  try {
    const { client } = clientForFake(fake, clock, { requestTimeoutMs: 150 })
    const engine = createSyncEngine({ db, clock, client: () => client })
    for (const rule of kind.rules ?? []) fake.addFault(rule)
    if (kind.storm) fake.startStorm(kind.storm, 2)
    await engine.sync()
    const faultsInjected = fake.faultsInjected
    fake.clearFaults()
    clock.advance(60_000)
    await engine.sync()
    const { compared, lost } = recordDifferences(fakeRecords(fake), storedRecords(db))
    return { scenario: `fault: ${kind.name}`, faultsInjected, kills: 0, recordsCompared: compared, recordsLost: lost, integrity: integrityOf(db) }
  } finally {
    db.close()
    remove()
    await fake.close()
  }
}

/** The member revokes the app's access in the middle of a sync, then connects again. */
export async function revocationScenario(days: number): Promise<Outcome> {
  const clock = createVirtualClock()
  const fake = await startFakeWhoop({ clock, days, rateLimit: false })
  const { dir, remove } = scratch()
  const db = openDatabase(path.join(dir, 'whoop-desktop.sqlite'))
  try {
    const first = clientForFake(fake, clock).client
    const revoking = createSyncEngine({
      db,
      clock,
      client: () => first,
      onProgress: (event) => event.type === 'resource' && event.resource === 'sleep' && event.pages === 2 && fake.revokeAllTokens()
    })
    const cut = await revoking.sync()
    const second = clientForFake(fake, clock).client
    await createSyncEngine({ db, clock, client: () => second }).sync()
    const { compared, lost } = recordDifferences(fakeRecords(fake), storedRecords(db))
    const failed = cut.resources.filter((outcome) => outcome.error?.kind === 'reconnect-needed').length
    return { scenario: 'access revoked mid-sync', faultsInjected: failed > 0 ? 1 : 0, kills: 0, recordsCompared: compared, recordsLost: lost, integrity: integrityOf(db) }
  } finally {
    db.close()
    remove()
    await fake.close()
  }
}

type Work = 'sync' | 'export' | 'import'

/** Runs `work` in a child process and SIGKILLs it after `afterLines` progress lines (and a delay). */
function runAndKill(bundle: string, env: Record<string, string>, afterLines: number, delayMs: number): Promise<boolean> {
  const child = spawn(process.execPath, [bundle], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let lines = 0
  return new Promise((resolve) => {
    child.stdout.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').filter(Boolean).length
      if (lines >= afterLines) setTimeout(() => child.kill('SIGKILL'), delayMs)
    })
    child.on('exit', (_code, signal) => resolve(signal === 'SIGKILL'))
  })
}

/** SIGKILL at random points of sync, export and restore, each followed by a restart of the work. */
export async function killScenarios(kills: number, days: number, seed = 7): Promise<Outcome> {
  const random = seededRandom(seed)
  const bundle = await bundleForNode('test/support/harness/workerChild.ts', path.resolve('test-results/worker-child'))
  const fake: FakeWhoop = await startFakeWhoop({ days, rateLimit: false })
  const { dir, remove } = scratch()
  const outcome: Outcome & { partialFiles: number } = { scenario: 'SIGKILL during sync, export and restore', faultsInjected: 0, kills: 0, recordsCompared: 0, recordsLost: 0, integrity: 'ok', partialFiles: 0 }
  const runs: Record<Work, number> = { sync: 0, export: 0, import: 0 }
  const sync = (db: Database) => {
    const { client } = clientForFake(fake, testClock, { rateLimiter: createRateLimiter({ clock: testClock, policies: [] }) })
    return createSyncEngine({ db, clock: testClock, client: () => client }).sync()
  }
  const account = (file: string) => ({ WORK_DB_FILE: file, WORK_API_BASE_URL: fake.endpoints.apiBaseUrl, WORK_ACCESS_TOKEN: fake.grantTokens().access_token })
  const check = (db: Database, expected: Record<string, string[]>) => {
    const { compared, lost } = recordDifferences(expected, storedRecords(db))
    outcome.recordsCompared += compared
    outcome.recordsLost += lost
    const integrity = integrityOf(db)
    if (integrity !== 'ok') outcome.integrity = integrity
  }
  try {
    const clean = fakeRecords(fake)
    // A synced database to export from, and its export to restore.
    const sourceFile = path.join(dir, 'source.sqlite')
    const source = openDatabase(sourceFile)
    await sync(source)
    const exportFile = path.join(dir, 'clean-export.json')
    await writeJsonExport(source, exportFile, {}, { appName: 'x', appVersion: '0', exportedAt: 'now' })
    source.close()

    // Until `kills` processes were killed before they finished (one that wins the race still counts
    // as a run, and is checked all the same).
    for (let index = 0; outcome.kills < kills && index < kills * 3; index++) {
      const work = random.pick<Work>(['sync', 'export', 'import'])
      const file = path.join(dir, `kill-${index}.sqlite`)
      if (work === 'export') fs.copyFileSync(sourceFile, file)
      const target = path.join(dir, `kill-${index}.json`)
      const killed = await runAndKill(
        bundle,
        { WORK: work, WORK_FILE: work === 'import' ? exportFile : target, ...account(file) },
        work === 'sync' ? random.int(1, 40) : work === 'export' ? random.int(1, 12) : 1,
        work === 'import' ? random.int(0, 8) : 0
      )
      outcome.kills += Number(killed)
      if (killed) runs[work]++
      const db = openDatabase(file)
      if (work === 'sync') {
        await sync(db)
        check(db, clean)
      } else if (work === 'export') {
        // A cut-off export never appears under its name: there is nothing there, or a whole export.
        if (fs.existsSync(target) && !isWholeExport(target)) outcome.partialFiles++
        await writeJsonExport(db, target, {}, { appName: 'x', appVersion: '0', exportedAt: 'now' })
        if (fs.existsSync(`${target}.partial`)) outcome.partialFiles++
        // The export redone is judged by what it restores: a fresh database with the fake's history.
        const restored = openDatabase(path.join(dir, `restored-${index}.sqlite`))
        await restoreJsonExport(restored, target)
        check(restored, clean)
        restored.close()
      } else {
        await restoreJsonExport(db, exportFile)
        check(db, clean)
      }
      db.close()
    }
    outcome.scenario = `SIGKILL during sync (${runs.sync}), export (${runs.export}) and restore (${runs.import})`
    return outcome
  } finally {
    remove()
    await fake.close()
  }
}
