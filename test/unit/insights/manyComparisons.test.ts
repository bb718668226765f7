import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/main/demo/seededRandom'
import type { Insights } from '../../../src/shared/insights'
import { ALCOHOL, plantJournal, type JournalRows } from '../../support/fixtures/journalFixture'
import { importJournal, insightHandlersOf } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'

/*
 * Many questions, one real effect: twenty journal questions answered at random over 200 days, each
 * compared on four measures, beside the planted alcohol effect. Eighty intervals at 95 % would call
 * about four differences "clear" by chance; corrected for the number of comparisons, none is, and the
 * real one still is.
 */

let harness: SyncHarness
let insights: Insights
const noise = Array.from({ length: 20 }, (_, n) => `Noise question ${n + 1}?`)

beforeAll(async () => {
  // One fixed member (the harness's clock is fixed; the zone too, whatever the machine's), so the answers drawn at random are the same on every run.
  harness = await startSyncHarness({ fake: { days: 210, timeZone: 'America/New_York' } })
  const planted = plantJournal(harness.fake.history, { days: 200, yesDays: 60, recoveryPoints: -15 })
  const random = seededRandom(1)
  const cycles = [...new Set(planted.map(([index]) => index))]
  const rows: JournalRows = [...planted, ...cycles.flatMap((index) => noise.map((question): JournalRows[number] => [index, question, random.chance(0.5), '']))]
  await harness.engine.sync()
  await importJournal(harness, rows)
  insights = (await insightHandlersOf(harness).getInsights())!
})
afterAll(() => harness.close())

describe('a page of many comparisons', () => {
  it('shows no noise question as a finding, and still the planted one', () => {
    const questions = new Map(insights.questions.map((question) => [question.question, question]))
    for (const question of noise) {
      expect(questions.get(question)!.effects, question).toHaveLength(4)
      expect(questions.get(question)!.effects.filter((effect) => effect.clear), question).toEqual([])
    }
    expect(questions.get(ALCOHOL)!.effects.find((effect) => effect.outcome === 'recovery')).toMatchObject({ clear: true })
    // Every comparison is counted: 20 noise questions, alcohol and reading, four measures each (meditation has too few days).
    expect(insights.comparisons).toBe(22 * 4)
  })

  it('would have called chance a finding without the correction', () => {
    const uncorrected = insights.questions
      .filter((question) => noise.includes(question.question))
      .flatMap((question) => question.effects)
      .filter((effect) => effect.low > 0 || effect.high < 0)
    // The uncorrected 95 % intervals of these noise questions: some exclude zero by chance alone.
    expect(uncorrected.length).toBeGreaterThan(0)
  })
})
