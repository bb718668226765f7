import { describe, expect, it } from 'vitest'
import { periodsOf, smoothed } from '../../../src/main/insights/trendPeriods'
import { daysFrom } from '../../../src/main/store/buckets'
import { addDays } from '../../../src/shared/calendar'

describe('a long trend by week and by month', () => {
  // Six weeks from a Wednesday: the first and last weeks are cut by the range.
  const dates = daysFrom('2026-01-07', '2026-02-17')
  const values = dates.map((_, index) => (index % 5 === 3 ? null : 40 + ((index * 7) % 13)))

  it('gives each week the mean of its days with a value, the 25th and 75th percentiles, and says when the range cuts it', () => {
    const weeks = periodsOf('hrv', dates, values, 'week')
    expect(weeks.map((week) => week.period)).toEqual(['2026-01-05', '2026-01-12', '2026-01-19', '2026-01-26', '2026-02-02', '2026-02-09', '2026-02-16'])
    expect(weeks.map((week) => week.partial)).toEqual([true, false, false, false, false, false, true])
    for (const week of weeks) {
      const own = dates.flatMap((date, index) => (date >= week.period && date < addDays(week.period, 7) && values[index] !== null ? [values[index]] : []))
      const sorted = own.toSorted((a, b) => a - b)
      // Linear between the nearest ranks, as a spreadsheet's PERCENTILE does.
      const percentile = (p: number) => {
        const at = (sorted.length - 1) * p
        return sorted[Math.floor(at)] + (sorted[Math.ceil(at)] - sorted[Math.floor(at)]) * (at - Math.floor(at))
      }
      expect(week).toMatchObject({ days: own.length, value: own.reduce((a, b) => a + b, 0) / own.length, low: percentile(0.25), high: percentile(0.75) })
    }
  })

  it('totals a counted measure by month, with no band', () => {
    const months = periodsOf('workouts', dates, values, 'month')
    expect(months.map((month) => [month.period, month.partial, month.low, month.high])).toEqual([
      ['2026-01-01', true, null, null],
      ['2026-02-01', true, null, null]
    ])
    const january = dates.flatMap((date, index) => (date.startsWith('2026-01') && values[index] !== null ? [values[index]] : []))
    expect(months[0].value).toBe(january.reduce((a, b) => a + b, 0))
  })

  it('smooths by the mean of the 7 days ending on each, once 4 of them have a value', () => {
    const series = [10, null, 20, null, null, 30, 40, 50, null, null, null, null, null, 60]
    const expected = series.map((_, index) => {
      const window = series.slice(Math.max(0, index - 6), index + 1).filter((value) => value !== null)
      return window.length >= 4 ? window.reduce((a, b) => a + b, 0) / window.length : null
    })
    expect(smoothed(series)).toEqual(expected)
    expect(expected.filter((value) => value !== null).length).toBeGreaterThan(2)
  })
})
