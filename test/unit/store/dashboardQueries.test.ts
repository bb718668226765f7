import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createDashboardQueries } from '../../../src/main/store/dashboardQueries'
import { daysBetween } from '../../../src/shared/calendar'
import { cycleDay, meanOfDays, memberDate, memberToday } from '../../support/fixtures/memberDays'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'

let harness: SyncHarness
let queries: ReturnType<typeof createDashboardQueries>
let userId: number
/** A day WHOOP has no data for (the strap was off): its cycle, sleep and recovery are missing. */
let dayWithoutData: string

beforeAll(async () => {
  harness = await startSyncHarness({ fake: { days: 400 } })
  const gap = harness.fake.history.cycles[20]
  dayWithoutData = cycleDay(harness.fake.history, gap.id)
  harness.fake.history.cycles.splice(20, 1)
  harness.fake.history.recoveries = harness.fake.history.recoveries.filter((r) => r.cycle_id !== gap.id)
  harness.fake.history.sleeps = harness.fake.history.sleeps.filter((s) => s.cycle_id !== gap.id)
  await harness.engine.sync()
  queries = createDashboardQueries(harness.db)
  userId = harness.fake.history.profile.user_id
})
afterAll(() => harness.close())

const now = () => harness.clock.now()

describe('dashboard queries', () => {
  it('give one point per day for a day range, ending today in the member’s timezone', () => {
    const data = queries.dashboard(userId, '1m', now())
    expect(data.bucket).toBe('day')
    expect(data.recovery).toHaveLength(30)
    expect(data.to).toBe(memberToday(harness.fake.history, now()))
    expect(data.recovery.map((point) => point.date)).toEqual([...new Set(data.recovery.map((point) => point.date))])
  })

  it("match the member's recorded values on a known day", () => {
    const cycle = harness.fake.history.cycles[10]
    const recovery = harness.fake.history.recoveries.find((r) => r.cycle_id === cycle.id)!
    const night = harness.fake.history.sleeps.find((s) => s.cycle_id === cycle.id && !s.nap)!
    const day = cycleDay(harness.fake.history, cycle.id)
    const data = queries.dashboard(userId, '1m', now())

    const strainPoint = data.strain.find((point) => point.date === day)!
    expect(strainPoint.strain).toBeCloseTo(cycle.score!.strain, 6)
    expect(strainPoint.kilojoule).toBeCloseTo(cycle.score!.kilojoule, 6)
    expect(strainPoint.recovery).toBe(recovery.score!.recovery_score)
    const recoveryPoint = data.recovery.find((point) => point.date === day)!
    expect(recoveryPoint.recovery).toBe(recovery.score!.recovery_score)
    expect(recoveryPoint.hrv).toBeCloseTo(recovery.score!.hrv_rmssd_milli, 6)
    const sleepPoint = data.sleep.find((point) => point.date === memberDate(Date.parse(night.end), night.timezone_offset))!
    const stages = night.score!.stage_summary
    expect(sleepPoint.deepMs).toBe(stages.total_slow_wave_sleep_time_milli)
    expect(sleepPoint.asleepMs).toBe(
      stages.total_light_sleep_time_milli + stages.total_slow_wave_sleep_time_milli + stages.total_rem_sleep_time_milli
    )
  })

  it('show a day without data as a gap, not as zero', () => {
    const data = queries.dashboard(userId, '1m', now())
    expect(data.strain.find((point) => point.date === dayWithoutData)).toMatchObject({ strain: null, kilojoule: null, recovery: null, pending: 0, unscorable: 0 })
    expect(data.recovery.find((point) => point.date === dayWithoutData)).toMatchObject({ recovery: null, hrv: null })
    // The rolling lines carry on across the gap.
    expect(data.recovery.find((point) => point.date === dayWithoutData)!.hrvAverage7).not.toBeNull()
  })

  it('flag pending and unscorable records instead of dropping them', () => {
    const data = queries.dashboard(userId, 'all', now())
    expect(data.recovery.reduce((sum, point) => sum + point.pending, 0)).toBe(1)
    expect(data.sleep.reduce((sum, point) => sum + point.pending, 0)).toBe(1)
    const unscorableSleeps = harness.fake.history.sleeps.filter((s) => s.score_state === 'UNSCORABLE').length
    expect(data.sleep.reduce((sum, point) => sum + point.unscorable, 0)).toBe(unscorableSleeps)
  })

  it('bucket longer ranges by week and month, covering every bucket', () => {
    const year = queries.dashboard(userId, '1y', now())
    expect(year.bucket).toBe('week')
    expect(year.strain.length).toBeGreaterThanOrEqual(52)
    expect(year.strain.length).toBeLessThanOrEqual(54)
    for (const point of year.strain.slice(1)) expect(new Date(`${point.date}T00:00:00Z`).getUTCDay()).toBe(1)
    const all = queries.dashboard(userId, 'all', now())
    expect(all.bucket).toBe('month')
    expect(all.strain.every((point) => point.date.endsWith('-01'))).toBe(true)
    expect(all.strain.length).toBeGreaterThanOrEqual(13)
  })

  it('mark the weeks and months the range holds only part of: the one so far, and one cut by the range’s start', () => {
    const lastDayOfMonth = (date: string) => new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 0)).toISOString().slice(0, 10)
    const weekday = (date: string) => (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7
    for (const range of ['6m', '1y', 'all'] as const) {
      const data = queries.dashboard(userId, range, now())
      // Worked out from the range's first and last day alone: a month starts on the 1st and ends on its
      // last day; a week runs Monday to Sunday.
      const firstCut = data.bucket === 'month' ? data.from.slice(8) !== '01' : weekday(data.from) !== 0
      const lastCut = data.bucket === 'month' ? data.to !== lastDayOfMonth(data.to) : weekday(data.to) !== 6
      const expected = data.strain.map((_, index) => (index === 0 && firstCut) || (index === data.strain.length - 1 && lastCut))
      for (const series of [data.strain, data.sleep, data.recovery]) expect(series.map((point) => point.partial), `${range}`).toEqual(expected)
    }
    expect(queries.dashboard(userId, '1m', now()).strain.some((point) => point.partial)).toBe(false)
  })

  it('compute 7-day averages and a 30-day baseline from the days before the range too', () => {
    // From the fake's history: each day's mean of its scored recoveries, by the day the member woke.
    const { history } = harness.fake
    const scored = history.recoveries.filter((r) => r.score_state === 'SCORED')
    const byDay = (pick: (score: NonNullable<(typeof scored)[number]['score']>) => number) =>
      scored.map((r): [string, number] => [cycleDay(history, r.cycle_id), pick(r.score!)])
    const dayBefore = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10)
    /** The mean over the `window` days ending on `date`, each day counted once. */
    const windowMean = (entries: [string, number][], date: string, window: number) =>
      meanOfDays(entries.filter(([day]) => day > dayBefore(date, window) && day <= date)).mean
    const hrv = byDay((score) => score.hrv_rmssd_milli)
    const restingHr = byDay((score) => score.resting_heart_rate)

    for (const range of ['1w', '1m'] as const) {
      const points = queries.dashboard(userId, range, now()).recovery
      // The first day of the range needs the days before it; the last is today's.
      for (const point of [points[0], points.at(-1)!]) {
        expect(point.hrvAverage7, `${range} ${point.date}`).toBeCloseTo(windowMean(hrv, point.date, 7), 6)
        expect(point.hrvBaseline, `${range} ${point.date}`).toBeCloseTo(windowMean(hrv, point.date, 30), 6)
        expect(point.restingHrAverage7, `${range} ${point.date}`).toBeCloseTo(windowMean(restingHr, point.date, 7), 6)
        expect(point.restingHrBaseline, `${range} ${point.date}`).toBeCloseTo(windowMean(restingHr, point.date, 30), 6)
      }
    }
  })

  it('total workouts by sport and time in heart-rate zones', () => {
    const data = queries.dashboard(userId, 'all', now())
    const workouts = harness.fake.history.workouts
    expect(data.sports.reduce((sum, sport) => sum + sport.workouts, 0)).toBe(workouts.length)
    const running = workouts.filter((w) => w.sport_name === 'running')
    expect(data.sports.find((sport) => sport.sport === 'running')!.workouts).toBe(running.length)
    const zoneTwo = workouts.reduce((sum, w) => sum + (w.score?.zone_durations.zone_two_milli ?? 0), 0)
    expect(data.zonesMs[2]).toBe(zoneTwo)
  })

  it('summarise today and last night', () => {
    const data = queries.dashboard(userId, '1w', now())
    const current = harness.fake.history.cycles[0]
    expect(data.summary.today).toMatchObject({ state: 'SCORED', strain: current.score!.strain, recoveryState: 'PENDING_SCORE', recovery: null })
    expect(data.summary.lastNight).toMatchObject({ state: 'PENDING_SCORE', asleepMs: null })
    expect(data.summary.range.workouts).toBeGreaterThan(0)
  })

  it('date today and last night, and say how old they are when no newer data came', () => {
    const current = harness.fake.history.cycles[0]
    const newestNight = harness.fake.history.sleeps.filter((s) => !s.nap).sort((a, b) => Date.parse(b.end) - Date.parse(a.end))[0]
    const newestDay = cycleDay(harness.fake.history, current.id)
    const lastNight = memberDate(Date.parse(newestNight.end), newestNight.timezone_offset)
    // Ten days later, with nothing synced since, the same days are ten or eleven days old: the member's
    // today may have been the day they woke on, or already the next.
    for (const at of [now(), now() + 10 * 86_400_000]) {
      const today = memberToday(harness.fake.history, at)
      const summary = queries.dashboard(userId, '1w', at).summary
      expect(summary.today).toMatchObject({ date: newestDay, daysOld: daysBetween(newestDay, today) })
      expect(summary.lastNight).toMatchObject({ date: lastNight, daysOld: daysBetween(lastNight, today) })
    }
    expect(daysBetween(newestDay, memberToday(harness.fake.history, now() + 10 * 86_400_000))).toBeGreaterThanOrEqual(10)
  })

  it('end a range on the day the person chose, keeping today and last night the newest', () => {
    const day = cycleDay(harness.fake.history, harness.fake.history.cycles[100].id)
    const data = queries.dashboard(userId, '1m', now(), day)
    expect(data).toMatchObject({ to: day, until: day })
    expect(data.recovery.at(-1)?.date).toBe(day)
    expect(data.recovery).toHaveLength(30)
    expect(data.summary.today?.date).toBe(cycleDay(harness.fake.history, harness.fake.history.cycles[0].id))
    const first = data.recovery[0].date
    const dayOf = (cycleId: number) => cycleDay(harness.fake.history, cycleId)
    const inRange = harness.fake.history.cycles.filter((c) => c.score_state === 'SCORED' && dayOf(c.id) >= first && dayOf(c.id) <= day)
    expect(data.summary.range.strain).toBeCloseTo(meanOfDays(inRange.map((c) => [dayOf(c.id), c.score!.strain])).mean, 6)
  })

  it('average the range over its days, not over its week or month buckets', () => {
    const all = queries.dashboard(userId, 'all', now())
    expect(all.bucket).toBe('month')
    const { cycles, recoveries } = harness.fake.history
    const dayOf = (cycleId: number) => cycleDay(harness.fake.history, cycleId)
    const meanOf = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
    const scored = recoveries.filter((r) => r.score_state === 'SCORED')
    expect(all.summary.range.recovery).toBeCloseTo(meanOfDays(scored.map((r) => [dayOf(r.cycle_id), r.score!.recovery_score])).mean, 6)
    expect(all.summary.range.hrv).toBeCloseTo(meanOfDays(scored.map((r) => [dayOf(r.cycle_id), r.score!.hrv_rmssd_milli])).mean, 6)
    const scoredCycles = cycles.filter((c) => c.score_state === 'SCORED')
    expect(all.summary.range.strain).toBeCloseTo(meanOfDays(scoredCycles.map((c) => [dayOf(c.id), c.score!.strain])).mean, 6)
    // And not the mean of the monthly buckets, which weighs a 2-day month as much as a 31-day one.
    expect(all.summary.range.recovery).not.toBeCloseTo(meanOf(all.recovery.flatMap((point) => (point.recovery === null ? [] : [point.recovery]))), 1)
  })
})

