import { describe, expect, it } from 'vitest'
import { daysFrom } from '../../../src/main/store/buckets'

/** The days from `from` to `to` counted one Date at a time, as the calendar says. */
function dayByDay(from: string, to: string): string[] {
  const days: string[] = []
  for (let ms = Date.parse(`${from}T00:00:00Z`); ms <= Date.parse(`${to}T00:00:00Z`); ms += 86_400_000) {
    days.push(new Date(ms).toISOString().slice(0, 10))
  }
  return days
}

describe('daysFrom', () => {
  it('walks every day across month ends, year ends and leap days', () => {
    for (const [from, to] of [
      ['2023-12-25', '2025-03-05'], // a leap February and two year ends
      ['1999-02-27', '2001-03-02'], // 2000 is a leap year
      ['2100-02-27', '2100-03-02'] // 2100 is not
    ]) {
      expect(daysFrom(from, to)).toEqual(dayByDay(from, to))
    }
  })

  it('gives one day for a one-day range and none when the range ends before it starts', () => {
    expect(daysFrom('2024-02-29', '2024-02-29')).toEqual(['2024-02-29'])
    expect(daysFrom('2024-03-01', '2024-02-29')).toEqual([])
  })
})
