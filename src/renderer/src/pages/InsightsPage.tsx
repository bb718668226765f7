import { Area, CartesianGrid, ComposedChart, Line, Scatter, Tooltip, XAxis, YAxis } from 'recharts'
import { describeEffect, effectDetails, outcomeName } from '../../../shared/insightText'
import type { InsightEffect, Insights, JournalInsight, StrainRecoveryFit } from '../../../shared/insights'
import { api } from '../api'
import { ChartBox } from '../charts/ChartBox'
import { EffectPlot } from '../charts/EffectPlot'
import { scatterMargin, fixedScale, Legend, valueAxis } from '../charts/chartParts'
import { fullDay, number } from '../format'
import { useApiResult } from '../useApiResult'
import { measureColors, seriesColors } from '../charts/seriesColors'
import { Card, NoDataYet } from '../ui/Card'
import { ButtonLink } from '../ui/Button'
import { compareHash } from './ComparePage'
import { grouped, signed } from '../../../shared/numberText'

const POINT = measureColors.recovery
const FIT = seriesColors.fit
const strainScale = fixedScale([0, 3, 6, 9, 12, 15, 18, 21])
const recoveryScale = fixedScale([0, 25, 50, 75, 100])

/** What the journal and the days' strain say about your mornings, in plain words and as a picture: `#/insights`. */
export function InsightsPage() {
  const result = useApiResult(api.getInsights)
  const insights = result?.ok ? result.value : undefined
  return (
    <section className="page" aria-labelledby="insights-title" data-testid="insights-view">
      <div className="page-head">
        <h1 id="insights-title">Insights</h1>
        <ButtonLink size="small" href={compareHash({ x: 'strain', y: 'recovery', nextMorning: true, range: 'all' })} data-testid="insights-compare-link">
          Compare two measures
        </ButtonLink>
      </div>
      {result && !result.ok && <p className="error" role="alert">{result.error.message}</p>}
      {insights === null && <NoDataYet />}
      {insights && <JournalInsights insights={insights} />}
      {insights?.strainRecovery && <StrainAgainstRecovery fit={insights.strainRecovery} />}
    </section>
  )
}

