import { useCallback, useRef } from 'react'
import { CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis } from 'recharts'
import { describeCorrelation } from '../../../shared/insightText'
import { metricSpecs, trendRanges, type Comparison, type Correlation, type TrendMetric, type TrendRange } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { ChartBox } from '../charts/ChartBox'
import { chartMargin, scatterMargin, dateAxis, hoveredPoint, Legend, TooltipBox, valueAxis, horizontalLinesOnly } from '../charts/chartParts'
import { useDrawnMark } from '../charts/chartTurns'
import { metricScale, tickUnit } from '../charts/metricScale'
import { RangePicker } from '../charts/RangePicker'
import { measureColors, seriesColors } from '../charts/seriesColors'
import { fullDay } from '../format'
import { MeasureSelect } from '../insights/MeasureSelect'
import { metricPhrase, metricText, metricUnit, metricValue, rangeLabels } from '../insights/metricFormat'
import { useApiResult } from '../useApiResult'
import { Card, NoDataYet } from '../ui/Card'
import { Stats } from '../ui/Stats'
import { grouped, signed } from '../../../shared/numberText'

export interface CompareChoice {
  x: TrendMetric
  y: TrendMetric
  nextMorning: boolean
  range: TrendRange
}

/** The address of a comparison: `#/compare/strain/recovery/next/3m`. */
export const compareHash = ({ x, y, nextMorning, range }: CompareChoice) => `#/compare/${x}/${y}/${nextMorning ? 'next' : 'same'}/${range}`

/** Two daily measures side by side: how they go together, and each over time. */
export function ComparePage({ choice, settings }: { choice: CompareChoice; settings: Settings | undefined }) {
  const { x, y, nextMorning, range } = choice
  const load = useCallback(() => api.getComparison({ x, y, nextMorning, range }), [x, y, nextMorning, range])
  const result = useApiResult(load)
  const comparison = result?.ok ? result.value : undefined
  const shown = comparison && compareHash(comparison) === compareHash(choice) ? comparison : undefined
  const page = useRef<HTMLElement>(null)
  useDrawnMark(page, 'data-drawn-compare', shown && compareHash(shown))
  const choose = (change: Partial<CompareChoice>) => {
    window.location.hash = compareHash({ ...choice, ...change })
  }
  return (
    <section ref={page} className="page" aria-labelledby="compare-title" data-testid="compare-view">
      <div className="page-head">
        <h1 id="compare-title">Compare two measures</h1>
        <RangePicker range={range} ranges={trendRanges} label={(option) => rangeLabels[option]} onChange={(option) => choose({ range: option })} />
      </div>
      <div className="compare-controls">
        <MeasureSelect label="First" value={x} testId="compare-x" onChange={(metric) => choose({ x: metric })} />
        <MeasureSelect label="against" value={y} testId="compare-y" onChange={(metric) => choose({ y: metric })} />
        <label className="toggle">
          {/* Ticked at once: the address, which holds the choice, changes a moment later (and remounts it on Back). */}
          <input key={String(nextMorning)} type="checkbox" defaultChecked={nextMorning} data-testid="compare-next-morning" onChange={(event) => choose({ nextMorning: event.target.checked })} />
          the next morning
        </label>
      </div>
      {result && !result.ok && <p className="error" role="alert">{result.error.message}</p>}
      {comparison === null && <NoDataYet />}
      {shown && (
        <>
          <Correlations comparison={shown} />
          <ScatterCard comparison={shown} settings={settings} />
          <SeriesCards comparison={shown} settings={settings} />
        </>
      )}
    </section>
  )
}

const unitNote = (unit: string) => (unit.trim() ? ` (${unit.trim()})` : '')

/** The second measure as a sentence names it: "recovery the next morning". */
const secondPhrase = ({ y, nextMorning }: Comparison) => `${metricPhrase(y)}${nextMorning ? ' the next morning' : ' the same day'}`

const rText = (correlation: Correlation) => `${signed(correlation.r, 2)} (95% interval ${signed(correlation.low, 2)} to ${signed(correlation.high, 2)})`

function Correlations({ comparison }: { comparison: Comparison }) {
  const { pearson, spearman, points } = comparison
  return (
    <Card data-testid="compare-summary" aria-labelledby="compare-summary-title">
      <h2 id="compare-summary-title">
        {metricSpecs[comparison.x].label} and {secondPhrase(comparison)}
      </h2>
      <p className="muted">
        {fullDay(comparison.from)} – {fullDay(comparison.to)}: <span data-testid="compare-days">{grouped(points.length)}</span> days with both. An association in
        your own data, not a cause.
      </p>
      {pearson && spearman ? (
        <>
          <p data-testid="compare-words">{describeCorrelation(metricPhrase(comparison.x), secondPhrase(comparison), pearson)}</p>
          <Stats
            items={[
              ["Pearson's r (straight-line relation)", rText(pearson), 'compare-pearson'],
              ["Spearman's r (relation in rank)", rText(spearman), 'compare-spearman']
            ]}
          />
        </>
      ) : (
        <p data-testid="compare-too-few">Too few days with both measures, or one that does not change, to say how they go together.</p>
      )}
    </Card>
  )
}

