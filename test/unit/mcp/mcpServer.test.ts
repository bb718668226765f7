import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import Conf from 'conf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { VAULT_FILE_NAME } from '../../../src/main/auth/tokenVault'
import { DATABASE_FILE_NAME } from '../../../src/main/database/openDatabase'
import { listenForReads, readNoticeAddress } from '../../../src/main/mcp/readNotices'
import { settingsBackendOptions, type SettingsBackend } from '../../../src/main/settings/settingsStore'
import { assistantToolNames } from '../../../src/shared/assistant'
import { createDayTags } from '../../../src/main/store/dayTags'
import { trendMetrics } from '../../../src/shared/insights'
import { ALCOHOL, journalDays, plantJournal, type JournalRows } from '../../support/fixtures/journalFixture'
import { connectAssistant, toolArguments, type AssistantConnection } from '../../support/harness/mcpClient'
import { cycleDay } from '../../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures, rollingMeanOn, type DaySeries, type MemberFigures } from '../../support/fixtures/memberFigures'
import { importJournal } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { meanOf, welchInterval } from '../../support/fixtures/welch'

/*
 * The read-only MCP server as an assistant meets it: `node out/main/mcp.js` over stdio, spoken to
 * with the official SDK client, on a data folder the app wrote. Every figure is compared with one
 * the test works out itself from the fake WHOOP's records and the journal it wrote.
 */

let harness: SyncHarness
let dataDir: string
let figures: MemberFigures
let journal: JournalRows
let assistant: AssistantConnection

/** The app's own settings file, written the way the app writes it. */
function allowAssistants(folder: string, allowed = true) {
  const settings = new Conf(settingsBackendOptions(folder)) as unknown as SettingsBackend
  settings.set({ ...settings.store, assistantAccess: allowed })
}

