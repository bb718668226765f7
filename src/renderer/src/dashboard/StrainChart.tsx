import { Bar, BarChart, CartesianGrid, Cell, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import type { Bucket, SportTotal, StrainPoint } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { distance, duration, energy, energyUnit, energyValue, number, recoveryColor, sportName } from '../format'
import { AfterFirstPaint } from './AfterFirstPaint'
import { ChartCard } from './ChartCard'
import { bucketTooltip, ChartBox, chartMargin, hoveredPoint, isolatedPointDots, tickFormatter, tickInterval } from './chartParts'
import { sportRows, type SportRow } from './sportGroups'

const STRAIN = '#0b7cff'
const ENERGY = '#f59e0b'
const zoneColors = ['#cbd5e1', '#93c5fd', '#34d399', '#facc15', '#fb923c', '#ef4444']

interface StrainChartProps {
  points: StrainPoint[]
  bucket: Bucket
  sports: SportTotal[]
  zonesMs: number[]
  settings: Settings | undefined
}

/** Day strain (0–21) with recovery over it, energy, workouts by sport and time in heart-rate zones. */
export function StrainChart({ points, bucket, sports, zonesMs, settings }: StrainChartProps) {
  const ticks = tickFormatter(bucket)
  const unit = energyUnit(settings)
  const data = points.map((p) => ({ ...p, energy: energyValue(p.kilojoule, settings) }))
  const StrainTooltip = bucketTooltip<StrainPoint>(bucket, (point) => [
    { label: 'Day strain', value: number(point.strain, 1), color: STRAIN },
    { label: 'Recovery', value: number(point.recovery, 0, '%'), color: recoveryColor(point.recovery) },
    { label: 'Energy', value: energy(point.kilojoule, settings), color: ENERGY },
    { label: 'Average HR', value: number(point.averageHr, 0, ' bpm') },
    { label: 'Max HR', value: number(point.maxHr, 0, ' bpm') }
  ])
  const zones = zonesMs.map((ms, zone) => ({ zone: `Zone ${zone}`, hours: Math.round((ms / 3_600_000) * 10) / 10, ms }))
  const topSports = sportRows(sports, sportName)

  return (
    <ChartCard title="Strain" testId="strain-chart" points={points}>
      <ChartBox height={220}>
        <ComposedChart data={data} margin={chartMargin} accessibilityLayer>
          <CartesianGrid vertical={false} />
          <XAxis dataKey="date" tickFormatter={ticks} interval={tickInterval(points.length)} />
          <YAxis interval={0} yAxisId="strain" domain={[0, 21]} ticks={[0, 7, 14, 21]} width={40} />
          <YAxis interval={0} yAxisId="recovery" orientation="right" domain={[0, 100]} unit="%" width={48} />
          <Tooltip content={StrainTooltip} cursor={{ fillOpacity: 0.1 }} />
          <Bar yAxisId="strain" dataKey="strain" name="Day strain" fill={STRAIN} isAnimationActive={false} radius={[3, 3, 0, 0]} />
          <Line yAxisId="recovery" dataKey="recovery" name="Recovery" stroke="#16a34a" strokeWidth={2} dot={isolatedPointDots(data, 'recovery', '#16a34a')} connectNulls={false} isAnimationActive={false} />
        </ComposedChart>
      </ChartBox>
      <AfterFirstPaint height={400}>
        <figure className="trend">
          <figcaption>Energy ({unit})</figcaption>
          <ChartBox height={130}>
            <BarChart data={data} margin={chartMargin} accessibilityLayer>
              <CartesianGrid vertical={false} />
              <XAxis dataKey="date" tickFormatter={ticks} interval={tickInterval(points.length)} />
              <YAxis interval={0} width={56} />
              <Tooltip content={StrainTooltip} cursor={{ fillOpacity: 0.1 }} />
              <Bar dataKey="energy" name={`Energy (${unit})`} fill={ENERGY} isAnimationActive={false} />
            </BarChart>
          </ChartBox>
        </figure>
        <div className="chart-pair">
          <figure className="trend" data-testid="sports-chart">
            <figcaption>Workouts by sport</figcaption>
            {topSports.length ? (
              <ChartBox height={Math.max(120, topSports.length * 26)}>
                <BarChart data={topSports} layout="vertical" margin={chartMargin} accessibilityLayer>
                  <XAxis type="number" allowDecimals={false} />
                  <YAxis type="category" dataKey="label" width={150} interval={0} />
                  <Tooltip
                    content={({ payload }) => {
                      const sport = hoveredPoint<SportRow>(payload)
                      return sport ? (
                        <div className="chart-tooltip" data-testid="chart-tooltip">
                          <strong>{sport.label}</strong>
                          <div>{sport.workouts} workouts · {duration(sport.durationMs)}</div>
                          <div>Average strain {number(sport.averageStrain, 1)} · {energy(sport.kilojoule, settings)}</div>
                          {sport.distanceMeter > 0 && <div>{distance(sport.distanceMeter, settings)}</div>}
                          {sport.others.length > 0 && (
                            <div className="tooltip-note">
                              {sport.others.map((other) => `${sportName(other.sport)} (${other.workouts})`).join(', ')}
                            </div>
                          )}
                        </div>
                      ) : null
                    }}
                  />
                  <Bar dataKey="workouts" name="Workouts" fill={STRAIN} isAnimationActive={false} />
                </BarChart>
              </ChartBox>
            ) : (
              <p className="muted">No workouts in this range.</p>
            )}
          </figure>
          <figure className="trend" data-testid="zones-chart">
            <figcaption>Time in heart-rate zones</figcaption>
            <ChartBox height={160}>
              <BarChart data={zones} margin={chartMargin} accessibilityLayer>
                <XAxis dataKey="zone" />
                <YAxis interval={0} unit=" h" width={48} />
                <Tooltip
                  content={({ payload }) => {
                    const zone = hoveredPoint<{ zone: string; ms: number }>(payload)
                    return zone ? (
                      <div className="chart-tooltip">
                        <strong>{zone.zone}</strong>
                        <div>{duration(zone.ms)}</div>
                      </div>
                    ) : null
                  }}
                />
                <Bar dataKey="hours" name="Hours" isAnimationActive={false}>
                  {zones.map((zone, index) => (
                    <Cell key={zone.zone} fill={zoneColors[index]} />
                  ))}
                </Bar>
              </BarChart>
            </ChartBox>
          </figure>
        </div>
      </AfterFirstPaint>
    </ChartCard>
  )
}
