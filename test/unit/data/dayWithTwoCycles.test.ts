import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Conf from 'conf'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DATABASE_FILE_NAME } from '../../../src/main/database/openDatabase'
import { settingsBackendOptions, type SettingsBackend } from '../../../src/main/settings/settingsStore'
import type { Cycle, Recovery, Sleep } from '../../../src/main/whoop/whoopSchemas'
import { insightHandlersOf } from '../../support/harness/insightHarness'
import { connectAssistant, type AssistantConnection } from '../../support/harness/mcpClient'
import { cycleDay } from '../../support/fixtures/memberDays'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'
import { createDashboardQueries } from '../../../src/main/store/dashboardQueries'

/*
 * One day, the same numbers on every page: a day on which the member woke twice (a night, then a
 * long sleep by day that WHOOP counted as a cycle of its own) has one recovery, one HRV and one
 * day strain, the means of its two cycles', on the dashboard, in the day view and for an assistant.
 */

const HOUR = 3_600_000
let harness: SyncHarness
let dataDir: string
let assistant: AssistantConnection
let day: string
let expected: { recovery: number; hrv: number; strain: number }

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-day-'))
  harness = await startSyncHarness({ fake: { days: 40 }, dbFile: path.join(dataDir, DATABASE_FILE_NAME) })
  const { history } = harness.fake
  // A week back: after the night that ends the cycle, a sleep from 3 to 9 hours after waking that starts a cycle of its own.
  const first = history.cycles[7]
  const night = history.sleeps.find((sleep) => sleep.cycle_id === first.id && !sleep.nap && sleep.score)!
  const recovery = history.recoveries.find((r) => r.cycle_id === first.id)!
  expect(recovery.score, 'the chosen cycle is scored').toBeDefined()
  const start = Date.parse(night.end) + 3 * HOUR
  const second: Cycle = { ...structuredClone(first), id: first.id + 500_000, start: new Date(start).toISOString(), end: first.end }
  second.score = { ...first.score!, strain: first.score!.strain / 2 + 4.5 }
  first.end = second.start
  const sleep: Sleep = { ...structuredClone(night), id: 'd2a2f0c4-0000-4000-8000-000000000001', cycle_id: second.id, start: second.start, end: new Date(start + 6 * HOUR).toISOString() }
  const secondRecovery: Recovery = {
    ...structuredClone(recovery),
    cycle_id: second.id,
    sleep_id: sleep.id,
    score: { ...recovery.score!, recovery_score: Math.min(99, recovery.score!.recovery_score + 17), hrv_rmssd_milli: recovery.score!.hrv_rmssd_milli + 11 }
  }
  history.cycles.splice(7, 0, second)
  history.sleeps.push(sleep)
  history.recoveries.push(secondRecovery)
  day = cycleDay(history, first.id)
  expect(cycleDay(history, second.id), 'both cycles are dated by the same wake date').toBe(day)
  const mean = (a: number, b: number) => (a + b) / 2
  expected = {
    recovery: mean(recovery.score!.recovery_score, secondRecovery.score!.recovery_score),
    hrv: mean(recovery.score!.hrv_rmssd_milli, secondRecovery.score!.hrv_rmssd_milli),
    strain: mean(first.score!.strain, second.score.strain)
  }
  await harness.engine.sync()
  const settings = new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend
  settings.set({ ...settings.store, assistantAccess: true })
  assistant = await connectAssistant(dataDir)
})
afterAll(async () => {
  await assistant?.close()
  await harness.close()
  fs.rmSync(dataDir, { recursive: true, force: true })
})

describe('a day with two cycles', () => {
  it('has the same recovery, HRV and strain on the dashboard, in the day view and for an assistant', async () => {
    const userId = harness.fake.history.profile.user_id
    const dashboard = createDashboardQueries(harness.db).dashboard(userId, '1m', harness.clock.now(), day)
    const recoveryPoint = dashboard.recovery.find((point) => point.date === day)!
    const strainPoint = dashboard.strain.find((point) => point.date === day)!
    expect([recoveryPoint.recovery, recoveryPoint.hrv, strainPoint.strain]).toEqual([expected.recovery, expected.hrv, expected.strain])

    const detail = (await insightHandlersOf(harness).getDay({ date: day }))!
    const hrv = detail.recovery!.measures.find((measure) => measure.metric === 'hrv')!
    expect([detail.recovery!.score, hrv.value, detail.strain!.strain]).toEqual([expected.recovery, expected.hrv, expected.strain])

    const { json } = await assistant.call('get_day', { date: day })
    const assistantHrv = json.recovery.measures.find((measure: Record<string, unknown>) => 'hrv_ms' in measure)
    const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
    expect([json.recovery.recovery_percent, assistantHrv.hrv_ms, json.strain.day_strain]).toEqual([
      round(expected.recovery, 1),
      round(expected.hrv, 1),
      round(expected.strain, 1)
    ])
  })
})
