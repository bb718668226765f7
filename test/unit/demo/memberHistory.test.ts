import { describe, expect, it } from 'vitest'
import { generateMemberHistory, type MemberHistory } from '../../../src/main/demo/memberHistory'
import { memberDate } from '../../support/fixtures/memberDays'

/*
 * The generated member, the demo's and the fake WHOOP's: read from its records the way a person
 * reads their own history, with the offsets WHOOP gives each record.
 */

const HOUR = 3_600_000
/** Minutes past midnight of `ms` in the record's offset. */
function clockMinutes(ms: number, offset: string): number {
  const local = memberDate(ms, offset)
  const [, sign, hh, mm] = /^([+-])(\d{2}):(\d{2})$/.exec(offset)!
  const shift = (sign === '-' ? -1 : 1) * (Number(hh) * 60 + Number(mm))
  return Math.round((ms + shift * 60_000 - Date.parse(`${local}T00:00:00Z`)) / 60_000)
}

const mainSleeps = (history: MemberHistory) => history.sleeps.filter((sleep) => !sleep.nap)

/** Lag-1 autocorrelation of a series. */
function autocorrelation(values: number[]): number {
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length
  let products = 0
  let squares = 0
  values.forEach((value, index) => {
    squares += (value - mean) ** 2
    if (index > 0) products += (value - mean) * (values[index - 1] - mean)
  })
  return products / squares
}