describe('a cycle’s day', () => {
  let sleeper: SyncHarness
  let sleeperQueries: ReturnType<typeof createDashboardQueries>
  const HOURS_LATER = 12.5 * 3_600_000
  const wakeDateOf = (cycleId: number) => cycleDay(sleeper.fake.history, cycleId)

  beforeAll(async () => {
    // Someone who sleeps by day: every record of the fake's member 12½ hours later, so cycles start
    // around noon, start + 12 h falls on either side of midnight, and waking stays in the evening.
    sleeper = await startSyncHarness({ fake: { days: 60 } })
    const later = (time: string) => new Date(Date.parse(time) + HOURS_LATER).toISOString()
    const { cycles, sleeps, workouts } = sleeper.fake.history
    for (const record of [...cycles, ...sleeps, ...workouts]) {
      record.start = later(record.start)
      if (record.end) record.end = later(record.end)
    }
    sleeper.clock.advance(HOURS_LATER)
    await sleeper.engine.sync()
    sleeperQueries = createDashboardQueries(sleeper.db)
  })
  afterAll(() => sleeper.close())

  it('is the day its member woke from its main sleep, not its start + 12 h', () => {
    const { cycles } = sleeper.fake.history
    const data = sleeperQueries.dashboard(userId, '1m', sleeper.clock.now())
    /** Each day's strain, rounded: the mean of the scored cycles dated on it by `dayOf`. */
    const strainBy = (dayOf: (cycle: (typeof cycles)[number]) => string) =>
      data.strain.map((point) => {
        const scored = cycles.filter((c) => c.score && dayOf(c) === point.date)
        return scored.length ? Math.round((scored.reduce((sum, c) => sum + c.score!.strain, 0) / scored.length) * 1e6) : null
      })
    const byWake = strainBy((c) => wakeDateOf(c.id))
    const byStartPlus12h = strainBy((c) => memberDate(Date.parse(c.start) + 12 * 3_600_000, c.timezone_offset))
    // The two rules disagree on this history, or this test would prove nothing.
    expect(byStartPlus12h).not.toEqual(byWake)
    expect(data.strain.map((point) => (point.strain === null ? null : Math.round(point.strain * 1e6)))).toEqual(byWake)
    expect(data.summary.today?.date).toBe(wakeDateOf(cycles[0].id))
  })

  it('follows its sleep when the sleep is removed, and falls back to start + 12 h', () => {
    const cycle = sleeper.fake.history.cycles[5]
    const dayOf = () => sleeper.db.prepare<[number], { day: string }>('SELECT day FROM cycle WHERE id = ?').get(cycle.id)!.day
    expect(dayOf()).toBe(wakeDateOf(cycle.id))
    const sleeps = sleeper.db.prepare('SELECT * FROM sleep WHERE cycle_id = ?').all(cycle.id) as Record<string, unknown>[]
    sleeper.db.prepare('DELETE FROM sleep WHERE cycle_id = ?').run(cycle.id)
    expect(dayOf()).toBe(memberDate(Date.parse(cycle.start) + 12 * 3_600_000, cycle.timezone_offset))
    // A sleep stored after its cycle (an import, a restore) dates the cycle too.
    const insert = sleeper.db.prepare(`INSERT INTO sleep (${Object.keys(sleeps[0]).join(', ')}) VALUES (${Object.keys(sleeps[0]).map((c) => `@${c}`).join(', ')})`)
    for (const sleep of sleeps) insert.run(sleep)
    expect(dayOf()).toBe(wakeDateOf(cycle.id))
  })
})
