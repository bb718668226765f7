import { memo } from 'react'
import { Bar, BarChart, CartesianGrid, Cell, Tooltip, XAxis, YAxis } from 'recharts'
import { recoveryZone, type Bucket, type SportTotal, type StrainPoint } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { distance, duration, energy, energyUnit, energyValue, number, recoveryColor } from '../format'
import { sportName } from '../../../shared/sportName'
import { ChartCard } from '../charts/ChartCard'
import { labelWidth, roundScale } from '../charts/axisTicks'
import { ChartBox } from '../charts/ChartBox'
import { bucketTooltip, chartMargin, dateAxis, fixedScale, hoveredPoint, Legend, partialMarks, plainTick, tickText, valueAxis, horizontalLinesOnly } from '../charts/chartParts'
import { seriesSummary } from '../charts/chartText'
import { sportRows, type SportRow } from './sportGroups'
import { ZonesChart } from './ZonesChart'
import { measureColors } from '../charts/seriesColors'
import { grouped } from '../../../shared/numberText'

const STRAIN = measureColors.strain
// Apart from every recovery colour, so energy is never read as a yellow day.
const ENERGY = measureColors.energy
const strainAxis = valueAxis(fixedScale([0, 7, 14, 21]))
/** The recovery row's height: a strip of zone colours, not a scale. */
const RECOVERY_ROW = 26

interface StrainChartProps {
  points: StrainPoint[]
  bucket: Bucket
  sports: SportTotal[]
  zonesMs: number[]
  /** The member's max heart rate, for the zones' heart rates; null while WHOOP has not sent it. */
  maxHeartRate: number | null
  settings: Settings | undefined
}

/**
 * Day strain (0–21) with the same days' recovery as a row of zone colours under it (its own row, not
 * a second scale on the strain's grid, where strain 7 would read as 33%), energy, workouts by sport
 * and time in heart-rate zones.
 */
