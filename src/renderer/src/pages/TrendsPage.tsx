import { useCallback, useRef, useState } from 'react'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { metricSpecs, trendRangeDays, trendRanges, type Trend, type TrendMetric, type TrendRange } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { tickUnit } from '../charts/metricScale'
import { ChartBox } from '../charts/ChartBox'
import { chartMargin, dateAxis, fixedScale, TooltipBox, valueAxis, hoveredPoint, horizontalLinesOnly } from '../charts/chartParts'
import { useDrawnMark } from '../charts/chartTurns'
import { LatestDataNotice } from '../charts/LatestDataNotice'
import { RangePager } from '../charts/RangePager'
import { RangePicker } from '../charts/RangePicker'
import { fullDay } from '../format'
import { zoneColors } from '../charts/seriesColors'
import { changeText, metricText, metricUnit, percentChangeText, rangeLabels } from '../insights/metricFormat'
import { MeasureSelect } from '../insights/MeasureSelect'
import { DailyTrendChart } from '../trends/DailyTrendChart'
import { RecoveryCalendar } from '../trends/RecoveryCalendar'
import { PeriodTrendChart, type TrendPeriodKind } from '../trends/PeriodTrendChart'
import { useApiResult } from '../useApiResult'
import { openPage } from '../useHashPage'
import { Card, NoDataYet } from '../ui/Card'
import { ButtonLink } from '../ui/Button'
import { compareHash } from './ComparePage'
import { grouped } from '../../../shared/numberText'

const rangeWords: Record<TrendRange, string> = { '1m': '30 days', '3m': '91 days', '6m': '182 days', '1y': '365 days', all: 'whole history' }
const zones = ['green', 'yellow', 'red'] as const

/** What a measure is first compared with: the next morning's recovery, or for recovery itself the same morning's HRV. */
const partnerOf = (metric: TrendMetric) => (metric === 'recovery' ? { y: 'hrv' as const, nextMorning: false } : { y: 'recovery' as const, nextMorning: true })

interface TrendsPageProps {
  metric: TrendMetric
  range: TrendRange
  /** The day the range ends on, as the person chose; `null`: today. */
  until: string | null
  settings: Settings | undefined
  /** Starts a sync; absent when there is no connected account to sync. */
  onSync: (() => void) | undefined
}

/** Opens a trend: `#/trends/METRIC/RANGE`, or `#/trends/METRIC/RANGE/YYYY-MM-DD` for the days up to that day (as on the dashboard). */
const showTrend = (metric: TrendMetric, range: TrendRange, until: string | null) => openPage('trends', metric, range, ...(until ? [until] : []))

/** One measure over time. */
export function TrendsPage({ metric, range, until, settings, onSync }: TrendsPageProps) {
  const load = useCallback(() => api.getTrend({ metric, range, ...(until && { until }) }), [metric, range, until])
  const result = useApiResult(load)
  const trend = result?.ok ? result.value : undefined
  const page = useRef<HTMLElement>(null)
  const shown = trend && trend.metric === metric && trend.range === range && trend.until === until ? trend : undefined
  useDrawnMark(page, 'data-drawn-trend', shown ? `${shown.metric}/${shown.range}` : undefined)
  return (
    <section ref={page} className="page" aria-labelledby="trends-title" data-testid="trends-view">
      <div className="page-head">
        <h1 id="trends-title">Trends</h1>
        <MeasureSelect label="Measure" value={metric} testId="trend-metric-select" onChange={(choice) => showTrend(choice, range, until)} />
        <div className="range-controls">
          {shown && (
            <RangePager
              from={shown.current.from}
              to={shown.current.to}
              days={trendRangeDays[range]}
              latest={shown.latest}
              onUntilChange={(day) => showTrend(metric, range, day)}
            />
          )}
          <RangePicker range={range} ranges={trendRanges} label={(option) => rangeLabels[option]} onChange={(option) => showTrend(metric, option, until)} />
        </div>
      </div>
      {result && !result.ok && <p className="error" role="alert">{result.error.message}</p>}
      {trend === null && <NoDataYet />}
      {shown && (
        <>
          <LatestDataNotice latest={shown.latest} until={shown.until} onUntilChange={(day) => showTrend(metric, range, day)} onSync={onSync} />
          <Comparison trend={shown} settings={settings} />
          <TrendChart trend={shown} settings={settings} />
          {shown.zoneShares && <ZoneShares trend={shown} />}
          {shown.calendar && <RecoveryCalendar calendar={shown.calendar} />}
        </>
      )}
    </section>
  )
}

