import { Bar, BarChart, Cell, Tooltip, XAxis, YAxis, type XAxisTickContentProps } from 'recharts'
import { heartRateZones, zoneBpmText, zoneShareText, type HeartRateZone } from '../../../shared/heartRateZones'
import { duration } from '../format'
import { roundScale } from '../charts/axisTicks'
import { ChartBox } from '../charts/ChartBox'
import { chartMargin, hoveredPoint, valueAxis } from '../charts/chartParts'
import { seriesColors } from '../charts/seriesColors'

const HEIGHT = 176

interface ZoneColumn {
  name: string
  /** Its heart rates, from the member's max heart rate; absent while WHOOP has not sent it. */
  range?: HeartRateZone
  hours: number
  ms: number
}

/** A zone's axis label: its name, and under it its heart rates. */
function ZoneTick({ x, y, payload, index, fill, className, columns }: XAxisTickContentProps & { columns: ZoneColumn[] }) {
  const range = columns[index]?.range
  return (
    <text x={x} y={y} dy="0.71em" textAnchor="middle" fill={fill} className={className}>
      <tspan x={x}>{payload.value}</tspan>
      {range && (
        <tspan x={x} dy="1.3em">
          {zoneBpmText(range)}
        </tspan>
      )}
    </text>
  )
}

/** Time in each of WHOOP's heart-rate zones over the range, each zone with its heart rates. */
export function ZonesChart({ zonesMs, maxHeartRate }: { zonesMs: number[]; maxHeartRate: number | null }) {
  const ranges = maxHeartRate === null ? [] : heartRateZones(maxHeartRate)
  const columns: ZoneColumn[] = zonesMs.map((ms, zone) => ({ name: `Zone ${zone}`, range: ranges[zone], hours: ms / 3_600_000, ms }))
  return (
    <figure className="trend" data-testid="zones-chart">
      <figcaption>Time in heart-rate zones{maxHeartRate !== null && ` (max HR ${maxHeartRate} bpm)`}</figcaption>
      <ChartBox height={HEIGHT}>
        {(width) => (
          <BarChart width={width} height={HEIGHT} data={columns} margin={chartMargin} title="Time in heart-rate zones" desc={columns.map((column) => `${column.name}: ${duration(column.ms)}`).join(', ')}>
            <XAxis dataKey="name" interval={0} height={38} tick={(props: XAxisTickContentProps) => <ZoneTick {...props} columns={columns} />} />
            <YAxis {...valueAxis(roundScale(columns.map((column) => column.hours), { minStep: 0.5, fromZero: true }), ' h')} />
            <Tooltip
              content={({ payload }) => {
                const column = hoveredPoint<ZoneColumn>(payload)
                return column ? (
                  <div className="chart-tooltip" data-testid="chart-tooltip">
                    <strong>
                      {column.name}
                      {column.range && `: ${zoneBpmText(column.range)}`}
                    </strong>
                    {column.range && <div>{zoneShareText(column.range)}</div>}
                    <div>{duration(column.ms)}</div>
                  </div>
                ) : null
              }}
            />
            <Bar dataKey="hours" name="Hours" isAnimationActive={false}>
              {columns.map((column, index) => (
                <Cell key={column.name} fill={seriesColors.heartRateZones[index]} />
              ))}
            </Bar>
          </BarChart>
        )}
      </ChartBox>
      {maxHeartRate === null && <p className="muted">The zones’ heart rates show once WHOOP has sent your max heart rate.</p>}
    </figure>
  )
}
