import { describe, expect, it } from 'vitest'
import { seededRandom } from '../../../src/main/demo/seededRandom'
import { benjaminiHochberg, hedgesG } from '../../../src/main/insights/journalInsights'
import { behaviourDay } from '../../../src/main/store/journalAnswers'
import { qValuesOf, welchInterval } from '../../support/fixtures/welch'

describe('the statistics of insights', () => {
  it("adjusts p-values as Benjamini and Hochberg did, in the order they came, monotone and at most 1", () => {
    const random = seededRandom(3)
    const pValues = Array.from({ length: 40 }, (_, index) => (index < 3 ? random.next() / 1000 : random.next()))
    const q = benjaminiHochberg(pValues)
    const expected = qValuesOf(pValues)
    q.forEach((value, index) => expect(value, `p ${pValues[index]}`).toBeCloseTo(expected[index], 12))
    // By hand: ranks 1–4 give 0.01·4/1, 0.03·4/2, 0.04·4/3, 0.9; each then the least at its rank and above.
    const worked = benjaminiHochberg([0.01, 0.04, 0.03, 0.9])
    ;[0.04, 0.16 / 3, 0.16 / 3, 0.9].forEach((value, index) => expect(worked[index]).toBeCloseTo(value, 12))
  })

  it("gives Hedges' g: the difference in pooled standard deviations, corrected for small samples", () => {
    const yes = [61, 55, 70, 48, 66, 59, 62, 51, 57, 64, 60]
    const no = [70, 68, 74, 66, 71, 77, 69, 65, 73, 72]
    expect(hedgesG(yes, no)).toBeCloseTo(welchInterval(yes, no).hedgesG, 12)
    expect(hedgesG(no, yes)).toBeCloseTo(-hedgesG(yes, no), 12)
  })

  it("dates a journal answer's behaviour on the day before the morning it was given", () => {
    expect(behaviourDay('2024-06-04')).toBe('2024-06-03')
    expect(behaviourDay('2024-03-01')).toBe('2024-02-29')
    expect(behaviourDay('2027-01-01')).toBe('2026-12-31')
  })
})