function ScatterCard({ comparison, settings }: { comparison: Comparison; settings: Settings | undefined }) {
  const { x, y, fit } = comparison
  const [xUnit, yUnit] = [metricUnit(x, settings), metricUnit(y, settings)]
  const points = comparison.points.map((point) => ({ date: point.date, x: metricValue(x, point.x, settings)!, y: metricValue(y, point.y, settings)!, point }))
  const xScale = metricScale(x, points.map((point) => point.x))
  const yScale = metricScale(y, points.map((point) => point.y))
  // The fitted line over the days' span (not beyond), converted end by end: every conversion is linear.
  const xs = comparison.points.map((point) => point.x)
  const line = fit && [Math.min(...xs), Math.max(...xs)].map((end) => ({ x: metricValue(x, end, settings), fit: metricValue(y, fit.intercept + fit.slope * end, settings) }))
  const title = `${metricSpecs[x].label} against ${secondPhrase(comparison)}`
  return (
    <Card className="chart-card" data-testid="compare-scatter" aria-label={title}>
      <header className="chart-header">
        <h2>{title}</h2>
      </header>
      <ChartBox height={300}>
        {(width) => (
          <ComposedChart width={width} height={300} margin={scatterMargin} title={`${title}, a point per day, with a fitted line`}>
            <CartesianGrid />
            <XAxis type="number" dataKey="x" {...valueAxis(xScale, tickUnit(xUnit))} width={undefined} height={30} />
            <YAxis type="number" {...valueAxis(yScale, tickUnit(yUnit))} />
            <Tooltip
              cursor={false}
              content={({ payload }) => {
                const hovered = hoveredPoint<(typeof points)[number]>(payload)
                if (!hovered || !('point' in hovered)) return null
                return (
                  <TooltipBox
                    date={hovered.date}
                    bucket="day"
                    rows={[
                      { label: metricSpecs[x].label, value: metricText(x, hovered.point.x, settings), color: measureColors[x] },
                      { label: `${metricSpecs[y].label}${comparison.nextMorning ? ', next morning' : ''}`, value: metricText(y, hovered.point.y, settings), color: measureColors[y] }
                    ]}
                  />
                )
              }}
            />
            {line && <Line data={line} dataKey="fit" stroke={seriesColors.fit} strokeWidth={2} dot={false} isAnimationActive={false} />}
            <Scatter data={points} dataKey="y" fill={measureColors[y]} fillOpacity={0.5} isAnimationActive={false} />
          </ComposedChart>
        )}
      </ChartBox>
      <Legend
        items={[
          { key: 'points', label: `A day: its ${metricPhrase(x)}${unitNote(xUnit)} across, ${secondPhrase(comparison)}${unitNote(yUnit)} up`, color: measureColors[y], mark: 'dot' as const },
          ...(line ? [{ key: 'fit', label: 'Fitted line (least squares)', color: seriesColors.fit, mark: 'line' as const }] : [])
        ]}
      />
    </Card>
  )
}

/**
 * Each measure by day over the comparison's range, one above the other on its own scale, their
 * value axes equally wide so that a day sits at the same place in both; hovering one shows the day in both.
 */
function SeriesCards({ comparison, settings }: { comparison: Comparison; settings: Settings | undefined }) {
  const sides = (['x', 'y'] as const).map((side) => {
    const metric = comparison[side]
    const unit = metricUnit(metric, settings)
    const data = comparison.days.map((day) => ({ date: day.date, value: metricValue(metric, day[side], settings), stored: day[side] }))
    return { side, metric, unit, data, axis: valueAxis(metricScale(metric, data.map((day) => day.value)), tickUnit(unit)) }
  })
  const axisWidth = Math.max(...sides.map(({ axis }) => axis.width))
  return sides.map(({ side, metric, unit, data, axis }) => {
    const label = metricSpecs[metric].label
    return (
      <Card key={side} className="chart-card" data-testid={`compare-series-${side}`} aria-label={`${label} by day`}>
        <header className="chart-header">
          <h2>
            {label} by day
            {tickUnit(unit) === '' && <span className="muted">{unitNote(unit)}</span>}
          </h2>
        </header>
        <ChartBox height={180}>
          {(width) => (
            <ComposedChart width={width} height={180} data={data} margin={chartMargin} syncId="compare-series" title={`${label} by day`}>
              <CartesianGrid {...horizontalLinesOnly} />
              <XAxis {...dateAxis(data, 'day', width, [axisWidth], 'point')} />
              <YAxis {...axis} width={axisWidth} />
              <Tooltip
                content={({ payload }) => {
                  const hovered = hoveredPoint<(typeof data)[number]>(payload)
                  return hovered && <TooltipBox date={hovered.date} bucket="day" rows={[{ label, value: metricText(metric, hovered.stored, settings), color: measureColors[metric] }]} />
                }}
              />
              <Line dataKey="value" name={label} stroke={measureColors[metric]} strokeWidth={2} dot={data.length <= 91 ? { r: 2 } : false} isAnimationActive={false} />
            </ComposedChart>
          )}
        </ChartBox>
      </Card>
    )
  })
}
