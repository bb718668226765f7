import fs from 'node:fs'
import path from 'node:path'
import Ajv2020 from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import { afterEach, describe, expect, it } from 'vitest'
import { invokeApi } from '../../../src/main/api/invokeApi'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { storedRecords, tableCounts } from '../../support/harness/syncHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { testClock } from '../../support/harness/testClock'
import { cycleDay } from '../../support/fixtures/memberDays'
import { exportSchemaFile } from './exportFormat.test'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

const validateExport = (() => {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  return ajv.compile(JSON.parse(fs.readFileSync(exportSchemaFile, 'utf8')))
})()

async function syncedHarness(days = 90) {
  const h = await startCoreHarness({ fake: { days } })
  const started = await h.call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret, redirect: 'custom-scheme' })
  const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
  await h.call('completeSignIn', { url: await h.fake.answerConsent(started.authorizationUrl) })
  await synced
  h.core.database
    .prepare(`INSERT INTO journal_entry (user_id, cycle_start_ms, cycle_end_ms, timezone_offset, local_date, question, answered_yes, notes, source)
              VALUES (10129, 1, 2, '-05:00', '2026-01-01', 'Have any caffeine?', 1, 'two cups', 'export')`)
    .run()
  return h
}

async function exportTo(h: CoreHarness, file: string, request: Record<string, unknown> = {}) {
  h.files.exportTo = file
  return h.call('exportData', { format: 'json', ...request } as never)
}

const withoutTimestamp = (text: string) => text.replace(/"exportedAt": "[^"]+"/, '"exportedAt": "…"')

describe('JSON export and restore', () => {
  it('round-trips exactly: export, delete all, restore, export again', async () => {
    harness = await syncedHarness()
    const dir = makeTempDir()
    const first = await exportTo(harness, path.join(dir, 'first.json'))
    expect(first).toMatchObject({ saved: true, records: expect.any(Number), bytes: expect.any(Number) })
    const before = storedRecords(harness.core.database)

    await harness.call('deleteAllData', { confirm: 'DELETE' })
    expect(tableCounts(harness.core.database)).toEqual({ profile: 0, body_measurement: 0, cycle: 0, recovery: 0, sleep: 0, workout: 0 })
    expect((await harness.call('getConnection')).state).toBe('not-connected')

    harness.files.importFrom = path.join(dir, 'first.json')
    const restored = await harness.call('importData', { kind: 'json-backup' })
    expect(restored).toMatchObject({ imported: true, added: first.records, updated: 0, unchanged: 0 })
    expect(storedRecords(harness.core.database)).toEqual(before)

    await exportTo(harness, path.join(dir, 'second.json'))
    const [a, b] = ['first.json', 'second.json'].map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
    expect(withoutTimestamp(b)).toBe(withoutTimestamp(a))
  })

  it("keeps the person's tags: tag a day, export, delete all, restore, and the day has its tags again", async () => {
    harness = await syncedHarness(40)
    const day = cycleDay(harness.fake.history, harness.fake.history.cycles[5].id)
    const taggedFrom = testClock.now()
    await harness.call('tagDay', { date: day, tag: 'travel' })
    // Through the API as the page calls it: spaces tidied, a tag too long refused with a reason.
    const tag = (text: string) => invokeApi(harness!.core.handlers, 'tagDay', [{ date: day, tag: text }], () => {})
    expect(await tag('  late   meal ')).toEqual({ ok: true, value: { date: day, tags: ['late meal', 'travel'] } })
    expect(await tag('x'.repeat(41))).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('at most 40 characters') } })
    const taggedTo = testClock.now()
    // The same tag in other letters is the same tag.
    expect((await harness.call('tagDay', { date: day, tag: 'Travel' })).tags).toHaveLength(2)
    const tagged = (await harness.call('getDay', { date: day }))?.tags
    const file = path.join(makeTempDir(), 'tagged.json')
    await exportTo(harness, file)
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(validateExport(exported), JSON.stringify(validateExport.errors?.slice(0, 3))).toBe(true)
    expect(exported).toMatchObject({ version: 2, recordTypes: expect.arrayContaining(['tag']) })
    const taggedAt = expect.toSatisfy((ms: number) => ms >= taggedFrom && ms <= taggedTo)
    expect(exported.accounts[0].tags).toEqual([
      { date: day, tag: 'late meal', created_ms: taggedAt },
      { date: day, tag: 'travel', created_ms: taggedAt }
    ])

    await harness.call('deleteAllData', { confirm: 'DELETE' })
    expect(harness.core.database.prepare('SELECT COUNT(*) AS n FROM day_tag').get()).toEqual({ n: 0 })
    harness.files.importFrom = file
    const restored = await harness.call('importData', { kind: 'json-backup' })
    expect(restored.byType.tag).toMatchObject({ added: 2 })
    expect((await harness.call('getDay', { date: day }))?.tags).toEqual(tagged)
    expect(tagged).toEqual(['late meal', 'travel'])
  })

  it('restores an export made before tags (format 1) as it always did', async () => {
    harness = await syncedHarness(20)
    const dir = makeTempDir()
    await exportTo(harness, path.join(dir, 'now.json'))
    const current = JSON.parse(fs.readFileSync(path.join(dir, 'now.json'), 'utf8'))
    const { tags: _tags, ...account } = current.accounts[0]
    const formatOne = { ...current, version: 1, recordTypes: ['cycle', 'recovery', 'sleep', 'workout', 'journal'], accounts: [account] }
    fs.writeFileSync(path.join(dir, 'format-1.json'), JSON.stringify(formatOne, null, 2))
    const before = storedRecords(harness.core.database)
    await harness.call('deleteAllData', { confirm: 'DELETE' })
    harness.files.importFrom = path.join(dir, 'format-1.json')
    const restored = await harness.call('importData', { kind: 'json-backup' })
    expect(restored).toMatchObject({ imported: true, updated: 0 })
    expect(restored.byType.tag).toBeUndefined()
    expect(storedRecords(harness.core.database)).toEqual(before)
  })

  it('writes a file valid against the committed JSON Schema, with the raw WHOOP records', async () => {
    harness = await syncedHarness(40)
    const file = path.join(makeTempDir(), 'export.json')
    await exportTo(harness, file)
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'))
    expect(validateExport(exported), JSON.stringify(validateExport.errors?.slice(0, 3))).toBe(true)
    const account = exported.accounts[0]
    expect(account.cycles).toHaveLength(40)
    expect(account.cycles.map((c: { raw: unknown }) => c.raw)).toEqual(
      expect.arrayContaining([harness.fake.history.cycles[0], harness.fake.history.cycles[39]])
    )
    expect(account.journalEntries).toEqual([expect.objectContaining({ question: 'Have any caffeine?', notes: 'two cups' })])
    expect(account.profile.raw).toEqual(harness.fake.history.profile)
  })

  it('restoring the same file twice changes nothing the second time', async () => {
    harness = await syncedHarness(30)
    const file = path.join(makeTempDir(), 'export.json')
    const exported = await exportTo(harness, file)
    harness.files.importFrom = file
    expect(await harness.call('importData', { kind: 'json-backup' })).toMatchObject({ added: 0, updated: 0, unchanged: exported.records })
    expect(await harness.call('importData', { kind: 'json-backup' })).toMatchObject({ added: 0, updated: 0, unchanged: exported.records })
  })

  it('exports only a chosen range and record types', async () => {
    harness = await syncedHarness(60)
    const file = path.join(makeTempDir(), 'part.json')
    const cycles = harness.fake.history.cycles
    const result = await exportTo(harness, file, { start: cycles[9].start, end: cycles[0].start, recordTypes: ['cycle', 'workout'] })
    const account = JSON.parse(fs.readFileSync(file, 'utf8')).accounts[0]
    expect(account.cycles.map((c: { id: number }) => c.id).sort()).toEqual(cycles.slice(1, 10).map((c) => c.id).sort())
    expect(account.sleeps).toEqual([])
    expect(result.records).toBe(account.cycles.length + account.workouts.length)
  })

  it('refuses a range that ends before it starts, and writes nothing', async () => {
    harness = await syncedHarness(10)
    const file = path.join(makeTempDir(), 'never.json')
    harness.files.exportTo = file
    for (const format of ['json', 'csv'] as const) {
      // Through the API's argument check, as the page's call arrives.
      const request = { format, start: '2026-11-20T00:00:00Z', end: '2026-11-10T00:00:00Z' }
      const result = await invokeApi(harness.core.handlers, 'exportData', [request], () => {})
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringContaining('The export range must start before it ends.') } })
    }
    expect(fs.existsSync(file)).toBe(false)
  })

  it('does nothing when the person cancels the save dialog', async () => {
    harness = await syncedHarness(10)
    expect(await harness.call('exportData', { format: 'json' })).toEqual({ saved: false, records: 0, bytes: 0 })
  })
})

