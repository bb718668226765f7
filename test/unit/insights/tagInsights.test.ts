import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/main/demo/seededRandom'
import { createTagHandlers } from '../../../src/main/tags/tagHandlers'
import { createAccountQueries } from '../../../src/main/store/accounts'
import { createDayTags } from '../../../src/main/store/dayTags'
import type { ApiHandlers } from '../../../src/shared/api'
import type { Insights, JournalInsight } from '../../../src/shared/insights'
import { cycleDay } from '../../support/fixtures/memberDays'
import { addDays, dayMeans, memberFigures } from '../../support/fixtures/memberFigures'
import { welchInterval } from '../../support/fixtures/welch'
import { insightHandlersOf } from '../../support/harness/insightHarness'
import { startSyncHarness, type SyncHarness } from '../../support/harness/syncHarness'

/*
 * A tag in Insights, against figures the test works out itself: a tag tells of its own day, so the
 * morning it bears on is the next one. The test plants an effect there (12 points less recovery the
 * morning after a late meal) in the fake WHOOP's history before it is synced, tags the days through
 * the app's handler, and compares the app's difference and interval with Welch's, computed here.
 */

const LATE_MEAL = 'late meal'
const NOISE = 'blue socks'
const PLANTED_POINTS = -12

let harness: SyncHarness
let insights: Insights
let handlers: Pick<ApiHandlers, 'getDay' | 'getInsights'>
let lateMealDays: string[]
let noiseDays: string[]

beforeAll(async () => {
  harness = await startSyncHarness({ fake: { days: 200 } })
  const history = harness.fake.history
  const random = seededRandom(31)
  // Cycles are newest first: the cycle before index i in the list is the morning after day i.
  const nextMorning = (index: number) => history.recoveries.find((r) => r.cycle_id === history.cycles[index - 1].id && r.score)
  const candidates = Array.from({ length: 150 }, (_, index) => index + 1).filter((index) => nextMorning(index) !== undefined)
  const lateMeals = new Set<number>()
  while (lateMeals.size < 40) lateMeals.add(random.pick(candidates))
  for (const index of lateMeals) nextMorning(index)!.score!.recovery_score += PLANTED_POINTS
  const noise = new Set<number>()
  while (noise.size < 30) noise.add(random.pick(candidates))
  await harness.engine.sync()

  const tagHandlers = createTagHandlers({ tags: createDayTags(harness.db), accounts: createAccountQueries(harness.db), clock: harness.clock })
  lateMealDays = [...lateMeals].map((index) => cycleDay(history, history.cycles[index].id))
  noiseDays = [...noise].map((index) => cycleDay(history, history.cycles[index].id))
  for (const date of lateMealDays) tagHandlers.tagDay({ date, tag: LATE_MEAL })
  for (const date of noiseDays) tagHandlers.tagDay({ date, tag: NOISE })
  handlers = insightHandlersOf(harness)
  insights = (await handlers.getInsights())!
})
afterAll(() => harness.close())

/** Welch's interval of next-morning recovery after the tagged days against after every other day since the first tag. */
function expectedRecovery(tagged: string[]) {
  const recovery = dayMeans(memberFigures(harness.fake.history).recovery)
  const first = [...lateMealDays, ...noiseDays].sort()[0]
  const last = [...recovery.keys()].sort().at(-1)!
  const yes: number[] = []
  const no: number[] = []
  for (let day = first; day <= last; day = addDays(day, 1)) {
    const morning = recovery.get(addDays(day, 1))
    if (morning !== undefined) (tagged.includes(day) ? yes : no).push(morning)
  }
  return welchInterval(yes, no)
}

const tagInsight = (tag: string) => insights.questions.find((question) => question.kind === 'tag' && question.question === tag)!
const recoveryOf = (insight: JournalInsight) => insight.effects.find((effect) => effect.outcome === 'recovery')!

describe('a tag in Insights', () => {
  it('sets the tagged days against the next morning: the planted difference, with the interval and clear', () => {
    const effect = recoveryOf(tagInsight(LATE_MEAL))
    const expected = expectedRecovery(lateMealDays)
    expect(effect.difference).toBeCloseTo(expected.difference, 9)
    // jStat's t quantile and stdlib's agree to about 1e-8.
    expect(effect.low).toBeCloseTo(expected.low, 6)
    expect(effect.high).toBeCloseTo(expected.high, 6)
    expect(effect.clear).toBe(true)
    expect(effect.low).toBeLessThan(PLANTED_POINTS)
    expect(effect.high).toBeGreaterThan(PLANTED_POINTS)
  })

  it('finds nothing where nothing was planted', () => {
    const effect = recoveryOf(tagInsight(NOISE))
    expect(effect.difference).toBeCloseTo(expectedRecovery(noiseDays).difference, 9)
    expect(effect.clear).toBe(false)
  })

  it("brings the finding to the morning after a tagged day, on Today and the day view", async () => {
    const tagged = lateMealDays.sort().at(-1)!
    const morning = (await handlers.getDay({ date: addDays(tagged, 1) }))!
    expect(morning.findings).toContainEqual({ kind: 'tag', question: LATE_MEAL, effects: tagInsight(LATE_MEAL).effects.filter((effect) => effect.clear) })
    expect((await handlers.getDay({ date: tagged }))!.tags).toContain(LATE_MEAL)
  })
})