function JournalInsights({ insights }: { insights: Insights }) {
  const strength = (question: JournalInsight) => Math.max(0, ...question.effects.filter((effect) => effect.clear).map((effect) => Math.abs(effect.hedgesG)))
  const clear = insights.questions.filter((question) => question.effects.some((effect) => effect.clear)).sort((a, b) => strength(b) - strength(a))
  const unclear = insights.questions.filter((question) => question.effects.length > 0 && !question.effects.some((effect) => effect.clear))
  const waiting = insights.questions.filter((question) => question.effects.length === 0)
  return (
    <Card aria-labelledby="journal-insights-title">
      <h2 id="journal-insights-title">Your journal, your tags and your mornings</h2>
      <p className="muted" data-testid="insights-method">
        Associations in your own data, not causes. WHOOP asks its journal when you wake: each answer tells of the day before, and is set against that
        morning's recovery, HRV, resting heart rate and sleep, on the mornings after yes-days against those after no-days. A tag you put on a day is
        set against the next morning, after tagged days against after the other days since you began tagging. Each needs at
        least {insights.minimumDays} days of each kind. {grouped(insights.comparisons)} {insights.comparisons === 1 ? 'comparison was' : 'comparisons were'} made;
        a difference is called clear only when it survives a correction for that many (false discovery rate {number(insights.falseDiscoveryRate * 100, 0, '%')}).
      </p>
      {!insights.hasJournal && (
        <p data-testid="insights-no-journal">
          WHOOP's API does not give journal answers. Import WHOOP's data export (<a href="#/data">Data → Import WHOOP's export</a>) to see what
          your journal says.
        </p>
      )}
      {clear.map((question) => (
        <QuestionRow key={`${question.kind}:${question.question}`} insight={question} />
      ))}
      {unclear.length > 0 && (
        <p className="muted" data-testid="insights-unclear">
          No clear difference yet for{' '}
          {unclear.map((question, index) => (
            <span
              key={`${question.kind}:${question.question}`}
              data-testid="insight-unclear"
              data-question={question.question}
              title={question.kind === 'tag' ? `${grouped(question.yesDays)} tagged and ${grouped(question.noDays)} other days` : `${grouped(question.yesDays)} yes and ${grouped(question.noDays)} no days`}
            >
              {index > 0 && (index === unclear.length - 1 ? ' and ' : ', ')}
              {subjectName(question)}
            </span>
          ))}
          .
        </p>
      )}
      {waiting.length > 0 && (
        <p className="muted" data-testid="insights-waiting">
          Not enough days yet for{' '}
          {waiting
            .map((question) => `${subjectName(question)} (${grouped(question.yesDays)} ${question.kind === 'tag' ? 'tagged' : 'yes'}, ${grouped(question.noDays)} ${question.kind === 'tag' ? 'other' : 'no'})`)
            .join(', ')}
          : at least {insights.minimumDays} of each are needed.
        </p>
      )}
    </Card>
  )
}

/** A journal question as quoted, a tag as "the tag “travel”". */
const subjectName = ({ kind, question }: JournalInsight) => (kind === 'tag' ? `the tag “${question}”` : `“${question}”`)

function QuestionRow({ insight }: { insight: JournalInsight }) {
  const clear = insight.effects.filter((effect) => effect.clear)
  return (
    <article className="insight" data-testid="insight-row" data-kind={insight.kind} data-question={insight.question}>
      <h3>{insight.kind === 'tag' ? `Days tagged “${insight.question}”` : `“${insight.question}”`}</h3>
      <ul className="plain-list">
        {clear.map((effect) => (
          <li key={effect.outcome} data-testid="insight-effect" data-outcome={effect.outcome}>
            {describeEffect(insight, effect, false)}
            <small className="muted effect-details">
              {effectDetails(effect)}
              {missingMornings(insight, effect)}
            </small>
          </li>
        ))}
      </ul>
      <EffectPlot effects={insight.effects} question={insight.question} />
    </article>
  )
}

/** Why fewer mornings were compared than days counted: "; 2 of the 120 yes-mornings have no recovery". */
function missingMornings(insight: JournalInsight, effect: InsightEffect): string {
  const [yes, no] = insight.kind === 'tag' ? ['mornings after tagged days', 'mornings after other days'] : ['yes-mornings', 'no-mornings']
  const missing = [
    [insight.yesDays - effect.yesDays, insight.yesDays, yes],
    [insight.noDays - effect.noDays, insight.noDays, no]
  ] as const
  return missing
    .filter(([count]) => count > 0)
    .map(([count, of, mornings]) => `; ${grouped(count)} of the ${grouped(of)} ${mornings} ${count === 1 ? 'has' : 'have'} no ${outcomeName(effect.outcome)}`)
    .join('')
}

function StrainAgainstRecovery({ fit }: { fit: StrainRecoveryFit }) {
  const band = fit.band.map((step) => ({ strain: step.strain, fit: step.fit, range: [step.low, step.high] }))
  const perStrain = `${fit.slope >= 0 ? '+' : '−'}${Math.abs(fit.slope).toFixed(2)}`
  return (
    <Card className="chart-card" data-testid="strain-recovery" aria-labelledby="strain-recovery-title">
      <header className="chart-header">
        <h2 id="strain-recovery-title">Day strain and the next morning's recovery</h2>
      </header>
      <p data-testid="strain-recovery-summary">
        Over {grouped(fit.points.length)} days, each point of day strain went with {perStrain} points of recovery the next morning on average (95% CI{' '}
        {signed(fit.slopeLow, 2)} to {signed(fit.slopeHigh, 2)}).{' '}
        {fit.slopeLow > 0 || fit.slopeHigh < 0 ? 'The interval excludes zero.' : 'The interval includes zero: no clear relation yet.'}
      </p>
      <ChartBox height={260}>
        {(width) => (
          <ComposedChart width={width} height={260} margin={scatterMargin} title="Day strain against next-morning recovery, with a fitted line and its 95% band">
            <CartesianGrid />
            <XAxis type="number" dataKey="strain" {...valueAxis(strainScale)} width={undefined} height={44} label={{ value: 'Day strain', position: 'insideBottom', offset: 4, className: 'axis-title' }} />
            <YAxis type="number" {...valueAxis(recoveryScale, '%')} />
            <Tooltip
              cursor={false}
              content={({ payload }) => {
                const hovered = payload?.[0]?.payload as (typeof fit.points)[number] | undefined
                if (!hovered || !('date' in hovered)) return null
                return (
                  <div className="chart-tooltip" data-testid="chart-tooltip">
                    <strong>{fullDay(hovered.date)}</strong>
                    <div className="tooltip-row">
                      <span>Day strain</span>
                      <span className="tooltip-value">{number(hovered.strain, 1)}</span>
                    </div>
                    <div className="tooltip-row">
                      <span>Next morning's recovery</span>
                      <span className="tooltip-value">{number(hovered.recovery, 0, '%')}</span>
                    </div>
                  </div>
                )
              }}
            />
            <Area data={band} dataKey="range" stroke="none" fill={FIT} fillOpacity={0.15} isAnimationActive={false} />
            <Line data={band} dataKey="fit" stroke={FIT} strokeWidth={2} dot={false} isAnimationActive={false} />
            <Scatter data={fit.points} dataKey="recovery" fill={POINT} fillOpacity={0.5} isAnimationActive={false} />
          </ComposedChart>
        )}
      </ChartBox>
      <Legend
        items={[
          { key: 'points', label: 'A day: its strain across, the next morning’s recovery up', color: POINT, mark: 'dot' },
          { key: 'fit', label: 'Fitted line (least squares)', color: FIT, mark: 'line' },
          { key: 'band', label: '95% band of the fitted mean', color: FIT, faded: true }
        ]}
      />
    </Card>
  )
}