describe('restoring a bad file', () => {
  const badFiles: [string, (valid: string) => string | Buffer, RegExp][] = [
    ['not JSON at all', () => Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), /not UTF-8|not valid JSON/],
    ['a truncated export', (valid) => valid.slice(0, Math.floor(valid.length / 2)), /ends too early/],
    ['UTF-16 text', (valid) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(valid, 'utf16le')]), /UTF-16/],
    ['Latin-1 text', (valid) => Buffer.from(valid.replace('Alex', 'Zoë'), 'latin1'), /not UTF-8/],
    ['another program’s JSON', () => JSON.stringify({ records: [] }), /not a WHOOP Desktop export/],
    ['an export from a newer version', (valid) => valid.replace('"version": 2', '"version": 3'), /newer version of WHOOP Desktop \(export format 3/],
    ['a record with a wrong field', (valid) => valid.replace(/"strain":\s*[\d.]+/, '"strain": "high"'), /at accounts\.0\.cycles\.\d+\.strain/]
  ]

  it.each(badFiles)('refuses %s with a clear message and leaves the database unchanged', async (_case, damage, message) => {
    harness = await syncedHarness(20)
    const dir = makeTempDir()
    await exportTo(harness, path.join(dir, 'valid.json'))
    const valid = fs.readFileSync(path.join(dir, 'valid.json'), 'utf8')
    harness.core.database.prepare('DELETE FROM workout').run()
    const before = storedRecords(harness.core.database)

    fs.writeFileSync(path.join(dir, 'bad.json'), damage(valid))
    harness.files.importFrom = path.join(dir, 'bad.json')
    const error = await harness.call('importData', { kind: 'json-backup' }).catch((e) => e)
    expect(error).toMatchObject({ code: 'invalid-argument', message: expect.stringMatching(message) })
    expect(error.message).toMatch(/^Nothing was imported from bad\.json: /)
    expect(storedRecords(harness.core.database)).toEqual(before)
  })
})
