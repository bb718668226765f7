import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ApiHandlers } from '../../../src/shared/api'
import type { Comparison } from '../../../src/shared/insights'
import { memberToday } from '../../support/fixtures/memberDays'
import { expectedComparison } from '../../support/fixtures/correlation'
import { addDays, memberFigures, type MemberFigures } from '../../support/fixtures/memberFigures'
import { insightHandlersOf } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'

/* Two measures side by side, against correlations the test works out itself (fixtures/correlation). */

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

describe('two measures compared', () => {
  it("gives HRV against the same morning's recovery over 3 months: Pearson's and Spearman's r with their intervals, from the days with both", async () => {
    const comparison = (await handlers.getComparison({ x: 'hrv', y: 'recovery', nextMorning: false, range: '3m' })) as Comparison
    const to = memberToday(harness.fake.history, harness.clock.now())
    expect(comparison).toMatchObject({ to, from: addDays(to, -90) })
    const want = expectedComparison(figures.hrv, figures.recovery, comparison.from, to, false)
    expect(comparison.points).toHaveLength(want.n)
    for (const key of ['pearson', 'spearman'] as const) {
      for (const part of ['r', 'low', 'high'] as const) expect(comparison[key]![part], `${key} ${part}`).toBeCloseTo(want[key][part], 9)
    }
    // HRV and recovery move together in this member.
    expect(comparison.pearson!.low).toBeGreaterThan(0)
  })

  it("reads the second measure on the next morning when asked: day strain against the next morning's recovery over a year", async () => {
    const comparison = (await handlers.getComparison({ x: 'strain', y: 'recovery', nextMorning: true, range: '1y' })) as Comparison
    const want = expectedComparison(figures.strain, figures.recovery, comparison.from, comparison.to, true)
    expect(comparison.points).toHaveLength(want.n)
    expect(comparison.pearson!.r).toBeCloseTo(want.pearson.r, 9)
    expect(comparison.spearman!.high).toBeCloseTo(want.spearman.high, 9)
    expect(comparison.days).toHaveLength(365)
  })
})
