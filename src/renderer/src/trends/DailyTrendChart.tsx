import { Area, ComposedChart, Line, Tooltip, XAxis, YAxis, CartesianGrid } from 'recharts'
import { metricSpecs, type Trend } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { ChartBox } from '../charts/ChartBox'
import { chartMargin, dateAxis, hoveredPoint, Legend, TooltipBox, valueAxis, horizontalLinesOnly } from '../charts/chartParts'
import { metricScale, tickUnit } from '../charts/metricScale'
import { measureColors, seriesColors } from '../charts/seriesColors'
import { tagLegend, TagMarks, tagNote, tagsByBucket } from '../charts/tagMarks'
import { recoveryColor } from '../format'
import { changeText, metricText, metricUnit, plottedText, plottedValue } from '../insights/metricFormat'

const BASELINE = seriesColors.baseline
const HEIGHT = 240

/**
 * A trend of up to three months, by day: each day as a dot (recovery in its zone's colour), the
 * 7-day mean as the line to read, and the 30-day baseline with the usual range around it.
 */
export function DailyTrendChart({ trend, settings }: { trend: Trend; settings: Settings | undefined }) {
  const { metric, plotted } = trend
  const fromBaseline = plotted === 'difference-from-baseline'
  const convert = (value: number | null | undefined) => plottedValue(metric, plotted, value ?? null, settings)
  const data = trend.points.map((point) => {
    // Drawn against the baseline, the baseline is the zero line and the usual range sits around it.
    const center = fromBaseline ? (point.baseline?.mean ?? 0) : 0
    return {
      date: point.date,
      value: convert(point.plotted),
      smoothed: convert(point.smoothed),
      baseline: point.baseline ? convert(point.baseline.mean - center) : null,
      band: point.baseline ? [convert(point.baseline.low - center), convert(point.baseline.high - center)] : null,
      point
    }
  })
  const scale = metricScale(metric, data.flatMap((d) => [d.value, d.smoothed, ...(d.band ?? [])]))
  const tagged = tagsByBucket(trend.tags, data)
  const unit = tickUnit(metricUnit(metric, settings))
  const label = metricSpecs[metric].label
  const dotColor = (value: number | null) => (metric === 'recovery' ? recoveryColor(value) : measureColors[metric])
  return (
    <>
      <ChartBox height={HEIGHT}>
        {(width) => (
          <ComposedChart width={width} height={HEIGHT} data={data} margin={chartMargin} title={`${label} by day, its 7-day mean, and your 30-day baseline and usual range`}>
            <CartesianGrid {...horizontalLinesOnly} />
            <XAxis {...dateAxis(data, 'day', width, [valueAxis(scale, unit).width], 'point')} />
            <YAxis {...valueAxis(scale, unit)} />
            <Tooltip
              content={({ payload }) => {
                const hovered = hoveredPoint<(typeof data)[number]>(payload)
                if (!hovered) return null
                const { point } = hovered
                return (
                  <TooltipBox
                    date={point.date}
                    bucket="day"
                    rows={[
                      { label, value: metricText(metric, point.value, settings), color: dotColor(point.value) },
                      // Between the two values as shown, so that the rows agree.
                      ...(fromBaseline ? [{ label: 'From your baseline', value: changeText(metric, point.value, point.baseline?.mean, settings) }] : []),
                      { label: '7-day mean', value: plottedText(metric, plotted, point.smoothed, settings), color: measureColors[metric] },
                      { label: 'Baseline (30 days)', value: metricText(metric, point.baseline?.mean, settings), color: BASELINE },
                      {
                        label: 'Usual range',
                        value: point.baseline ? `${metricText(metric, point.baseline.low, settings)} – ${metricText(metric, point.baseline.high, settings)}` : '—'
                      }
                    ]}
                    tags={tagNote(tagged.get(point.date), 'day')}
                  />
                )
              }}
            />
            <Area dataKey="band" name="Usual range" stroke="none" fill={BASELINE} fillOpacity={0.15} isAnimationActive={false} connectNulls={false} />
            <Line dataKey="baseline" name="Baseline (30 days)" stroke={BASELINE} strokeDasharray="4 3" dot={false} isAnimationActive={false} />
            <Line
              dataKey="value"
              name={label}
              stroke="none"
              isAnimationActive={false}
              dot={({ cx, cy, index, payload }: { cx?: number; cy?: number; index?: number; payload?: (typeof data)[number] }) =>
                payload?.value === null || cx === undefined || cy === undefined ? (
                  <g key={index} />
                ) : (
                  <circle key={index} className="day-dot" cx={cx} cy={cy} r={2.5} fill={dotColor(payload?.point.value ?? null)} />
                )
              }
              activeDot={{ r: 4 }}
            />
            <Line dataKey="smoothed" name="7-day mean" stroke={measureColors[metric]} strokeWidth={2} dot={false} isAnimationActive={false} />
            <TagMarks tags={tagged} top={scale.domain[1]} />
          </ComposedChart>
        )}
      </ChartBox>
      <Legend
        items={[
          { key: 'value', label: metric === 'recovery' ? 'Each day, in its zone’s colour' : fromBaseline ? 'Each day, from your baseline' : 'Each day', color: measureColors[metric], mark: 'dot' },
          { key: 'smoothed', label: '7-day mean', color: measureColors[metric], mark: 'line' },
          { key: 'baseline', label: fromBaseline ? 'Your baseline (mean of the last 30 days)' : 'Baseline (mean of the last 30 days)', color: BASELINE, mark: 'line' },
          { key: 'band', label: 'Usual range (± 1 standard deviation)', color: BASELINE, faded: true },
          ...(tagged.size > 0 ? [tagLegend] : [])
        ]}
      />
    </>
  )
}
