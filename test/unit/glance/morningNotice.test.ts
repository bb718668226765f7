import { afterEach, describe, expect, it } from 'vitest'
import { clockFrom } from '../../../src/main/clock'
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
