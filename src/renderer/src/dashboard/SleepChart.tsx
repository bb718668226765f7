import { memo } from 'react'
import { Bar, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { Bucket, SleepPoint } from '../../../shared/dashboard'
import { duration, hours, number } from '../format'
import { roundScale } from '../charts/axisTicks'
import { ChartCard } from '../charts/ChartCard'
import { ChartBox } from '../charts/ChartBox'
import { bucketTooltip, chartMargin, dateAxis, horizontalLinesOnly, isolatedPointDots, Legend, partialMarks, stackedBar, valueAxis } from '../charts/chartParts'
import { seriesSummary } from '../charts/chartText'
import { measureColors, seriesColors } from '../charts/seriesColors'

// The bars are drawn in hours (`barKey`); the tooltip reads the stage's own milliseconds (`key`).
const stages = [
  { key: 'deepMs', barKey: 'deepHours', label: 'Deep (SWS)', color: seriesColors.deep },
  { key: 'remMs', barKey: 'remHours', label: 'REM', color: seriesColors.rem },
  { key: 'lightMs', barKey: 'lightHours', label: 'Light', color: seriesColors.light },
  { key: 'awakeMs', barKey: 'awakeHours', label: 'Awake', color: seriesColors.awake }
] as const
const NAP = seriesColors.nap
/** A night's bar from the bottom up: its stages, then the naps of its day. */
const nightParts = [...stages, { key: 'napMs', barKey: 'napHours', label: 'Naps', color: NAP }] as const

/** One night's bar: its parts stacked in one shape (see `stackedBar`). */
const NightBar = stackedBar(nightParts.map((part) => ({ key: part.barKey, color: part.color })))
const NEED = seriesColors.need
const PERFORMANCE = measureColors['sleep-performance']
const EFFICIENCY = measureColors.efficiency
const CONSISTENCY = measureColors.consistency
const RESPIRATORY = measureColors['respiratory-rate']

/**
 * Hours per night by sleep stage with naps stacked on top (one bar per night, wide enough to read
 * at 3 months), against sleep need; then the three percentages of a night (performance, efficiency,
 * consistency) on one axis, and respiratory rate on its own: no chart holds two unrelated scales.
 */
function SleepChartBody({ points, bucket }: { points: SleepPoint[]; bucket: Bucket }) {
  const data = points.map((p) => ({
    ...p,
    ...(Object.fromEntries(stages.map((stage) => [stage.barKey, hours(p[stage.key])])) as Record<(typeof stages)[number]['barKey'], number | null>),
    needHours: hours(p.needMs),
    // A week's or month's naps are shown per night, as its stages are.
    napHours: p.naps ? hours(p.napMs / (bucket === 'day' ? 1 : Math.max(1, p.scored))) : null
  }))
  const nightHours = data.map((night) => nightParts.reduce((sum, part) => sum + (night[part.barKey] ?? 0), 0))
  const nights = data.map((night, index) => ({ ...night, nightHours: nightHours[index] || null }))
  const hourScale = roundScale([...nightHours, ...data.map((p) => p.needHours)], { minStep: 1, fromZero: true })
  const SleepTooltip = bucketTooltip<SleepPoint>(
    bucket,
    (point) => [
      { label: 'Asleep', value: duration(point.asleepMs) },
      { label: 'Sleep need', value: duration(point.needMs), color: NEED },
      ...stages.map((stage) => ({ label: stage.label, value: duration(point[stage.key]), color: stage.color })),
      ...(point.naps ? [{ label: `Naps (${point.naps}) asleep`, value: duration(point.napMs), color: NAP }] : [])
    ],
    { unit: 'nights' }
  )
  const QualityTooltip = bucketTooltip<SleepPoint>(
    bucket,
    (point) => [
      { label: 'Performance', value: number(point.performance, 0, '%'), color: PERFORMANCE },
      { label: 'Efficiency', value: number(point.efficiency, 0, '%'), color: EFFICIENCY },
      { label: 'Consistency', value: number(point.consistency, 0, '%'), color: CONSISTENCY },
      { label: 'Respiratory rate', value: number(point.respiratoryRate, 1, ' rpm'), color: RESPIRATORY }
    ],
    { flags: false, unit: 'nights' }
  )
  const percentScale = roundScale(points.flatMap((p) => [p.performance, p.efficiency, p.consistency]), { minStep: 1, bounds: [0, 100] })
  const hourAxis = valueAxis(hourScale, ' h')
  const qualityAxis = valueAxis(percentScale, '%')
  const rpmAxis = valueAxis(roundScale(points.map((p) => p.respiratoryRate), { minStep: 0.5 }), ' rpm')
  const line = (key: 'performance' | 'efficiency' | 'consistency' | 'respiratoryRate', name: string, color: string, yAxisId: string, dashed?: boolean) => (
    <Line yAxisId={yAxisId} dataKey={key} name={name} stroke={color} strokeDasharray={dashed ? '2 3' : undefined} dot={isolatedPointDots(points, key, color)} connectNulls={false} isAnimationActive={false} />
  )

  return (
    <ChartCard
      title="Sleep"
      testId="sleep-chart"
      points={points}
      table={{
        bucket,
        points,
        columns: [
          { label: 'Asleep', value: (p) => duration(p.asleepMs) },
          { label: 'Sleep need', value: (p) => duration(p.needMs) },
          ...stages.map((stage) => ({ label: stage.label, value: (p: SleepPoint) => duration(p[stage.key]) })),
          { label: 'Naps, asleep', value: (p) => (p.naps ? `${p.naps} · ${duration(p.napMs)}` : '—') },
          { label: 'Performance', value: (p) => number(p.performance, 0, '%') },
          { label: 'Efficiency', value: (p) => number(p.efficiency, 0, '%') },
          { label: 'Consistency', value: (p) => number(p.consistency, 0, '%') },
          { label: 'Respiratory rate', value: (p) => number(p.respiratoryRate, 1, ' rpm') }
        ]
      }}
    >
      <ChartBox height={220}>
        {(width) => (
          <ComposedChart width={width} height={220} data={nights} margin={chartMargin} barCategoryGap="8%" title="Sleep stages by night" desc={seriesSummary(points, 'asleepMs', bucket, duration)}>
            <CartesianGrid {...horizontalLinesOnly} />
            <XAxis {...dateAxis(points, bucket, width, [hourAxis.width], 'band')} />
            <YAxis {...hourAxis} />
            <Tooltip content={SleepTooltip} cursor={{ fillOpacity: 0.1 }} />
            <Bar dataKey="nightHours" name="Asleep and awake" shape={NightBar} isAnimationActive={false} />
            <Line dataKey="needHours" name="Sleep need" stroke={NEED} strokeDasharray="4 3" dot={false} connectNulls={false} isAnimationActive={false} />
            {partialMarks(points)}
          </ComposedChart>
        )}
      </ChartBox>
      <Legend items={[...nightParts, { key: 'need', label: 'Sleep need (dashed)', color: NEED, mark: 'line' }]} />
      <div className="chart-pair">
        <figure className="trend">
          <figcaption>Sleep performance, efficiency and consistency</figcaption>
          <ChartBox height={150}>
            {(width) => (
              <LineChart width={width} height={150} data={points} margin={chartMargin} title="Sleep performance, efficiency and consistency" desc={seriesSummary(points, 'performance', bucket, (v) => number(v, 0, '%'))}>
                <CartesianGrid {...horizontalLinesOnly} />
                <XAxis {...dateAxis(points, bucket, width, [qualityAxis.width], 'point')} />
                <YAxis yAxisId="pct" {...qualityAxis} />
                <Tooltip content={QualityTooltip} />
                {line('performance', 'Performance', PERFORMANCE, 'pct')}
                {line('efficiency', 'Efficiency', EFFICIENCY, 'pct')}
                {line('consistency', 'Consistency', CONSISTENCY, 'pct', true)}
              </LineChart>
            )}
          </ChartBox>
          <Legend
            items={[
              { key: 'performance', label: 'Performance', color: PERFORMANCE, mark: 'line' },
              { key: 'efficiency', label: 'Efficiency', color: EFFICIENCY, mark: 'line' },
              { key: 'consistency', label: 'Consistency (dotted)', color: CONSISTENCY, mark: 'line' }
            ]}
          />
        </figure>
        <figure className="trend">
          <figcaption>Respiratory rate</figcaption>
          <ChartBox height={150}>
            {(width) => (
              <LineChart width={width} height={150} data={points} margin={chartMargin} title="Respiratory rate during sleep" desc={seriesSummary(points, 'respiratoryRate', bucket, (v) => number(v, 1, ' rpm'))}>
                <CartesianGrid {...horizontalLinesOnly} />
                <XAxis {...dateAxis(points, bucket, width, [rpmAxis.width], 'point')} />
                <YAxis yAxisId="rpm" {...rpmAxis} />
                <Tooltip content={QualityTooltip} />
                {line('respiratoryRate', 'Respiratory rate', RESPIRATORY, 'rpm')}
              </LineChart>
            )}
          </ChartBox>
          <Legend items={[{ key: 'respiratory', label: 'Breaths a minute, asleep', color: RESPIRATORY, mark: 'line' }]} />
        </figure>
      </div>
    </ChartCard>
  )
}

/** Redrawn only when its data or settings change, not when the range picker moves first. */
export const SleepChart = memo(SleepChartBody)