function StrainChartBody({ points, bucket, sports, zonesMs, maxHeartRate, settings }: StrainChartProps) {
  const unit = energyUnit(settings)
  const data = points.map((p) => ({ ...p, energy: energyValue(p.kilojoule, settings) }))
  const StrainTooltip = bucketTooltip<StrainPoint>(bucket, (point) => [
    { label: 'Day strain', value: number(point.strain, 1), color: STRAIN },
    { label: 'Recovery', value: number(point.recovery, 0, '%'), color: recoveryColor(point.recovery) },
    { label: 'Energy', value: energy(point.kilojoule, settings), color: ENERGY },
    { label: 'Average HR', value: number(point.averageHr, 0, ' bpm') },
    { label: 'Max HR', value: number(point.maxHr, 0, ' bpm') }
  ])
  const energyAxis = valueAxis(roundScale(data.map((p) => p.energy), { minStep: 1, fromZero: true }))
  const topSports = sportRows(sports, sportName)
  const workoutAxis = valueAxis(roundScale(topSports.map((sport) => sport.workouts), { minStep: 1, fromZero: true }))
  // Room on the right for half of the last count label, which is centred on the axis's end.
  const workoutAxisEnd = Math.ceil(labelWidth(tickText(workoutAxis.ticks.at(-1), '')) / 2) + 4

  return (
    <ChartCard
      title="Strain"
      testId="strain-chart"
      points={points}
      table={{
        bucket,
        points,
        columns: [
          { label: 'Day strain', value: (p) => number(p.strain, 1) },
          { label: 'Recovery', value: (p) => number(p.recovery, 0, '%') },
          { label: 'Energy', value: (p) => energy(p.kilojoule, settings) },
          { label: 'Average HR', value: (p) => number(p.averageHr, 0, ' bpm') },
          { label: 'Max HR', value: (p) => number(p.maxHr, 0, ' bpm') }
        ]
      }}
    >
      <ChartBox height={220}>
        {(width) => (
          <BarChart width={width} height={220} data={data} margin={chartMargin} title="Day strain" desc={seriesSummary(points, 'strain', bucket, (v) => number(v, 1))}>
            <CartesianGrid {...horizontalLinesOnly} />
            <XAxis {...dateAxis(points, bucket, width, [strainAxis.width], 'band')} />
            <YAxis {...strainAxis} />
            <Tooltip content={StrainTooltip} cursor={{ fillOpacity: 0.1 }} />
            <Bar dataKey="strain" name="Day strain" fill={STRAIN} isAnimationActive={false} radius={[3, 3, 0, 0]} />
            {partialMarks(points)}
          </BarChart>
        )}
      </ChartBox>
      <figure className="recovery-row" data-testid="strain-recovery-row">
        <figcaption>Recovery</figcaption>
        <ChartBox height={RECOVERY_ROW}>
          {(width) => (
            <BarChart width={width} height={RECOVERY_ROW} data={data} margin={{ ...chartMargin, top: 2 }} title="Recovery by zone" desc={seriesSummary(points, 'recovery', bucket, (v) => number(v, 0, '%'))}>
              {/* The strain chart's days at the same x: the same band axis, and room for its value axis. */}
              <XAxis dataKey="date" hide />
              <YAxis width={strainAxis.width} domain={[0, 1]} tick={false} axisLine={false} tickLine={false} />
              <Tooltip content={StrainTooltip} cursor={{ fillOpacity: 0.1 }} />
              <Bar dataKey={(point: StrainPoint) => (point.recovery === null ? null : 1)} name="Recovery" isAnimationActive={false}>
                {data.map((point) => (
                  <Cell key={point.date} className={point.recovery === null ? undefined : `zone-${recoveryZone(point.recovery)}`} fill={recoveryColor(point.recovery)} />
                ))}
              </Bar>
            </BarChart>
          )}
        </ChartBox>
      </figure>
      <Legend
        items={[
          { key: 'strain', label: 'Day strain (0–21)', color: STRAIN },
          { key: 'recovery', label: `Recovery by zone${bucket === 'day' ? '' : ' (of the mean)'}: green 67–100%, yellow 34–66%, red 0–33%`, color: recoveryColor(80) }
        ]}
      />
      <figure className="trend">
        <figcaption>Energy ({unit})</figcaption>
        <ChartBox height={130}>
          {(width) => (
            <BarChart width={width} height={130} data={data} margin={chartMargin} title={`Energy (${unit})`} desc={seriesSummary(data, 'energy', bucket, (v) => `${Math.round(v)} ${unit}`)}>
              <CartesianGrid {...horizontalLinesOnly} />
              <XAxis {...dateAxis(points, bucket, width, [energyAxis.width], 'band')} />
              <YAxis {...energyAxis} />
              <Tooltip content={StrainTooltip} cursor={{ fillOpacity: 0.1 }} />
              <Bar dataKey="energy" name={`Energy (${unit})`} fill={ENERGY} isAnimationActive={false} />
              {partialMarks(points)}
            </BarChart>
          )}
        </ChartBox>
      </figure>
      <div className="chart-pair">
        <figure className="trend" data-testid="sports-chart">
          <figcaption>Workouts by sport</figcaption>
          {topSports.length ? (
            <ChartBox height={Math.max(120, topSports.length * 26)}>
              {(width) => (
              <BarChart width={width} height={Math.max(120, topSports.length * 26)} data={topSports} layout="vertical" margin={{ ...chartMargin, right: workoutAxisEnd }} title="Workouts by sport" desc={topSports.map((sport) => `${sport.label}: ${grouped(sport.workouts)}`).join(', ')}>
                <XAxis type="number" {...workoutAxis} width={undefined} height={40} label={{ value: 'Workouts', position: 'insideBottom', offset: 0, className: 'axis-title' }} />
                <YAxis type="category" dataKey="label" width={Math.ceil(Math.max(...topSports.map((sport) => labelWidth(sport.label)))) + 14} interval={0} tick={plainTick('')} />
                <Tooltip
                  content={({ payload }) => {
                    const sport = hoveredPoint<SportRow>(payload)
                    return sport ? (
                      <div className="chart-tooltip" data-testid="chart-tooltip">
                        <strong>{sport.label}</strong>
                        <div>{grouped(sport.workouts)} workouts · {duration(sport.durationMs)}</div>
                        <div>Average strain {number(sport.averageStrain, 1)} · {energy(sport.kilojoule, settings)}</div>
                        {sport.distanceMeter > 0 && <div>{distance(sport.distanceMeter, settings)}</div>}
                        {sport.others.length > 0 && (
                          <div className="tooltip-note">
                            {sport.others.map((other) => `${sportName(other.sport)} (${grouped(other.workouts)})`).join(', ')}
                          </div>
                        )}
                      </div>
                    ) : null
                  }}
                />
                <Bar dataKey="workouts" name="Workouts" fill={STRAIN} isAnimationActive={false} />
              </BarChart>
              )}
            </ChartBox>
          ) : (
            <p className="muted">No workouts in this range.</p>
          )}
        </figure>
        <ZonesChart zonesMs={zonesMs} maxHeartRate={maxHeartRate} />
      </div>
    </ChartCard>
  )
}

/** Redrawn only when its data or settings change, not when the range picker moves first. */
export const StrainChart = memo(StrainChartBody)
