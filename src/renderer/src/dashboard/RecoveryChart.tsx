import { memo, useMemo } from 'react'
import { Area, Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import type { Bucket, RecoveryPoint } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { bucketLabel, number, recoveryColor, temperatureUnit, temperatureValue } from '../format'
import { measureColors, seriesColors, zoneLegend } from '../charts/seriesColors'
import { roundScale } from '../charts/axisTicks'
import { ChartCard } from '../charts/ChartCard'
import { ChartBox } from '../charts/ChartBox'
import { bucketTooltip, chartMargin, dateAxis, fixedScale, horizontalLinesOnly, isolatedPointDots, Legend, partialMarks, stackedBar, valueAxis, type TooltipRow } from '../charts/chartParts'
import { seriesSummary } from '../charts/chartText'
import { tagLegend, TagMarks, tagsByBucket } from '../charts/tagMarks'
import type { TaggedDay } from '../../../shared/tags'
import { grouped } from '../../../shared/numberText'

const HRV = measureColors.hrv
const RHR = measureColors['resting-hr']
const SPO2 = measureColors.spo2
const SKIN = measureColors['skin-temp']
const BASELINE = seriesColors.baseline
const recoveryDays = fixedScale([0, 33, 67, 100])
const zoneShares = fixedScale([0, 25, 50, 75, 100])
/** A week's or month's bar: the shares of its green, yellow and red days, stacked in one shape. */
const ZoneShares = stackedBar(zoneLegend)


/**
 * Recovery % by day coloured by zone, or for weeks and months the share of green, yellow and red
 * days; HRV and resting heart rate against their baseline (by day) or with the range of their days.
 */
interface RecoveryChartProps {
  points: RecoveryPoint[]
  bucket: Bucket
  /** The range's tagged days: marked over the recovery bars, named in every tooltip of the card. */
  tags: readonly TaggedDay[]
  settings: Settings | undefined
}

function RecoveryChartBody({ points, bucket, tags, settings }: RecoveryChartProps) {
  const firstOxygen = points.findIndex((p) => p.spo2 !== null || p.skinTemp !== null)
  const hasOxygen = firstOxygen >= 0
  // Straps before WHOOP 4.0 measured neither: a history that begins with one has them only from the upgrade on.
  const oxygenFrom = firstOxygen > 0 && points.slice(0, firstOxygen).some((p) => p.recovery !== null) ? points[firstOxygen].date : undefined
  // The skin temperature chart draws, and its tooltip reads, the same converted points.
  const degrees = temperatureUnit(settings)
  const skinPoints = points.map((p) => ({ ...p, skinTemp: temperatureValue(p.skinTemp, settings) }))
  const tagged = useMemo(() => tagsByBucket(tags, points), [tags, points])
  const tooltip = (rows: (p: RecoveryPoint) => TooltipRow[]) => bucketTooltip(bucket, rows, { tags: tagged })
  const byDay = bucket === 'day'
  const daysIn = (p: RecoveryPoint) => p.zoneDays.green + p.zoneDays.yellow + p.zoneDays.red
  const shares = points.map((p) => ({
    ...p,
    ...Object.fromEntries(zoneLegend.map((zone) => [zone.key, daysIn(p) ? (p.zoneDays[zone.key] / daysIn(p)) * 100 : null])),
    daysShare: daysIn(p) ? 100 : null
  }))
  const hrvKeys = { value: 'hrv', range: 'hrvRange', baseline: 'hrvBaseline' } as const
  const restingKeys = { value: 'restingHr', range: 'restingHrRange', baseline: 'restingHrBaseline' } as const
  const hrvAxis = valueAxis(trendScale(points, bucket, hrvKeys), ' ms')
  const restingAxis = valueAxis(trendScale(points, bucket, restingKeys), ' bpm')
  const recoveryAxis = valueAxis(byDay ? recoveryDays : zoneShares, '%')
  // The recovery bars and the HRV and resting heart rate lines under them keep their value axes
  // equally wide, so that each day's point sits under its bar.
  const axisWidth = Math.max(recoveryAxis.width, hrvAxis.width, restingAxis.width)
  const zoneRows = (p: RecoveryPoint): TooltipRow[] =>
    zoneLegend.map((zone) => ({ label: zone.label.split(' (')[0], value: `${p.zoneDays[zone.key]} of ${daysIn(p)} days`, color: zone.color }))

  return (
    <ChartCard
      title="Recovery"
      testId="recovery-chart"
      points={points}
      table={{
        bucket,
        points: skinPoints,
        columns: [
          { label: 'Recovery', value: (p) => number(p.recovery, 0, '%') },
          ...(byDay ? [] : [{ label: 'Green / yellow / red days', value: (p: RecoveryPoint) => `${p.zoneDays.green} / ${p.zoneDays.yellow} / ${p.zoneDays.red}` }]),
          { label: 'HRV', value: (p) => number(p.hrv, 1, ' ms') },
          { label: 'Resting HR', value: (p) => number(p.restingHr, 0, ' bpm') },
          { label: 'SpO2', value: (p) => number(p.spo2, 1, '%') },
          { label: 'Skin temperature', value: (p) => number(p.skinTemp, 1, degrees) }
        ]
      }}
    >
      {/* One box for both, so that the chart drawn before stays until the other is drawn. */}
      <ChartBox height={190}>
        {(width) =>
          byDay ? (
            <BarChart width={width} height={190} data={points} margin={chartMargin} title="Recovery by day" desc={seriesSummary(points, 'recovery', bucket, (v) => number(v, 0, '%'))}>
              <CartesianGrid {...horizontalLinesOnly} />
              <XAxis {...dateAxis(points, bucket, width, [axisWidth], 'band')} />
              <YAxis {...recoveryAxis} width={axisWidth} />
              <Tooltip
                cursor={{ fillOpacity: 0.1 }}
                content={tooltip((p) => [
                  { label: 'Recovery', value: number(p.recovery, 0, '%'), color: recoveryColor(p.recovery) },
                  ...(p.calibrating ? [{ label: 'WHOOP', value: 'calibrating' }] : [])
                ])}
              />
              <Bar dataKey="recovery" name="Recovery" isAnimationActive={false} radius={[3, 3, 0, 0]}>
                {points.map((p) => (
                  <Cell key={p.date} fill={recoveryColor(p.recovery)} />
                ))}
              </Bar>
              <TagMarks tags={tagged} top={recoveryDays.domain[1]} />
              {partialMarks(points)}
            </BarChart>
          ) : (
            <BarChart width={width} height={190} data={shares} margin={chartMargin} title="Recovery zones" desc={zoneSummary(points)}>
              <CartesianGrid {...horizontalLinesOnly} />
              <XAxis {...dateAxis(points, bucket, width, [axisWidth], 'band')} />
              <YAxis {...recoveryAxis} width={axisWidth} />
              <Tooltip cursor={{ fillOpacity: 0.1 }} content={tooltip((p) => [{ label: 'Mean recovery', value: number(p.recovery, 0, '%') }, ...zoneRows(p)])} />
              <Bar dataKey="daysShare" name="Recovery zones" shape={ZoneShares} isAnimationActive={false} />
              <TagMarks tags={tagged} top={zoneShares.domain[1]} />
              {partialMarks(points)}
            </BarChart>
          )
        }
      </ChartBox>
      {(!byDay || tagged.size > 0) && <Legend items={[...(byDay ? [] : zoneLegend), ...(tagged.size > 0 ? [tagLegend] : [])]} />}
      <TrendChart
        title="Heart rate variability"
        axis={{ ...hrvAxis, width: axisWidth }}
        unit=" ms"
        color={HRV}
        points={points}
        bucket={bucket}
        keys={hrvKeys}
        tooltip={tooltip((p) => [
          { label: 'HRV', value: number(p.hrv, 1, ' ms'), color: HRV },
          ...(byDay ? [{ label: '7-day average', value: number(p.hrvAverage7, 1, ' ms') }] : [rangeRow(p.hrvRange, 0, ' ms')]),
          { label: 'Baseline (30 days)', value: number(p.hrvBaseline, 1, ' ms') }
        ])}
      />
      <TrendChart
        title="Resting heart rate"
        axis={{ ...restingAxis, width: axisWidth }}
        unit=" bpm"
        color={RHR}
        points={points}
        bucket={bucket}
        keys={restingKeys}
        tooltip={tooltip((p) => [
          { label: 'Resting HR', value: number(p.restingHr, 0, ' bpm'), color: RHR },
          ...(byDay ? [{ label: '7-day average', value: number(p.restingHrAverage7, 1, ' bpm') }] : [rangeRow(p.restingHrRange, 0, ' bpm')]),
          { label: 'Baseline (30 days)', value: number(p.restingHrBaseline, 1, ' bpm') }
        ])}
      />
      {hasOxygen && (
        <div className="chart-pair">
          <TrendChart
            title="Blood oxygen"
            axis={valueAxis(trendScale(points, bucket, { value: 'spo2' }), '%')}
            unit="%"
            color={SPO2}
            points={points}
            bucket={bucket}
            keys={{ value: 'spo2' }}
            tooltip={tooltip((p) => [{ label: 'SpO2', value: number(p.spo2, 1, '%'), color: SPO2 }])}
          />
          <TrendChart
            title="Skin temperature"
            axis={valueAxis(trendScale(skinPoints, bucket, { value: 'skinTemp' }, 0.5), degrees)}
            unit={degrees}
            color={SKIN}
            points={skinPoints}
            bucket={bucket}
            keys={{ value: 'skinTemp' }}
            tooltip={tooltip((p) => [{ label: 'Skin temperature', value: number(p.skinTemp, 1, degrees), color: SKIN }])}
          />
        </div>
      )}
      {oxygenFrom && (
        <p className="muted" data-testid="oxygen-from">
          Blood oxygen and skin temperature from {bucketLabel(oxygenFrom, bucket)} on: WHOOP measures them with its 4.0 strap and later.
        </p>
      )}
    </ChartCard>
  )
}

const rangeRow = (range: [number, number] | null, digits: number, unit: string): TooltipRow => ({
  label: 'Lowest – highest day',
  value: range ? `${number(range[0], digits)} – ${number(range[1], digits, unit)}` : '—'
})

/** "Green on 31 of 52 weeks' days": how the range's days split over the zones, for screen readers. */
function zoneSummary(points: readonly RecoveryPoint[]): string {
  const total = { green: 0, yellow: 0, red: 0 }
  for (const p of points) for (const zone of zoneLegend) total[zone.key] += p.zoneDays[zone.key]
  const days = total.green + total.yellow + total.red
  return days
    ? `Of ${grouped(days)} days with a recovery: ${grouped(total.green)} green, ${grouped(total.yellow)} yellow, ${grouped(total.red)} red.`
    : 'No recovery in this range.'
}

type NumberKey = { [K in keyof RecoveryPoint]: RecoveryPoint[K] extends number | null ? K : never }[keyof RecoveryPoint]
type RangeKey = 'hrvRange' | 'restingHrRange'

interface TrendChartProps {
  title: string
  /** Its value axis (`valueAxis` of `trendScale`), as wide as the card's other charts need. */
  axis: ReturnType<typeof valueAxis>
  unit: string
  color: string
  points: RecoveryPoint[]
  bucket: Bucket
  keys: TrendKeys
  tooltip: (props: { payload?: readonly { payload?: unknown }[] }) => React.ReactNode
}

type TrendKeys = { value: NumberKey; range?: RangeKey; baseline?: NumberKey }

/** The round scale of a trend's values: the line's, its band's (by week or month) or its baseline's (by day). */
function trendScale(points: readonly RecoveryPoint[], bucket: Bucket, keys: TrendKeys, minStep = 1) {
  const band = bucket !== 'day' && keys.range
  const partner = bucket === 'day' ? keys.baseline : undefined
  return roundScale(
    points.flatMap((p) => [p[keys.value], ...(band ? (p[band] ?? []) : []), partner ? p[partner] : null]),
    { minStep }
  )
}

/**
 * A measure as a line with gaps where there is no data: by day against its baseline, by week or
 * month with the band from its lowest to its highest day. Two series at most, both in the legend.
 * Its points sit in the middle of their day (or week, or month), as bars do, so a line under a bar
 * chart puts each point under its bar, and the first and last days have room for their labels.
 */
function TrendChart({ title, axis, unit, color, points, bucket, keys, tooltip }: TrendChartProps) {
  const byDay = bucket === 'day'
  const band = !byDay && keys.range
  const partner = byDay ? keys.baseline : undefined
  return (
    <figure className="trend">
      <figcaption>{title}</figcaption>
      <ChartBox height={150}>
        {(width) => (
          <ComposedChart width={width} height={150} data={points} margin={chartMargin} title={title} desc={seriesSummary(points, keys.value, bucket, (v) => number(v, 1, unit))}>
            <CartesianGrid {...horizontalLinesOnly} />
            <XAxis {...dateAxis(points, bucket, width, [axis.width], 'band')} scale="band" />
            <YAxis {...axis} />
            <Tooltip content={tooltip} />
            {band && <Area dataKey={band} name="Lowest to highest day" stroke="none" fill={color} fillOpacity={0.18} connectNulls={false} isAnimationActive={false} />}
            <Line dataKey={keys.value} name={title} stroke={color} strokeWidth={2} dot={points.length < 40 || isolatedPointDots(points, keys.value, color)} connectNulls={false} isAnimationActive={false} />
            {partner && <Line dataKey={partner} name="Baseline" stroke={BASELINE} strokeDasharray="5 4" dot={false} isAnimationActive={false} />}
          </ComposedChart>
        )}
      </ChartBox>
      <Legend
        items={[
          { key: 'value', label: byDay ? title : `${title}, mean of days`, color, mark: 'line' as const },
          ...(band ? [{ key: 'band', label: 'Lowest to highest day', color, faded: true }] : []),
          ...(partner ? [{ key: 'baseline', label: 'Baseline, 30 days (dashed)', color: BASELINE, mark: 'line' as const }] : [])
        ]}
      />
    </figure>
  )
}

/** Redrawn only when its data or settings change, not when the range picker moves first. */
export const RecoveryChart = memo(RecoveryChartBody)
