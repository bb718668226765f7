import { Bar, BarChart, CartesianGrid, Cell, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts'
import type { Bucket, RecoveryPoint } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { number, recoveryColor, temperatureUnit, temperatureValue } from '../format'
import { AfterFirstPaint } from './AfterFirstPaint'
import { ChartCard } from './ChartCard'
import { bucketTooltip, ChartBox, chartMargin, isolatedPointDots, tickFormatter, tickInterval, type TooltipRow } from './chartParts'

const HRV = '#8b5cf6'
const RHR = '#f97316'
const SPO2 = '#0ea5e9'
const SKIN = '#ec4899'

/** Recovery % by day (or week/month), coloured by zone; HRV and resting heart rate with their trends. */
export function RecoveryChart({ points, bucket, settings }: { points: RecoveryPoint[]; bucket: Bucket; settings: Settings | undefined }) {
  const ticks = tickFormatter(bucket)
  const hasOxygen = points.some((p) => p.spo2 !== null || p.skinTemp !== null)
  // The skin temperature chart draws, and its tooltip reads, the same converted points.
  const degrees = temperatureUnit(settings)
  const skinPoints = points.map((p) => ({ ...p, skinTemp: temperatureValue(p.skinTemp, settings) }))
  const tooltip = (rows: (p: RecoveryPoint) => TooltipRow[]) => bucketTooltip(bucket, rows)
  // A week's or month's value is already a mean: a 7-day average of it says nothing more.
  const byDay = bucket === 'day'

  return (
    <ChartCard title="Recovery" testId="recovery-chart" points={points}>
      <ChartBox height={190}>
        <BarChart data={points} margin={chartMargin} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="date" tickFormatter={ticks} interval={tickInterval(points.length)} />
          <YAxis interval={0} domain={[0, 100]} ticks={[0, 33, 66, 100]} unit="%" width={52} />
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
        </BarChart>
      </ChartBox>
      <AfterFirstPaint height={hasOxygen ? 380 : 190}>
        <div className="chart-pair">
          <TrendChart
            title="Heart rate variability"
            unit=" ms"
            color={HRV}
            points={points}
            keys={{ value: 'hrv', average: byDay ? 'hrvAverage7' : undefined, baseline: 'hrvBaseline' }}
            tooltip={tooltip((p) => [
              { label: 'HRV', value: number(p.hrv, 1, ' ms'), color: HRV },
              ...(byDay ? [{ label: '7-day average', value: number(p.hrvAverage7, 1, ' ms') }] : []),
              { label: 'Baseline (30 days)', value: number(p.hrvBaseline, 1, ' ms') }
            ])}
            ticks={ticks}
          />
          <TrendChart
            title="Resting heart rate"
            unit=" bpm"
            color={RHR}
            points={points}
            keys={{ value: 'restingHr', average: byDay ? 'restingHrAverage7' : undefined, baseline: 'restingHrBaseline' }}
            tooltip={tooltip((p) => [
              { label: 'Resting HR', value: number(p.restingHr, 0, ' bpm'), color: RHR },
              ...(byDay ? [{ label: '7-day average', value: number(p.restingHrAverage7, 1, ' bpm') }] : []),
              { label: 'Baseline (30 days)', value: number(p.restingHrBaseline, 1, ' bpm') }
            ])}
            ticks={ticks}
          />
        </div>
        {hasOxygen && (
          <div className="chart-pair">
            <TrendChart
              title="Blood oxygen"
              unit="%"
              color={SPO2}
              points={points}
              keys={{ value: 'spo2' }}
              tooltip={tooltip((p) => [{ label: 'SpO2', value: number(p.spo2, 1, '%'), color: SPO2 }])}
              ticks={ticks}
            />
            <TrendChart
              title="Skin temperature"
              unit={degrees}
              color={SKIN}
              points={skinPoints}
              keys={{ value: 'skinTemp' }}
              tooltip={tooltip((p) => [{ label: 'Skin temperature', value: number(p.skinTemp, 1, degrees), color: SKIN }])}
              ticks={ticks}
            />
          </div>
        )}
      </AfterFirstPaint>
    </ChartCard>
  )
}

interface TrendChartProps {
  title: string
  unit: string
  color: string
  points: RecoveryPoint[]
  keys: { value: keyof RecoveryPoint; average?: keyof RecoveryPoint; baseline?: keyof RecoveryPoint }
  tooltip: (props: { payload?: readonly { payload?: unknown }[] }) => React.ReactNode
  ticks: (date: string) => string
}

/** A measure as a line with gaps where there is no data, its 7-day average and its baseline. */
function TrendChart({ title, unit, color, points, keys, tooltip, ticks }: TrendChartProps) {
  return (
    <figure className="trend">
      <figcaption>{title}</figcaption>
      <ChartBox height={150}>
        <LineChart data={points} margin={chartMargin} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="date" tickFormatter={ticks} interval={tickInterval(points.length)} />
          <YAxis interval={0} domain={['auto', 'auto']} unit={unit} width={72} tickFormatter={(value: number) => String(Math.round(value * 10) / 10)} />
          <Tooltip content={tooltip} />
          <Line dataKey={keys.value} name={title} stroke={color} strokeWidth={2} dot={points.length < 40 || isolatedPointDots(points, keys.value, color)} connectNulls={false} isAnimationActive={false} />
          {keys.average && (
            <Line dataKey={keys.average} name="7-day average" stroke={color} strokeOpacity={0.45} strokeWidth={4} dot={false} isAnimationActive={false} />
          )}
          {keys.baseline && (
            <Line dataKey={keys.baseline} name="Baseline" stroke="#64748b" strokeDasharray="5 4" dot={false} isAnimationActive={false} />
          )}
        </LineChart>
      </ChartBox>
    </figure>
  )
}
