import { describe, expect, it } from 'vitest'
import type { SyncRunResult } from '../../../src/shared/sync'
import { createSyncSchedule, type BackgroundTrigger } from '../../../src/main/sync/syncSchedule'
import { startCoreHarness } from '../../support/harness/appCoreHarness'
import { createManualClock } from '../../support/harness/manualClock'
import { testClock } from '../../support/harness/testClock'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/**
 * The schedule over a stand-in for the sync engine: each sync ends as the engine's do (the schedule
 * hears it end, then its promise resolves), with the status the test chooses, after `takes`.
 */
function scheduleWith(options: { interval?: number; connected?: boolean; sent?: number; outcomes?: SyncRunResult['status'][]; takes?: number } = {}) {
  const clock = createManualClock()
  const start = clock.now()
  const runs: { trigger: BackgroundTrigger; at: number }[] = []
  const outcomes = [...(options.outcomes ?? [])]
  let running = 0
  let mostAtOnce = 0
  let interval = options.interval ?? 60
  const schedule = createSyncSchedule({
    clock,
    intervalMinutes: () => interval,
    connected: () => options.connected ?? true,
    lastRun: null,
    dailyRequests: () => ({ sent: options.sent ?? 0, limit: 10_000 }),
    log: () => {},
    onChange: () => {},
    async sync(trigger) {
      runs.push({ trigger, at: clock.now() - start })
      mostAtOnce = Math.max(mostAtOnce, ++running)
      if (options.takes) await clock.sleep(options.takes)
      running--
      const result: SyncRunResult = {
        runId: runs.length,
        trigger,
        status: outcomes.shift() ?? 'succeeded',
        startedAt: new Date(clock.now()).toISOString(),
        finishedAt: new Date(clock.now()).toISOString(),
        resources: []
      }
      schedule.ended(result)
      return result
    }
  })
  schedule.start()
  return { clock, schedule, runs, mostAtOnce: () => mostAtOnce, setInterval: (minutes: number) => (interval = minutes) }
}

const minutesOf = (runs: { at: number }[]) => runs.map((run) => run.at / MINUTE)

describe('the background sync schedule', () => {
  it('syncs every hour on the hour after the last sync, and says when the next is due', async () => {
    const { clock, schedule, runs } = scheduleWith()
    expect(schedule.status().nextAt).toBe(new Date(clock.now() + HOUR).toISOString())
    await clock.advance(3 * HOUR + 59 * MINUTE)
    expect(minutesOf(runs)).toEqual([60, 120, 180])
    expect(runs.every((run) => run.trigger === 'schedule')).toBe(true)
    expect(schedule.status()).toEqual({ nextAt: new Date(clock.now() + MINUTE).toISOString(), failures: 0 })
  })

  it('follows the interval setting, and syncs never when it is off or nothing is connected', async () => {
    const halfHourly = scheduleWith({ interval: 30 })
    await halfHourly.clock.advance(2 * HOUR)
    expect(minutesOf(halfHourly.runs)).toEqual([30, 60, 90, 120])
    halfHourly.setInterval(0)
    halfHourly.schedule.replan()
    await halfHourly.clock.advance(10 * HOUR)
    expect(halfHourly.runs).toHaveLength(4)
    expect(halfHourly.schedule.status().nextAt).toBeNull()

    const notConnected = scheduleWith({ connected: false })
    notConnected.schedule.nudge('resume')
    await notConnected.clock.advance(10 * HOUR)
    expect(notConnected.runs).toEqual([])
    expect(notConnected.clock.pending()).toEqual([])
  })

  it('syncs when the computer wakes or the network comes back, and counts the next hour from there', async () => {
    const { clock, schedule, runs } = scheduleWith()
    await clock.advance(90 * MINUTE)
    schedule.nudge('resume')
    await clock.settle()
    // A second wake a minute after a sync that worked starts none.
    await clock.advance(MINUTE)
    schedule.nudge('online')
    await clock.advance(HOUR)
    expect(runs).toEqual([
      { trigger: 'schedule', at: 60 * MINUTE },
      { trigger: 'resume', at: 90 * MINUTE },
      { trigger: 'schedule', at: 150 * MINUTE }
    ])
  })

  it('never runs two syncs at once', async () => {
    const { clock, schedule, runs, mostAtOnce } = scheduleWith({ takes: 20 * MINUTE })
    await clock.advance(65 * MINUTE)
    expect(minutesOf(runs)).toEqual([60])
    schedule.nudge('resume')
    schedule.nudge('online')
    await clock.advance(20 * MINUTE)
    expect(minutesOf(runs)).toEqual([60])
    expect(mostAtOnce()).toBe(1)
    // The next is an hour after that sync ended (at 80 minutes).
    await clock.advance(HOUR)
    expect(minutesOf(runs)).toEqual([60, 140])
  })

  it('backs off after failures, doubling the wait up to 6 hours, and a sync that works resets it', async () => {
    const { clock, schedule, runs } = scheduleWith({ outcomes: ['failed', 'partial', 'failed', 'failed', 'failed', 'succeeded'] })
    await clock.advance(40 * HOUR)
    const gaps = minutesOf(runs).map((at, index, all) => at - (all[index - 1] ?? 0))
    expect(gaps.slice(0, 8)).toEqual([60, 120, 240, 360, 360, 360, 60, 60])
    expect(schedule.status().failures).toBe(0)
  })

  it('leaves WHOOP’s daily limit to the person: past 9,000 requests in a day the background waits', async () => {
    const { clock, runs, schedule } = scheduleWith({ sent: 9_000 })
    await clock.advance(61 * MINUTE)
    expect(runs).toEqual([])
    expect(schedule.status().nextAt).toBe(new Date(clock.now() + 59 * MINUTE).toISOString())
  })
})

describe('the background sync in the app core', () => {
  it('syncs with WHOOP an hour after the last sync, and after a wake, and tells the page when the next is due', async () => {
    const clock = createManualClock(testClock.now())
    const harness = await startCoreHarness({ clock, runSchedules: true })
    try {
      await harness.connect()
      const first = (await harness.call('getSyncStatus')).lastRun!
      const firstEnded = Date.parse(first.finishedAt)
      expect((await harness.call('getSyncStatus')).schedule).toEqual({ nextAt: new Date(firstEnded + HOUR).toISOString(), failures: 0 })

      const scheduled = harness.nextEvent('onSyncProgress', (progress) => progress.type === 'finished' && progress.result.trigger === 'schedule')
      await clock.advance(firstEnded + HOUR - clock.now())
      const run = await scheduled
      if (run.type !== 'finished') throw new Error('not a finished run')
      expect(Date.parse(run.result.startedAt)).toBe(firstEnded + HOUR)
      expect(run.result.status).toBe('succeeded')
      expect((await harness.call('getActivity'))[0].summary).toMatch(/^Scheduled sync succeeded: /)
      const told = harness.events.filter((e) => e.event === 'onSyncSchedule').at(-1)!.payload
      expect(told).toEqual({ nextAt: new Date(Date.parse(run.result.finishedAt) + HOUR).toISOString(), failures: 0 })

      // Turned off in Settings: nothing is due.
      await harness.call('updateSettings', { backgroundSyncMinutes: 0 })
      expect((await harness.call('getSyncStatus')).schedule.nextAt).toBeNull()
      await clock.advance(5 * HOUR)
      expect(harness.events.filter((e) => e.event === 'onSyncProgress' && (e.payload as { type: string }).type === 'finished')).toHaveLength(2)
    } finally {
      await harness.close()
    }
  })
})
