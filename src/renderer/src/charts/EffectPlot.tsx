import { goodDirection, outcomeName } from '../../../shared/insightText'
import type { InsightEffect } from '../../../shared/insights'
import { signed } from '../../../shared/numberText'

const ROW = 26
const LABEL = 150
const WIDTH = 520

/**
 * Each measure's difference as a point with its 95 % interval as a whisker, on one zero line, sorted
 * by size: the measures have their own units, so the picture is in standard deviations (Hedges' g,
 * the interval scaled the same), and the units are in the tooltip. Green where the difference is
 * good for that measure, red where it is bad, grey where it is not clear.
 */
export function EffectPlot({ effects, question }: { effects: InsightEffect[]; question: string }) {
  const rows = effects
    .map((effect) => {
      // The pooled SD the difference was divided by, to scale its interval alike.
      const scale = effect.difference === 0 ? 1 : effect.hedgesG / effect.difference
      return { effect, point: effect.hedgesG, low: Math.min(effect.low, effect.high) * scale, high: Math.max(effect.low, effect.high) * scale }
    })
    .sort((a, b) => Math.abs(b.point) - Math.abs(a.point))
  const reach = Math.max(1, ...rows.flatMap((row) => [Math.abs(row.low), Math.abs(row.high)]))
  const x = (value: number) => LABEL + ((value + reach) / (2 * reach)) * (WIDTH - LABEL - 10)
  const height = rows.length * ROW + 22
  const colour = (effect: InsightEffect) =>
    !effect.clear ? 'var(--series-baseline)' : Math.sign(effect.difference) === goodDirection(effect.outcome) ? 'var(--good)' : 'var(--bad)'
  return (
    <svg className="effect-plot" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`Differences after yes-days for “${question}”, in standard deviations, with 95% intervals`} data-testid="effect-plot">
      <line x1={x(0)} x2={x(0)} y1={0} y2={rows.length * ROW} className="effect-zero" />
      {rows.map(({ effect, point, low, high }, index) => {
        const y = index * ROW + ROW / 2
        return (
          <g key={effect.outcome} data-outcome={effect.outcome} data-clear={effect.clear}>
            <title>{`${outcomeName(effect.outcome)}: ${signed(effect.difference, 1)} (95% interval ${signed(effect.low, 1)} to ${signed(effect.high, 1)}), g ${signed(effect.hedgesG, 2)}, q ${effect.q.toFixed(3)}`}</title>
            <text x={LABEL - 8} y={y + 4} textAnchor="end" className="effect-label">
              {outcomeName(effect.outcome)}
            </text>
            <line x1={x(low)} x2={x(high)} y1={y} y2={y} stroke={colour(effect)} strokeWidth={2} />
            <circle cx={x(point)} cy={y} r={5} fill={colour(effect)} />
          </g>
        )
      })}
      <text x={x(-reach)} y={height - 4} className="effect-axis">
        lower
      </text>
      <text x={x(0)} y={height - 4} textAnchor="middle" className="effect-axis">
        no difference
      </text>
      <text x={x(reach)} y={height - 4} textAnchor="end" className="effect-axis">
        higher
      </text>
    </svg>
  )
}
