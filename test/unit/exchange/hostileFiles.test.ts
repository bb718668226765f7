import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bundleForNode } from '../../../scripts/bundleForNode.mjs'
import { readJsonExport } from '../../../src/main/exchange/readJsonExport'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { storedRecords } from '../../support/harness/syncHarness'
import { makeTempDir } from '../../support/harness/tempDir'

const MiB = 1024 * 1024
const header = '{"format": "whoop-desktop-export", "version": 1, "exportedAt": "2026-12-01T00:00:00.000Z"'

/** Writes `head`, then `unit` repeated until the file reaches `bytes`, then `tail`, a MiB at a time. */
function writeRepeated(file: string, head: string, unit: string, bytes: number, tail: string) {
  const fd = fs.openSync(file, 'w')
  fs.writeSync(fd, head)
  const block = unit.repeat(Math.ceil(MiB / unit.length))
  for (let written = 0; written < bytes; written += block.length) fs.writeSync(fd, block)
  fs.writeSync(fd, tail)
  fs.closeSync(fd)
}

/** The hostile files, each with what the refusal must say. */
const hostileFiles: { name: string; make: (file: string) => void; refusal: RegExp }[] = [
  {
    name: 'a 180 MB array of empty objects',
    make: (file) => writeRepeated(file, '[{}', ',{}', 180 * MiB, ']'),
    refusal: /not a WHOOP Desktop export/
  },
  {
    name: 'a 30 MB object that is not an export',
    make: (file) => writeRepeated(file, '{"records": [{}', ',{}', 30 * MiB, ']}'),
    refusal: /not a WHOOP Desktop export/
  },
  {
    name: 'an export header followed by 180 MB of empty cycles',
    make: (file) => writeRepeated(file, `${header}, "accounts": [{"cycles": [{}`, ',{}', 180 * MiB, ']}]}'),
    refusal: /does not match the export format at accounts\.0\.cycles\.0\.id/
  },
  {
    name: 'JSON nested 5,000 deep',
    make: (file) => fs.writeFileSync(file, `${header}, "accounts": ${'['.repeat(5000)}${']'.repeat(5000)}}`),
    refusal: /nested more than 32 levels deep/
  },
  {
    name: 'a 100 MB string',
    make: (file) => writeRepeated(file, `${header}, "app": {"name": "`, 'x', 100 * MiB, '", "version": "1"}}'),
    refusal: /a single value longer than 8388608 bytes/
  }
]

let dir: string
let childBundle: string
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-hostile-'))
  childBundle = await bundleForNode('test/support/harness/workerChild.ts', path.resolve(__dirname, '../../../test-results/worker-child'))
  for (const [index, hostile] of hostileFiles.entries()) hostile.make(path.join(dir, `hostile-${index}.json`))
}, 120_000)
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

describe('a hostile file given to restore', () => {
  let harness: CoreHarness
  beforeAll(async () => {
    harness = await startCoreHarness({ fake: { days: 20 }, dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-hostile-core-')) })
    harness.core.database.prepare(`INSERT INTO account (user_id, connected_at, is_demo) VALUES (7, '2026-01-01T00:00:00Z', 0)`).run()
    harness.core.database
      .prepare(`INSERT INTO cycle (id, user_id, start_ms, end_ms, timezone_offset, local_date, score_state, strain, kilojoule,
          average_heart_rate, max_heart_rate, created_at, updated_at, updated_ms, source, walk, raw)
        VALUES (1, 7, 0, 1, '+00:00', '1970-01-01', 'SCORED', 5, 1, 60, 120, 'x', 'x', 0, 'api', NULL, '{}')`)
      .run()
  })
  afterAll(() => harness.close())

  it.each(hostileFiles.map((hostile, index) => [hostile.name, index] as const))(
    'refuses %s in the app with a clear message, the database unchanged',
    async (_name, index) => {
      const before = storedRecords(harness.core.database)
      harness.files.importFrom = path.join(dir, `hostile-${index}.json`)
      const error = await harness.call('importData', { kind: 'json-backup' }).catch((e) => e)
      expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(hostileFiles[index].refusal) })
      expect(storedRecords(harness.core.database)).toEqual(before)
    }
  )

  it.each(hostileFiles.map((hostile, index) => [hostile.name, index] as const))(
    'refuses %s in a fresh process after reading at most 9 MiB, peaking under 200 MiB',
    async (name, index) => {
      const file = path.join(dir, `hostile-${index}.json`)
      const { stdout } = await promisify(execFile)(process.execPath, [childBundle], {
        env: { ...process.env, WORK: 'measure-restore', WORK_DB_FILE: path.join(makeTempDir(), 'db.sqlite'), WORK_FILE: file }
      })
      const measured = JSON.parse(stdout.trim().split('\n').at(-1)!) as { outcome: string; ms: number; bytesRead: number; peakRssMiB: number }
      console.log(
        `${name} (${(fs.statSync(file).size / MiB).toFixed(1)} MiB): refused in ${measured.ms.toFixed(0)} ms, ` +
          `${(measured.bytesRead / MiB).toFixed(2)} MiB read, process peak ${measured.peakRssMiB.toFixed(0)} MiB`
      )
      expect(measured.outcome).toMatch(hostileFiles[index].refusal)
      // Refused from what it read first (the longest-value limit reads 8 MiB at most), not after all of it.
      expect(measured.bytesRead).toBeLessThanOrEqual(9 * MiB)
      expect(measured.peakRssMiB).toBeLessThan(200)
    }
  )
})

describe('the limits of a restore', () => {
  it('refuses a file with more records than the limit, naming it', async () => {
    const file = path.join(makeTempDir(), 'many.json')
    const entry = { cycle_start_ms: 1, cycle_end_ms: null, timezone_offset: '+00:00', local_date: '1970-01-01', question: 'q', answered_yes: 1, notes: null, source: 'export' }
    fs.writeFileSync(file, `${header}, "accounts": [{"journalEntries": [${Array(11).fill(JSON.stringify(entry)).join(',')}]}]}`)
    const limits = { maxFileBytes: MiB, maxDepth: 32, maxRecords: 10, maxValueBytes: MiB }
    await expect(readJsonExport(file, { limits })).rejects.toThrow(/more than 10 records/)
    await expect(readJsonExport(file, { limits: { ...limits, maxRecords: 11 } })).rejects.toThrow(/at app: /)
  })

  it('refuses a file larger than the limit before reading it', async () => {
    const file = path.join(makeTempDir(), 'large.json')
    fs.writeFileSync(file, `${header}}`.padEnd(2048, ' '))
    let read = 0
    await expect(
      readJsonExport(file, { limits: { maxFileBytes: 1024, maxDepth: 32, maxRecords: 10, maxValueBytes: MiB }, onRead: (bytes) => (read = bytes) })
    ).rejects.toThrow(/larger \(2048 bytes\)/)
    expect(read).toBe(0)
  })
})
