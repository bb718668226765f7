import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { clockFrom } from '../../../src/main/clock'
import { DATABASE_FILE_NAME, openDatabase } from '../../../src/main/database/openDatabase'
import { generateMemberHistory } from '../../../src/main/demo/memberHistory'
import { createMorningNotice, type Notice } from '../../../src/main/glance/morningNotice'
import { createTodayGlance } from '../../../src/main/glance/todayGlance'
import { createInsightQueries } from '../../../src/main/insights/insightQueries'
import { createAccountQueries } from '../../../src/main/store/accounts'
import { createDashboardQueries } from '../../../src/main/store/dashboardQueries'
import { createRecordStore } from '../../../src/main/store/recordStore'
import { makeTempDir } from '../../support/harness/tempDir'
import { dateIn, instantOf } from '../../../src/main/demo/zonedTime'
import type { Recovery } from '../../../src/main/whoop/whoopSchemas'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { addDays, dayMeans, memberFigures } from '../../support/fixtures/memberFigures'
import { cycleDay, memberToday } from '../../support/fixtures/memberDays'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { memberTimeZone, testClock } from '../../support/harness/testClock'

/**
 * Two in the afternoon of the tests' day where the member lives: the member woke this morning,
 * so this morning's recovery is in the fake's history, whatever the date and the machine's zone.
 */
function afternoonClock() {
  const instant = instantOf(dateIn(memberTimeZone, testClock.now()), 14 * 60, memberTimeZone)
  return clockFrom(instant)
}

/** This morning's recovery in the fake's history, held back as WHOOP does until it is scored. */
function morningRecovery(fake: FakeWhoop, now: number): { today: string; recovery: Recovery } {
  const today = memberToday(fake.history, now)
  const cycle = fake.history.cycles.find((c) => cycleDay(fake.history, c.id) === today)
  const recovery = cycle && fake.history.recoveries.find((r) => r.cycle_id === cycle.id)
  if (!recovery) throw new Error(`the fake's history has no recovery on ${today}`)
  return { today, recovery }
}

const holdBack = (recovery: Recovery) => Object.assign(recovery, { score_state: 'PENDING_SCORE', score: undefined })

/** The words the test expects, from the fake's history: HRV against the 30 days ending today (mean ± one sample SD). */
function expectedNotice(fake: FakeWhoop, today: string, recovery: Recovery) {
  const score = recovery.score!
  const hrv = dayMeans(memberFigures(fake.history).hrv)
  const month = Array.from({ length: 30 }, (_, back) => hrv.get(addDays(today, -back))).filter((value) => value !== undefined)
  const mean = month.reduce((sum, value) => sum + value, 0) / month.length
  const sd = Math.sqrt(month.reduce((sum, value) => sum + (value - mean) ** 2, 0) / (month.length - 1))
  const [shown, low, high] = [score.hrv_rmssd_milli, mean - sd, mean + sd].map(Math.round)
  const zone = score.recovery_score >= 67 ? 'green' : score.recovery_score >= 34 ? 'yellow' : 'red'
  const where = shown < low ? 'below' : shown > high ? 'above' : 'within'
  return {
    title: `Recovery ${Math.round(score.recovery_score)}% — ${zone}`,
    body: `HRV ${shown} ms, ${where} your usual ${low}–${high}.`,
    opens: 'today'
  }
}

