import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../src/shared/api'
import type { Comparison } from '../../../src/shared/insights'
import { memberToday } from '../../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures, type DaySeries, type MemberFigures } from '../../support/fixtures/memberFigures'
import { insightHandlersOf } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'

/*
 * Two measures side by side, against correlations this test works out itself: Pearson's r of the
 * pairs, Spearman's as Pearson's of their ranks (ties averaged), each with Fisher's z interval.
 */

let harness: SyncHarness
let handlers: Pick<ApiHandlers, 'getComparison'>
let figures: MemberFigures

beforeAll(async () => {
  harness = await startSyncHarness({ fake: { days: 400 } })
  await harness.engine.sync()
  figures = memberFigures(harness.fake.history)
  handlers = insightHandlersOf(harness)
})
afterAll(() => harness.close())

function pearson(xs: number[], ys: number[]): number {
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length
  const [mx, my] = [mean(xs), mean(ys)]
  const cov = xs.reduce((sum, x, i) => sum + (x - mx) * (ys[i] - my), 0)
  return cov / Math.sqrt(xs.reduce((sum, x) => sum + (x - mx) ** 2, 0) * ys.reduce((sum, y) => sum + (y - my) ** 2, 0))
}

/** 1-based ranks, ties sharing the mean of their places. */
function ranked(values: number[]): number[] {
  const order = values.map((value, index) => ({ value, index })).sort((a, b) => a.value - b.value)
  const result = new Array<number>(values.length)
  for (let start = 0; start < order.length; ) {
    let end = start
    while (end + 1 < order.length && order[end + 1].value === order[start].value) end++
    for (let k = start; k <= end; k++) result[order[k].index] = (start + end) / 2 + 1
    start = end + 1
  }
  return result
}

/** Fisher's z: tanh(atanh(r) ± 1.96 / √(n − 3)). */
function fisher(r: number, n: number) {
  const margin = 1.959963984540054 / Math.sqrt(n - 3)
  return { r, low: Math.tanh(Math.atanh(r) - margin), high: Math.tanh(Math.atanh(r) + margin) }
}

function expected(x: DaySeries, y: DaySeries, from: string, to: string, nextMorning: boolean) {
  const xs = dayMeans(x)
  const ys = dayMeans(y)
  const pairs = [...xs]
    .filter(([day]) => day >= from && day <= to && ys.has(nextMorning ? addDays(day, 1) : day))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([day, value]) => [value, ys.get(nextMorning ? addDays(day, 1) : day)!] as const)
  const [a, b] = [pairs.map(([value]) => value), pairs.map(([, value]) => value)]
  return { n: pairs.length, pearson: fisher(pearson(a, b), pairs.length), spearman: fisher(pearson(ranked(a), ranked(b)), pairs.length) }
}

describe('two measures compared', () => {
  it("gives HRV against the same morning's recovery over 3 months: Pearson's and Spearman's r with their intervals, from the days with both", async () => {
    const comparison = (await handlers.getComparison({ x: 'hrv', y: 'recovery', nextMorning: false, range: '3m' })) as Comparison
    const to = memberToday(harness.fake.history, harness.clock.now())
    expect(comparison).toMatchObject({ to, from: addDays(to, -90) })
    const want = expected(figures.hrv, figures.recovery, comparison.from, to, false)
    expect(comparison.points).toHaveLength(want.n)
    for (const key of ['pearson', 'spearman'] as const) {
      for (const part of ['r', 'low', 'high'] as const) expect(comparison[key]![part], `${key} ${part}`).toBeCloseTo(want[key][part], 9)
    }
    // HRV and recovery move together in this member.
    expect(comparison.pearson!.low).toBeGreaterThan(0)
  })

  it("reads the second measure on the next morning when asked: day strain against the next morning's recovery over a year", async () => {
    const comparison = (await handlers.getComparison({ x: 'strain', y: 'recovery', nextMorning: true, range: '1y' })) as Comparison
    const want = expected(figures.strain, figures.recovery, comparison.from, comparison.to, true)
    expect(comparison.points).toHaveLength(want.n)
    expect(comparison.pearson!.r).toBeCloseTo(want.pearson.r, 9)
    expect(comparison.spearman!.high).toBeCloseTo(want.spearman.high, 9)
    expect(comparison.days).toHaveLength(365)
  })
})
