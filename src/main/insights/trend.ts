import { recoveryZone } from '../../shared/dashboard'
import { trendRangeDays, type DayValues, type Trend, type TrendFigures, type TrendMetric, type TrendRange, type ZoneShare } from '../../shared/insights'
import { BASELINE_DAYS, baselines } from '../store/baseline'
import { bucketOf, daysFrom } from '../store/buckets'
import { seriesOf, type DailyValues } from '../store/dailyValues'
import { addDays, daysBetween } from '../store/localDate'
import { change, periodFigure } from './periodFigure'
import { periodsOf, smoothed } from './trendPeriods'

const CALENDAR_DAYS = 365
/** Up to this many days (3M), a trend is drawn by day and its recovery zones shared out per week; beyond, by week or month. */
const BY_DAY_UP_TO_DAYS = 91

export interface TrendQuery {
  userId: number
  metric: TrendMetric
  range: TrendRange
  /** The range's last day: the person's today, or the newest data when that is later. */
  to: string
}

/** A range of the trends page (1M … All) ending on `to`. */
export function trendOf(daily: DailyValues, { userId, metric, range, to }: TrendQuery): TrendFigures & Pick<Trend, 'range'> {
  const first = daily.historyRange(userId)?.first ?? to
  const length = trendRangeDays[range] ?? daysBetween(first, to) + 1
  return { range, ...trendBetween(daily, { userId, metric, from: addDays(to, -(length - 1)), to }) }
}

/**
 * One measure over the days `from`…`to`: each day with its baseline and usual range, the range
 * against the one of the same length before it, and for recovery the share of days per zone and a
 * year's calendar.
 */
export function trendBetween(daily: DailyValues, { userId, metric, from, to }: { userId: number; metric: TrendMetric; from: string; to: string }): TrendFigures {
  const length = daysBetween(from, to) + 1
  const previousFrom = addDays(from, -length)
  const readFrom = [previousFrom, addDays(from, -(BASELINE_DAYS - 1)), addDays(to, -(CALENDAR_DAYS - 1))].sort()[0]
  const values = daily.between(userId, readFrom, to)

  const days = daysFrom(addDays(from, -(BASELINE_DAYS - 1)), to)
  const series = seriesOf(values, metric, days[0], to)
  const baseline = baselines(series)
  // Skin temperature is drawn as WHOOP shows it: how far each day is from the person's baseline.
  const fromBaseline = metric === 'skin-temp'
  const plotted = fromBaseline ? series.map((value, index) => (value === null || baseline[index] === null ? null : value - baseline[index].mean)) : series
  const smooth = smoothed(plotted)
  const shown = BASELINE_DAYS - 1
  const points = days.slice(shown).map((date, index) => ({
    date,
    value: series[shown + index],
    baseline: baseline[shown + index],
    plotted: plotted[shown + index],
    smoothed: smooth[shown + index]
  }))
  const inRange = points.map((point) => point.plotted)
  const inRangeDays = points.map((point) => point.date)

  const current = periodFigure(values, metric, from, to)
  const previous = periodFigure(values, metric, previousFrom, addDays(from, -1))
  const recovery = metric === 'recovery'
  const zonePeriod = length <= BY_DAY_UP_TO_DAYS ? 'week' : 'month'
  return {
    metric,
    current,
    previous,
    ...change(current, previous),
    points,
    plotted: fromBaseline ? 'difference-from-baseline' : 'value',
    periods:
      length > BY_DAY_UP_TO_DAYS
        ? { week: periodsOf(metric, inRangeDays, inRange, 'week'), month: periodsOf(metric, inRangeDays, inRange, 'month') }
        : null,
    zoneShares: recovery ? zoneShares(values, from, to, zonePeriod) : null,
    zonePeriod: recovery ? zonePeriod : null,
    calendar: recovery
      ? daysFrom(addDays(to, -(CALENDAR_DAYS - 1)), to).map((date) => ({ date, recovery: values.get(date)?.recovery ?? null }))
      : null
  }
}

/** The days of each week or month of the range with a recovery, by zone. */
function zoneShares(values: Map<string, DayValues>, from: string, to: string, period: 'week' | 'month'): ZoneShare[] {
  const shares = new Map<string, ZoneShare>()
  for (const date of daysFrom(from, to)) {
    const key = bucketOf(date, period)
    const share = shares.get(key) ?? { period: key, green: 0, yellow: 0, red: 0 }
    shares.set(key, share)
    const recovery = values.get(date)?.recovery
    if (recovery !== null && recovery !== undefined) share[recoveryZone(recovery)]++
  }
  return [...shares.values()]
}