describe('the generated member', () => {
  // Loaded at every hour of a day, in winter and in summer (New York keeps daylight saving).
  const loadTimes = ['2026-01-15', '2026-07-15'].flatMap((day) => Array.from({ length: 24 }, (_, hour) => Date.parse(`${day}T${String(hour).padStart(2, '0')}:17:00Z`)))

  it('falls asleep between 21:00 and 02:00 by their own clock, whenever the history is made', () => {
    for (const now of loadTimes) {
      const history = generateMemberHistory({ days: 60, now, newestNightScored: true, trip: null })
      for (const sleep of mainSleeps(history)) {
        const minutes = clockMinutes(Date.parse(sleep.start), sleep.timezone_offset)
        expect(minutes >= 21 * 60 || minutes <= 2 * 60, `${sleep.start} (${sleep.timezone_offset}), made at ${new Date(now).toISOString()}`).toBe(true)
      }
    }
  })

  it('wakes once a day: every date of the history has one main sleep, and the newest night ended before now', () => {
    for (const now of loadTimes) {
      const history = generateMemberHistory({ days: 60, now })
      const days = mainSleeps(history).map((sleep) => memberDate(Date.parse(sleep.end), sleep.timezone_offset))
      expect(new Set(days).size).toBe(60)
      expect(Math.max(...mainSleeps(history).map((sleep) => Date.parse(sleep.end)))).toBeLessThan(now)
      // The running cycle began with the newest night.
      expect(history.cycles[0].end).toBeUndefined()
      expect(history.cycles[0].start).toBe(history.sleeps.find((sleep) => sleep.cycle_id === history.cycles[0].id && !sleep.nap)!.start)
    }
  })

  it("holds its workouts within its days as WHOOP's do: the day's strain above each workout's, its max heart rate and energy at least theirs, no nap during one", () => {
    const history = generateMemberHistory({ days: 730, now: loadTimes[0], seed: 2024, newestNightScored: true })
    const within = (at: string, span: { start: string; end?: string | null }) => Date.parse(at) >= Date.parse(span.start) && (!span.end || Date.parse(at) < Date.parse(span.end))
    let checked = 0
    for (const workout of history.workouts.filter((w) => w.score)) {
      const day = history.cycles.find((cycle) => within(workout.start, cycle))!
      if (!day.score) continue
      const ofDay = history.workouts.filter((w) => w.score && within(w.start, day))
      expect(day.score.strain, `${day.start}: strain`).toBeGreaterThan(workout.score!.strain)
      expect(day.score.max_heart_rate, `${day.start}: max heart rate`).toBeGreaterThanOrEqual(workout.score!.max_heart_rate)
      expect(day.score.kilojoule, `${day.start}: energy`).toBeGreaterThanOrEqual(ofDay.reduce((sum, w) => sum + w.score!.kilojoule, 0))
      checked++
    }
    expect(checked).toBeGreaterThan(300)
    const naps = history.sleeps.filter((sleep) => sleep.nap)
    expect(naps.length).toBeGreaterThan(20)
    for (const nap of naps) {
      const during = history.workouts.filter((w) => Date.parse(w.start) < Date.parse(nap.end) && Date.parse(nap.start) < Date.parse(w.end))
      expect(during, `the nap at ${nap.start}`).toEqual([])
    }
  })

  it("opens the demo on this morning's numbers: its newest night and recovery are scored, whenever it is loaded", () => {
    for (const now of loadTimes.flatMap((time) => [time, time + 11 * 24 * HOUR, time + 187 * 24 * HOUR])) {
      const history = generateMemberHistory({ days: 730, now, seed: 2024, newestNightScored: true })
      const newest = history.cycles[0]
      expect(history.recoveries.find((r) => r.cycle_id === newest.id)?.score_state, new Date(now).toISOString()).toBe('SCORED')
    }
  })

  it('gives the same night to the same date, whenever the history is made', () => {
    const [earlier, later] = [loadTimes[3], loadTimes[3] + 5 * 24 * HOUR].map((now) => generateMemberHistory({ days: 30, now, trip: null }))
    const nightsOf = (history: MemberHistory) => new Map(mainSleeps(history).map((sleep) => [memberDate(Date.parse(sleep.end), sleep.timezone_offset), [sleep.start, sleep.end]]))
    const [a, b] = [nightsOf(earlier), nightsOf(later)]
    const shared = [...a.keys()].filter((day) => b.has(day))
    expect(shared.length).toBeGreaterThan(20)
    for (const day of shared) expect(b.get(day), day).toEqual(a.get(day))
  })

  it("has an HRV that carries over from day to day, and a cold that shows in the morning's vitals", () => {
    const history = generateMemberHistory({ days: 365, now: Date.parse('2026-11-20T15:00:00Z'), newestNightScored: true })
    const byAge = history.recoveries.filter((r) => r.score).map((r) => r.score!)
    expect(autocorrelation(byAge.map((score) => score.hrv_rmssd_milli).reverse())).toBeGreaterThan(0.3)
    // Newest first: the cold is 16 to 19 nights before the newest, the fortnight before it ordinary.
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
    const scores = (from: number, to: number) => history.recoveries.slice(from, to).flatMap((r) => (r.score ? [r.score] : []))
    const [ill, usual] = [scores(16, 20), scores(24, 40)]
    expect(mean(ill.map((s) => s.hrv_rmssd_milli))).toBeLessThan(mean(usual.map((s) => s.hrv_rmssd_milli)) - 10)
    expect(mean(ill.map((s) => s.resting_heart_rate))).toBeGreaterThan(mean(usual.map((s) => s.resting_heart_rate)) + 4)
    expect(mean(ill.map((s) => s.skin_temp_celsius!))).toBeGreaterThan(mean(usual.map((s) => s.skin_temp_celsius!)) + 0.4)
  })

  it('keeps the clocks of its home and of its trip, daylight saving included', () => {
    const history = generateMemberHistory({ days: 500, now: Date.parse('2026-11-20T15:00:00Z') })
    expect(new Set(history.sleeps.map((sleep) => sleep.timezone_offset))).toEqual(new Set(['-05:00', '-04:00', '+01:00', '+02:00']))
    const inTokyo = generateMemberHistory({ days: 30, now: Date.parse('2026-11-20T15:00:00Z'), timeZone: 'Asia/Tokyo' })
    expect(new Set(inTokyo.sleeps.map((sleep) => sleep.timezone_offset))).toEqual(new Set(['+09:00']))
  })
})