beforeAll(async () => {
  // Kept for the whole file (makeTempDir's folders go after each test).
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-mcp-'))
  harness = await startSyncHarness({ fake: { days: 400 }, dbFile: path.join(dataDir, DATABASE_FILE_NAME) })
  journal = plantJournal(harness.fake.history, { days: 390, yesDays: 120 })
  await harness.engine.sync()
  await importJournal(harness, journal)
  figures = memberFigures(harness.fake.history)
  // Tags the person put on two days, as the app's tag handler stores them.
  const tags = createDayTags(harness.db)
  for (const [index, tag] of [[10, 'travel'], [11, 'travel'], [11, 'sick']] as const) tags.add(history().profile.user_id, dayOf(index), tag, Date.UTC(2026, 0, 1))
  allowAssistants(dataDir)
  assistant = await connectAssistant(dataDir)
})
afterAll(async () => {
  await assistant?.close()
  await harness.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

const history = () => harness.fake.history
const dayOf = (index: number) => cycleDay(history(), history().cycles[index].id)
const newestDay = () => dayOf(0)
const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
const meanBetween = (series: DaySeries, from: string, to: string) => {
  const values = [...dayMeans(series)].filter(([day]) => day >= from && day <= to).map(([, value]) => value)
  return { mean: meanOf(values), days: values.length }
}

describe('what an assistant is offered', () => {
  it('seven read-only tools with typed inputs, and a resource describing the data and its units', async () => {
    const { tools } = await assistant.client.listTools()
    expect(tools.map((tool) => tool.name).sort()).toEqual([...assistantToolNames].sort())
    for (const tool of tools) {
      expect(tool.annotations).toMatchObject({ readOnlyHint: true, openWorldHint: false })
      expect(tool.inputSchema, tool.name).toMatchObject({ type: 'object', additionalProperties: false })
    }
    const trend = tools.find((tool) => tool.name === 'get_trend')!
    expect(trend.inputSchema.required).toEqual(['metric'])
    expect((trend.inputSchema.properties as Record<string, { enum?: string[] }>).metric.enum).toEqual([...trendMetrics])

    const { resources } = await assistant.client.listResources()
    expect(resources.map((resource) => resource.uri)).toEqual(['whoop-desktop://data-model'])
    const { contents } = await assistant.client.readResource({ uri: 'whoop-desktop://data-model' })
    const text = (contents[0] as { text: string }).text
    expect(text).toContain('`hrv` (hrv_ms): milliseconds')
    expect(text).toContain('YYYY-MM-DD in the person\'s own time zone')
  })
})

describe('answers, figure by figure', () => {
  it('list_tags and get_day: the tags put on days, each with the days that carry it', async () => {
    const { json, isError } = await assistant.call('list_tags', { start_date: dayOf(20), end_date: newestDay() })
    expect(isError).toBe(false)
    expect(json.tags_used).toEqual([
      { tag: 'travel', days: 2 },
      { tag: 'sick', days: 1 }
    ])
    expect(json.tagged_days).toEqual([
      { date: dayOf(11), tags: ['sick', 'travel'] },
      { date: dayOf(10), tags: ['travel'] }
    ])
    expect((await assistant.call('get_day', { date: dayOf(11) })).json.tags).toEqual(['sick', 'travel'])
    expect((await assistant.call('list_tags', { start_date: dayOf(9), end_date: newestDay() })).json.tagged_days).toEqual([])
  })

  it("get_day: recovery against the 30-day baseline, the night's stages, strain, workouts and the journal", async () => {
    // A day a week back with one recovery, one night and a workout.
    const day = [...Array(30).keys()]
      .slice(7)
      .map(dayOf)
      .find((d) => figures.recovery.get(d)?.length === 1 && figures.workouts.some((w) => w.day === d))!
    const { json, isError } = await assistant.call('get_day', { date: day })
    expect(isError).toBe(false)
    expect(json.date).toBe(day)
    expect(json.recovery.recovery_percent).toBe(dayMeans(figures.recovery).get(day))
    const hrv = json.recovery.measures.find((measure: Record<string, unknown>) => 'hrv_ms' in measure)
    expect(hrv.hrv_ms).toBe(round(dayMeans(figures.hrv).get(day)!, 1))
    expect(hrv.baseline_30_days).toBe(round(rollingMeanOn(figures.hrv, day, 30, 7)!, 1))

    const night = history().sleeps.find((s) => !s.nap && s.score && cycleDay(history(), s.cycle_id) === day)!
    const stages = night.score!.stage_summary
    expect(json.sleep.stages_minutes).toEqual({
      light: Math.round(stages.total_light_sleep_time_milli / 60_000),
      deep: Math.round(stages.total_slow_wave_sleep_time_milli / 60_000),
      rem: Math.round(stages.total_rem_sleep_time_milli / 60_000)
    })
    expect(json.sleep.disturbances).toBe(stages.disturbance_count)
    expect(json.strain.day_strain).toBe(round(dayMeans(figures.strain).get(day)!, 1))
    const workouts = figures.workouts.filter((w) => w.day === day)
    expect(json.workouts).toHaveLength(workouts.length)
    expect(json.workouts[0].duration_minutes).toBe(Math.round((Date.parse(workouts.at(-1)!.end) - Date.parse(workouts.at(-1)!.start)) / 60_000))

    // The day's answers were given the next morning, on the next cycle (newest first: one index lower).
    const index = history().cycles.findIndex((cycle) => cycleDay(history(), cycle.id) === day) - 1
    expect(json.journal.every((a: { answered_on: string }) => a.answered_on === addDays(day, 1))).toBe(true)
    const answers = journal.filter(([cycle]) => cycle === index)
    expect(json.journal.map((a: { question: string; answered_yes: boolean }) => [a.question, a.answered_yes]).sort()).toEqual(
      answers.map(([, question, yes]) => [question, yes]).sort()
    )
  })

  it('get_trend: the mean of the days, the period before, the baseline; a long range lists the newest 366 days and monthly values', async () => {
    const to = newestDay()
    const from = addDays(to, -29)
    const { json } = await assistant.call('get_trend', { metric: 'hrv', start_date: from, end_date: to })
    const current = meanBetween(figures.hrv, from, to)
    const previous = meanBetween(figures.hrv, addDays(from, -30), addDays(from, -1))
    expect(json.period).toEqual({ start_date: from, end_date: to, mean_of_days: round(current.mean, 1), days_with_a_value: current.days })
    expect(json.previous_period.mean_of_days).toBe(round(previous.mean, 1))
    expect(json.change_from_previous_period.difference).toBe(round(current.mean - previous.mean, 1))
    expect(json.daily_values).toHaveLength(30)
    expect(json.baseline_30_days_at_end.mean).toBe(round(rollingMeanOn(figures.hrv, to, 30, 7)!, 1))
    expect(json.unit).toMatch(/milliseconds/)

    const long = await assistant.call('get_trend', { metric: 'asleep', start_date: addDays(to, -1000), end_date: to })
    expect(long.json.daily_values).toHaveLength(366)
    expect(long.json.daily_values.at(-1).date).toBe(to)
    expect(long.json.note).toBe("daily_values holds the newest 366 of the range's 1001 days; monthly_values covers the whole range.")
    const months = new Set([...figures.asleep.keys()].filter((d) => d >= addDays(to, -1000)).map((d) => d.slice(0, 7)))
    expect(long.json.monthly_values).toHaveLength(months.size)
    const hours = meanBetween(figures.asleep, addDays(to, -1000), to)
    expect(long.json.period.mean_of_days).toBe(round(hours.mean / 3_600_000, 2))
  })

  it('compare_periods: two months side by side, and workouts counted, not averaged', async () => {
    const monthOf = (day: string) => ({ first: `${day.slice(0, 7)}-01`, last: addDays(`${addDays(`${day.slice(0, 7)}-01`, 32).slice(0, 7)}-01`, -1) })
    const b = monthOf(addDays(newestDay(), -40))
    const a = monthOf(addDays(b.first, -1))
    const { json } = await assistant.call('compare_periods', {
      first_start_date: a.first,
      first_end_date: a.last,
      second_start_date: b.first,
      second_end_date: b.last,
      metrics: ['recovery', 'workouts']
    })
    const [recovery, workouts] = json.measures
    const [ra, rb] = [meanBetween(figures.recovery, a.first, a.last), meanBetween(figures.recovery, b.first, b.last)]
    expect(recovery.first_period.mean_of_days).toBe(round(ra.mean, 0))
    expect(recovery.second_period.mean_of_days).toBe(round(rb.mean, 0))
    expect(recovery.change.difference).toBe(round(rb.mean - ra.mean, 0))
    const count = (m: { first: string; last: string }) => figures.workouts.filter((w) => w.day >= m.first && w.day <= m.last).length
    expect(workouts.first_period.total).toBe(count(a))
    expect(workouts.second_period.total).toBe(count(b))
  })

  it('list_workouts: a range, one sport by its readable name, and a cap with a note', async () => {
    const to = newestDay()
    const from = addDays(to, -59)
    const inRange = figures.workouts.filter((w) => w.day >= from && w.day <= to)
    const all = await assistant.call('list_workouts', { start_date: from, end_date: to })
    expect(all.json.total_workouts).toBe(inRange.length)
    expect(all.json.workouts).toHaveLength(inRange.length)
    const fitness = await assistant.call('list_workouts', { start_date: from, end_date: to, sport: 'Functional Fitness' })
    expect(fitness.json.total_workouts).toBe(inRange.filter((w) => w.sport_name === 'functional-fitness').length)
    expect(new Set(fitness.json.workouts.map((w: { sport: string }) => w.sport))).toEqual(new Set(['Functional Fitness']))

    const everything = await assistant.call('list_workouts', { start_date: dayOf(history().cycles.length - 1), end_date: to })
    expect(everything.json.total_workouts).toBe(figures.workouts.length)
    expect(everything.json.workouts).toHaveLength(100)
    expect(everything.json.note).toBe(`workouts lists the newest 100 of ${figures.workouts.length}; by_sport covers them all. Ask for a shorter range to see the others.`)
  })

  it("get_journal_insights: the Insights page's Welch intervals, the planted effect clear", async () => {
    const { json } = await assistant.call('get_journal_insights')
    const alcohol = json.questions.find((q: { question: string }) => q.question === ALCOHOL)
    const effect = alcohol.effects.find((e: { next_morning: string }) => e.next_morning === 'recovery')
    const days = journalDays(history(), journal, ALCOHOL)
    const recovery = dayMeans(figures.recovery)
    const after = (list: string[]) => list.map((d) => recovery.get(d)).filter((v) => v !== undefined)
    const expected = welchInterval(after(days.yes), after(days.no))
    expect(effect.difference).toBe(round(expected.difference, 2))
    expect(effect.confidence_interval_95).toEqual([round(expected.low, 2), round(expected.high, 2)])
    expect(effect).toMatchObject({ clear: true, yes_days: after(days.yes).length, no_days: after(days.no).length })
    expect(effect.hedges_g).toBe(round(expected.hedgesG, 2))
    expect(effect.in_words).toBe(`After the days you answered yes to “${ALCOHOL}”, your recovery the next morning was ${Math.abs(expected.difference).toFixed(0)} points lower.`)
  })

  it('get_sync_status: the days stored, the records of each kind, and when WHOOP was last synced', async () => {
    const { json } = await assistant.call('get_sync_status')
    expect(json).toMatchObject({
      account: 'a WHOOP account',
      first_date: dayOf(history().cycles.length - 1),
      last_date: newestDay(),
      records: { cycles: history().cycles.length, sleeps: history().sleeps.length, recoveries: history().recoveries.length, workouts: history().workouts.length },
      last_synced_with_whoop: new Date(harness.clock.now()).toISOString()
    })
    expect(json.records.journalAnswers).toBe(journal.length)
    expect(json.sources.sort()).toEqual(["imported from WHOOP's data export", 'synced from WHOOP'].sort())
  })
})

describe('honest errors, never a stack trace', () => {
  const cases: [tool: string, args: Record<string, unknown>, message: string][] = [
    ['get_trend', { metric: 'steps' }, `must be one of ${trendMetrics.join(', ')} at metric`],
    ['get_day', { date: 'yesterday' }, 'must be a date written YYYY-MM-DD, e.g. 2026-11-19 at date'],
    ['get_day', { date: '2026-13-01' }, 'must be a date written YYYY-MM-DD, e.g. 2026-11-19 at date'],
    ['get_trend', { metric: 'hrv', start_date: '2019-01-01', end_date: '2026-01-01' }, 'start_date 2019-01-01 to end_date 2026-01-01 is 2558 days; ask for at most 1827 days (5 years) at a time.'],
    ['list_workouts', { start_date: '2026-11-02', end_date: '2026-11-01' }, 'start_date 2026-11-02 is after end_date 2026-11-01: ask for a range that starts on or before its end.'],
    [
      'compare_periods',
      { first_start_date: '2026-10-01', first_end_date: '2026-10-31', second_start_date: '2026-11-30', second_end_date: '2026-11-01' },
      'second_start_date 2026-11-30 is after second_end_date 2026-11-01'
    ],
    ['get_trend', { metric: 'hrv', range: '10y' }, 'get_trend does not take range; it takes metric, start_date, end_date.'],
    ['get_sync_status', { verbose: true }, 'get_sync_status does not take verbose; it takes no arguments.']
  ]
  it.each(cases)('%s with %j', async (tool, args, message) => {
    const { isError, text } = await assistant.call(tool, args)
    expect(isError).toBe(true)
    expect(text).toContain(message)
    expect(text).not.toMatch(/\n\s+at /)
  })
})

describe('read-only by construction', () => {
  it('works beside the app while it syncs: a new day stored by the app is in the next answer', async () => {
    const before = (await assistant.call('get_sync_status')).json
    harness.clock.advance(24 * 3_600_000)
    harness.fake.edit.newDay()
    // The assistant reads while the app's sync writes; both finish, and the sync stores its new day.
    const [sync, ...answers] = await Promise.all([harness.engine.sync(), ...assistantToolNames.map((tool) => assistant.call(tool, toolArguments[tool]))])
    expect(sync.status).toBe('succeeded')
    expect(answers.map((answer) => answer.isError)).toEqual(assistantToolNames.map(() => false))
    const after = (await assistant.call('get_sync_status')).json
    expect(after.records.cycles).toBe(before.records.cycles + 1)
    expect(after.last_synced_with_whoop).toBe(new Date(harness.clock.now()).toISOString())
  })

  it('with the app closed, it changes no byte of the database, opens neither the vault nor the network, writes no file', async () => {
    const folder = makeTempDir()
    await harness.db.backup(path.join(folder, DATABASE_FILE_NAME))
    allowAssistants(folder)
    fs.writeFileSync(path.join(folder, VAULT_FILE_NAME), '{"secret":"not for assistants"}')
    const database = path.join(folder, DATABASE_FILE_NAME)
    const fileState = () => ({ sha256: crypto.createHash('sha256').update(fs.readFileSync(database)).digest('hex'), modifiedMs: fs.statSync(database).mtimeMs })
    const before = fileState()
    const reads: string[] = []
    let allRead: () => void
    const everyToolRead = new Promise<void>((resolve) => (allRead = resolve))
    const listener = await listenForReads(readNoticeAddress(folder), assistantToolNames, (tool) => {
      reads.push(tool)
      if (reads.length === assistantToolNames.length) allRead()
    })

    const offline = await connectAssistant(folder)
    for (const tool of assistantToolNames) {
      expect((await offline.call(tool, toolArguments[tool])).isError).toBe(false)
      expect(fileState()).toEqual(before)
    }
    await everyToolRead
    await listener.close()
    const { io } = await offline.close()

    expect(fileState()).toEqual(before)
    // SQLite makes its own -wal and -shm companions to read beside a writer; nothing is written to the log.
    expect(fs.readdirSync(folder).filter((name) => name !== 'assistant-reads.sock').sort()).toEqual(['config.json', DATABASE_FILE_NAME, `${DATABASE_FILE_NAME}-shm`, `${DATABASE_FILE_NAME}-wal`, VAULT_FILE_NAME].sort())
    expect(fs.statSync(path.join(folder, `${DATABASE_FILE_NAME}-wal`)).size).toBe(0)
    expect(reads.sort()).toEqual([...assistantToolNames].sort())
    // Its only connections are the read notices to the app's local socket; no fetch; no file written; the vault never opened.
    expect(io.filter((event) => event.kind === 'connect').map((event) => event.target)).toEqual(assistantToolNames.map(() => readNoticeAddress(folder)))
    expect(io.filter((event) => event.kind === 'fetch')).toEqual([])
    const writes = io.filter((event) => !['openSync', 'readFileSync', 'promises.open', 'promises.readFile', 'connect'].includes(event.kind) || /[wa+]/.test(event.flags ?? ''))
    expect(writes).toEqual([])
    expect(io.filter((event) => event.target.includes(VAULT_FILE_NAME))).toEqual([])
  })
})

describe('what it says when it cannot answer', () => {
  it('while assistant access is off (the default) it starts and answers, and every tool says how to turn it on', async () => {
    const folder = makeTempDir()
    await harness.db.backup(path.join(folder, DATABASE_FILE_NAME))
    const off = await connectAssistant(folder)
    expect(off.client.getServerVersion()).toMatchObject({ name: 'whoop-desktop' })
    for (const tool of assistantToolNames) {
      const { isError, text } = await off.call(tool, toolArguments[tool])
      expect(isError).toBe(true)
      expect(text).toContain('open WHOOP Desktop → Settings → AI assistants and turn on')
    }
    // Turned on while the assistant runs: the next call answers.
    allowAssistants(folder)
    expect((await off.call('get_sync_status')).isError).toBe(false)
    await off.close()
  })

  it('says there is no database yet, and refuses one written by a newer app as the app does', async () => {
    const empty = makeTempDir()
    allowAssistants(empty)
    const none = await connectAssistant(empty)
    expect((await none.call('get_day')).text).toBe(
      `There is no WHOOP Desktop database at ${path.join(empty, DATABASE_FILE_NAME)} yet. Open WHOOP Desktop, connect your WHOOP account or import WHOOP's export, then ask again.`
    )
    expect(fs.readdirSync(empty)).toEqual(['config.json'])
    await none.close()

    const newer = makeTempDir()
    await harness.db.backup(path.join(newer, DATABASE_FILE_NAME))
    const db = new BetterSqlite3(path.join(newer, DATABASE_FILE_NAME))
    db.pragma('user_version = 99')
    db.close()
    allowAssistants(newer)
    const future = await connectAssistant(newer)
    const { isError, text } = await future.call('get_sync_status')
    expect(isError).toBe(true)
    expect(text).toMatch(/was written by a newer version of WHOOP Desktop \(schema 99; this version understands up to \d+\)/)
    await future.close()
  })
})