describe('the morning notification', () => {
  let harness: CoreHarness | undefined
  afterEach(async () => {
    await harness?.close()
    harness = undefined
  })

  it('tells once, when this morning’s recovery is scored: not on a re-sync, a rescoring or a restart', async () => {
    const clock = afternoonClock()
    const fake = await startFakeWhoop({ clock, days: 45, rateLimit: false })
    const { today, recovery } = morningRecovery(fake, clock.now())
    holdBack(recovery)
    harness = await startCoreHarness({ existingFake: fake, clock })
    await harness.call('updateSettings', { morningNotification: true })
    await harness.connect()
    expect(harness.notices).toEqual([])

    fake.edit.scorePending()
    await harness.call('syncNow', {})
    expect(harness.notices).toEqual([expectedNotice(fake, today, recovery)])

    await harness.call('syncNow', {})
    recovery.score!.recovery_score = recovery.score!.recovery_score > 50 ? 20 : 80
    recovery.updated_at = new Date(clock.now()).toISOString()
    await harness.call('syncNow', {})
    await harness.restart()
    await harness.call('syncNow', {})
    expect(harness.notices).toHaveLength(1)
    await fake.close()
  })

  it('stays quiet while it is off, and for a recovery scored while it was off', async () => {
    const clock = afternoonClock()
    const fake = await startFakeWhoop({ clock, days: 45, rateLimit: false })
    holdBack(morningRecovery(fake, clock.now()).recovery)
    harness = await startCoreHarness({ existingFake: fake, clock })
    await harness.connect()
    fake.edit.scorePending()
    await harness.call('syncNow', {})
    await harness.call('updateSettings', { morningNotification: true })
    await harness.call('syncNow', {})
    expect(harness.notices).toEqual([])
    await fake.close()
  })

  it('does not tell about the morning the first download brings', async () => {
    const clock = afternoonClock()
    const fake = await startFakeWhoop({ clock, days: 45, rateLimit: false })
    // Scored before the person connects: the first download brings it.
    fake.edit.scorePending()
    expect(morningRecovery(fake, clock.now()).recovery.score_state).toBe('SCORED')
    harness = await startCoreHarness({ existingFake: fake, clock })
    await harness.call('updateSettings', { morningNotification: true })
    await harness.connect()
    await harness.call('syncNow', {})
    expect(harness.notices).toEqual([])
    await fake.close()
  })

  it('asks once to connect again when WHOOP refuses the sign-in, and again after a new refusal', async () => {
    harness = await startCoreHarness()
    await harness.connect()
    harness.fake.revokeAllTokens()
    await harness.call('syncNow', {}).catch(() => undefined)
    await harness.call('syncNow', {}).catch(() => undefined)
    expect(harness.notices).toEqual([
      { title: 'WHOOP needs you to connect again', body: expect.stringContaining('Connect again in Settings'), opens: 'settings' }
    ])
    await harness.connect()
    harness.fake.revokeAllTokens()
    await harness.call('syncNow', {}).catch(() => undefined)
    expect(harness.notices).toHaveLength(2)
  })
})

describe('what the morning notification never tells', () => {
  /** A member's history stored as it came (from WHOOP's API, its export, or the demo), this morning's recovery scored. */
  function storedAs(source: 'api' | 'export' | 'demo') {
    const clock = afternoonClock()
    const history = generateMemberHistory({ days: 40, now: clock.now(), timeZone: memberTimeZone })
    for (const recovery of history.recoveries) {
      if (recovery.score_state === 'PENDING_SCORE') Object.assign(recovery, { score_state: 'SCORED', score: history.recoveries.find((r) => r.score)!.score })
    }
    const db = openDatabase(path.join(makeTempDir(), DATABASE_FILE_NAME))
    const store = createRecordStore(db)
    store.saveProfile(history.profile, new Date(clock.now()).toISOString(), source === 'demo')
    for (const [resource, records] of [['cycle', history.cycles], ['sleep', history.sleeps], ['recovery', history.recoveries]] as const) {
      store.upsert(resource, history.profile.user_id, records as never, { source, walk: 1 })
    }
    const queries = createInsightQueries(db)
    const accounts = createAccountQueries(db)
    const glance = createTodayGlance({ db, accounts, dashboard: createDashboardQueries(db, queries.daily, queries.tags), queries, clock })
    const notices: Notice[] = []
    const notice = createMorningNotice({ db, clock, glance, enabled: () => true, notify: (told) => void notices.push(told) })
    const synced = { runId: 1, trigger: 'manual' as const, status: 'succeeded' as const, startedAt: '', finishedAt: '', resources: [] }
    notice.afterSync(synced)
    return { glance: glance(), notices }
  }

  it('tells a recovery that came from WHOOP, and none from an imported export or the demo', () => {
    const fromWhoop = storedAs('api')
    expect(fromWhoop.glance).toMatchObject({ isToday: true, isDemo: false, recoveryFromWhoop: true })
    expect(fromWhoop.notices).toHaveLength(1)

    const imported = storedAs('export')
    expect(imported.glance).toMatchObject({ isToday: true, recoveryFromWhoop: false })
    expect(imported.notices).toEqual([])

    const demo = storedAs('demo')
    expect(demo.glance).toMatchObject({ isToday: true, isDemo: true })
    expect(demo.notices).toEqual([])
  })
})