function Comparison({ trend, settings }: { trend: Trend; settings: Settings | undefined }) {
  const { metric, current, previous } = trend
  const sum = metricSpecs[metric].aggregate === 'sum'
  const what = sum ? 'in total' : 'mean of days'
  const percent = percentChangeText(metric, current.value, previous.value, settings)
  return (
    <Card as="div" className="comparison" data-testid="trend-comparison">
      <div>
        <span className="muted">
          {fullDay(current.from)} – {fullDay(current.to)} ({what}, {grouped(current.days)} days with data)
        </span>
        <strong data-testid="trend-current">{metricText(metric, current.value, settings)}</strong>
      </div>
      {trend.range !== 'all' && (
        <div>
          <span className="muted">
            The {rangeWords[trend.range]} before ({fullDay(previous.from)} – {fullDay(previous.to)}, {grouped(previous.days)} days)
          </span>
          <strong data-testid="trend-previous">{metricText(metric, previous.value, settings)}</strong>
        </div>
      )}
      {trend.range !== 'all' && (
        <div>
          <span className="muted">Change</span>
          <strong data-testid="trend-change">
            {changeText(metric, current.value, previous.value, settings)}
            {percent && ` (${percent})`}
          </strong>
        </div>
      )}
    </Card>
  )
}

/** The measure's chart: by day up to three months; beyond, by week or month as the person chooses. */
function TrendChart({ trend, settings }: { trend: Trend; settings: Settings | undefined }) {
  const { metric } = trend
  const [chosenPeriod, choosePeriod] = useState<TrendPeriodKind>()
  const period = chosenPeriod ?? (trend.range === 'all' ? 'month' : 'week')
  const unit = metricUnit(metric, settings)
  const fromBaseline = trend.plotted === 'difference-from-baseline'
  return (
    <Card className="chart-card" data-testid="trend-chart" aria-label={`${metricSpecs[metric].label} by ${trend.periods ? period : 'day'}`}>
      <header className="chart-header">
        <h2>
          {metricSpecs[metric].label}
          {fromBaseline && ' from your baseline'}
          {unit.trim() && tickUnit(unit) === '' && <span className="muted"> ({unit.trim()})</span>}
        </h2>
        <span className="chart-actions">
          {trend.periods && (
            <RangePicker<TrendPeriodKind> name="Group by" range={period} ranges={['week', 'month']} label={(option) => `By ${option}`} onChange={choosePeriod} />
          )}
          <ButtonLink size="small" href={compareHash({ x: metric, ...partnerOf(metric), range: trend.range })} data-testid="trend-compare-link">
            Compare with another measure
          </ButtonLink>
        </span>
      </header>
      {trend.periods ? <PeriodTrendChart trend={trend} period={period} settings={settings} /> : <DailyTrendChart trend={trend} settings={settings} />}
    </Card>
  )
}

function ZoneShares({ trend }: { trend: Trend }) {
  const shares = trend.zoneShares!
  const data = shares.map((share) => {
    const days = share.green + share.yellow + share.red
    return { date: share.period, share, ...Object.fromEntries(zones.map((zone) => [zone, days ? (100 * share[zone]) / days : null])) }
  })
  const bucket = trend.zonePeriod!
  const scale = fixedScale([0, 25, 50, 75, 100])
  return (
    <Card className="chart-card" data-testid="trend-zone-shares" aria-label={`Recovery zones per ${bucket}`}>
      <header className="chart-header">
        <h2>Green, yellow and red days per {bucket}</h2>
      </header>
      <ChartBox height={200}>
        {(width) => (
          <BarChart width={width} height={200} data={data} margin={chartMargin} title={`Share of recovery days by zone, per ${bucket}`}>
            <CartesianGrid {...horizontalLinesOnly} />
            <XAxis {...dateAxis(data, bucket, width, [valueAxis(scale, '%').width], 'band')} />
            <YAxis {...valueAxis(scale, '%')} />
            <Tooltip
              cursor={{ fillOpacity: 0.1 }}
              content={({ payload }) => {
                const hovered = hoveredPoint<(typeof data)[number]>(payload)
                if (!hovered) return null
                const { share } = hovered
                const days = share.green + share.yellow + share.red
                return (
                  <TooltipBox
                    date={share.period}
                    bucket={bucket}
                    rows={zones.map((zone) => ({ label: `${zone[0].toUpperCase()}${zone.slice(1)} days`, value: `${share[zone]} of ${days} days`, color: zoneColors[zone] }))}
                  />
                )
              }}
            />
            {zones.map((zone) => (
              <Bar key={zone} dataKey={zone} stackId="zones" fill={zoneColors[zone]} isAnimationActive={false} />
            ))}
          </BarChart>
        )}
      </ChartBox>
    </Card>
  )
}
