import { Bar, CartesianGrid, ComposedChart, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { Bucket, SleepPoint } from '../../../shared/dashboard'
import { duration, hours, number } from '../format'
import { AfterFirstPaint } from './AfterFirstPaint'
import { ChartCard } from './ChartCard'
import { bucketTooltip, ChartBox, chartMargin, isolatedPointDots, Legend, tickFormatter, tickInterval } from './chartParts'

// The bars are drawn in hours (`barKey`); the tooltip reads the stage's own milliseconds (`key`).
const stages = [
  { key: 'deepMs', barKey: 'deepHours', label: 'Deep (SWS)', color: '#4338ca' },
  { key: 'remMs', barKey: 'remHours', label: 'REM', color: '#a78bfa' },
  { key: 'lightMs', barKey: 'lightHours', label: 'Light', color: '#93c5fd' },
  { key: 'awakeMs', barKey: 'awakeHours', label: 'Awake', color: '#cbd5e1' }
] as const
const NAP = '#14b8a6'
const NEED = '#0f766e'
const quality = [
  { key: 'performance', label: 'Performance', color: '#0b7cff' },
  { key: 'efficiency', label: 'Efficiency', color: '#16a34a' },
  { key: 'consistency', label: 'Consistency', color: '#f59e0b' }
] as const
const RESPIRATORY = '#64748b'

/** Hours per night by sleep stage against sleep need, naps apart; performance, efficiency, consistency. */
export function SleepChart({ points, bucket }: { points: SleepPoint[]; bucket: Bucket }) {
  const ticks = tickFormatter(bucket)
  const data = points.map((p) => ({
    ...p,
    ...Object.fromEntries(stages.map((stage) => [stage.barKey, hours(p[stage.key])])),
    needHours: hours(p.needMs),
    napHours: p.naps ? hours(p.napMs / (bucket === 'day' ? 1 : p.naps)) : null
  }))
  const SleepTooltip = bucketTooltip<SleepPoint>(bucket, (point) => [
    { label: 'Asleep', value: duration(point.asleepMs) },
    { label: 'Sleep need', value: duration(point.needMs), color: NEED },
    ...stages.map((stage) => ({ label: stage.label, value: duration(point[stage.key]), color: stage.color })),
    ...(point.naps ? [{ label: `Naps (${point.naps})`, value: duration(point.napMs), color: NAP }] : [])
  ], { unit: 'nights' })
  const QualityTooltip = bucketTooltip<SleepPoint>(
    bucket,
    (point) => [
      ...quality.map((line) => ({ label: line.label, value: number(point[line.key], 0, '%'), color: line.color })),
      { label: 'Respiratory rate', value: number(point.respiratoryRate, 1, ' rpm'), color: RESPIRATORY }
    ],
    { flags: false, unit: 'nights' }
  )

  return (
    <ChartCard title="Sleep" testId="sleep-chart" points={points}>
      <ChartBox height={220}>
        <ComposedChart data={data} margin={chartMargin} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="date" tickFormatter={ticks} interval={tickInterval(points.length)} />
          <YAxis interval={0} unit=" h" width={48} />
          <Tooltip content={SleepTooltip} cursor={{ fillOpacity: 0.1 }} />
          {stages.map((stage) => (
            <Bar key={stage.key} dataKey={stage.barKey} name={stage.label} stackId="night" fill={stage.color} isAnimationActive={false} />
          ))}
          <Bar dataKey="napHours" name="Naps" fill={NAP} isAnimationActive={false} />
          <Line dataKey="needHours" name="Sleep need" stroke={NEED} strokeDasharray="4 3" dot={false} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ChartBox>
      <Legend items={[...stages, { key: 'nap', label: 'Naps', color: NAP }, { key: 'need', label: 'Sleep need (dashed)', color: NEED }]} />
      <AfterFirstPaint height={200}>
        <figure className="trend">
          <figcaption>Performance, efficiency and consistency</figcaption>
          <ChartBox height={150}>
            <LineChart data={points} margin={chartMargin} accessibilityLayer>
              <CartesianGrid vertical={false} />
              <XAxis dataKey="date" tickFormatter={ticks} interval={tickInterval(points.length)} />
              <YAxis interval={0} yAxisId="pct" domain={[0, 100]} unit="%" width={48} />
              <YAxis interval={0} yAxisId="rpm" orientation="right" domain={['auto', 'auto']} unit=" rpm" width={64} />
              <Tooltip content={QualityTooltip} />
              {quality.map((line) => (
                <Line key={line.key} yAxisId="pct" dataKey={line.key} name={line.label} stroke={line.color} dot={isolatedPointDots(points, line.key, line.color)} connectNulls={false} isAnimationActive={false} />
              ))}
              <Line yAxisId="rpm" dataKey="respiratoryRate" name="Respiratory rate" stroke={RESPIRATORY} strokeDasharray="2 3" dot={isolatedPointDots(points, 'respiratoryRate', RESPIRATORY)} connectNulls={false} isAnimationActive={false} />
            </LineChart>
          </ChartBox>
          <Legend items={[...quality, { key: 'respiratory', label: 'Respiratory rate (dotted, right axis)', color: RESPIRATORY }]} />
        </figure>
      </AfterFirstPaint>
    </ChartCard>
  )
}
