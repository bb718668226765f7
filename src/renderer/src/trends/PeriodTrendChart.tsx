import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis } from 'recharts'
import { metricSpecs, type Trend, type TrendPeriod } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { ChartBox } from '../charts/ChartBox'
import { chartMargin, dateAxis, hoveredPoint, Legend, TooltipBox, valueAxis, horizontalLinesOnly } from '../charts/chartParts'
import { metricScale, tickUnit } from '../charts/metricScale'
import { measureColors } from '../charts/seriesColors'
import { tagLegend, TagMarks, tagNote, tagsByBucket } from '../charts/tagMarks'
import { recoveryColor } from '../format'
import { metricUnit, plottedText, plottedValue } from '../insights/metricFormat'

const HEIGHT = 240

/** How a long trend is grouped: the person switches between weeks and months. */
export type TrendPeriodKind = keyof NonNullable<Trend['periods']>

/**
 * A trend beyond three months, by week or month: the mean of each period's days (or their total,
 * for workouts) with the middle half of its days as a band, so the level and the spread read at a
 * glance where a line through every day would be noise.
 */
export function PeriodTrendChart({ trend, period, settings }: { trend: Trend; period: TrendPeriodKind; settings: Settings | undefined }) {
  const { metric, plotted } = trend
  const periods = trend.periods![period]
  const convert = (value: number | null) => plottedValue(metric, plotted, value, settings)
  const data = periods.map((entry) => ({
    date: entry.period,
    value: convert(entry.value),
    band: entry.low === null || entry.high === null ? null : [convert(entry.low), convert(entry.high)],
    entry
  }))
  const scale = metricScale(metric, data.flatMap((d) => [d.value, ...(d.band ?? [])]))
  const tagged = tagsByBucket(trend.tags, data)
  const unit = tickUnit(metricUnit(metric, settings))
  const sum = metricSpecs[metric].aggregate === 'sum'
  const label = `${metricSpecs[metric].label}${plotted === 'difference-from-baseline' ? ' from your baseline' : ''}, ${sum ? 'total' : 'mean'} of each ${period}`
  const color = measureColors[metric]
  const dotColor = (entry: TrendPeriod) => (metric === 'recovery' ? recoveryColor(entry.value) : color)
  return (
    <>
      <ChartBox height={HEIGHT}>
        {(width) => (
          <ComposedChart width={width} height={HEIGHT} data={data} margin={chartMargin} title={label}>
            <CartesianGrid {...horizontalLinesOnly} />
            <XAxis {...dateAxis(data, period, width, [valueAxis(scale, unit).width], 'point')} />
            <YAxis {...valueAxis(scale, unit)} />
            <Tooltip
              content={({ payload }) => {
                const hovered = hoveredPoint<(typeof data)[number]>(payload)
                if (!hovered) return null
                const { entry } = hovered
                return (
                  <TooltipBox
                    date={entry.period}
                    bucket={period}
                    rows={[
                      { label: sum ? 'Total' : 'Mean of days', value: plottedText(metric, plotted, entry.value, settings), color: dotColor(entry) },
                      ...(entry.low === null || entry.high === null
                        ? []
                        : [{ label: 'Middle half of days', value: `${plottedText(metric, plotted, entry.low, settings)} – ${plottedText(metric, plotted, entry.high, settings)}` }]),
                      { label: 'Days with data', value: String(entry.days) }
                    ]}
                    note={entry.partial ? `Only part of this ${period} is in the range.` : undefined}
                    tags={tagNote(tagged.get(entry.period), period)}
                  />
                )
              }}
            />
            {!sum && <Area dataKey="band" name="Middle half of days" stroke="none" fill={color} fillOpacity={0.18} isAnimationActive={false} connectNulls={false} />}
            <Line
              dataKey="value"
              name={label}
              stroke={color}
              strokeWidth={2}
              isAnimationActive={false}
              connectNulls={false}
              dot={({ cx, cy, index, payload }: { cx?: number; cy?: number; index?: number; payload?: (typeof data)[number] }) =>
                !payload || payload.value === null || cx === undefined || cy === undefined ? (
                  <g key={index} />
                ) : (
                  // A period the range cuts is drawn hollow: its mean is of fewer days.
                  <circle key={index} className="period-dot" cx={cx} cy={cy} r={3} fill={payload.entry.partial ? 'var(--surface)' : dotColor(payload.entry)} stroke={dotColor(payload.entry)} />
                )
              }
            />
            <TagMarks tags={tagged} top={scale.domain[1]} />
          </ComposedChart>
        )}
      </ChartBox>
      <Legend
        items={[
          { key: 'value', label: `${sum ? 'Total' : 'Mean'} of each ${period}${metric === 'recovery' ? ', in its zone’s colour' : ''} (hollow: only part of it in the range)`, color },
          ...(sum ? [] : [{ key: 'band', label: 'Middle half of its days (25th–75th percentile)', color, faded: true }]),
          ...(tagged.size > 0 ? [tagLegend] : [])
        ]}
      />
    </>
  )
}
