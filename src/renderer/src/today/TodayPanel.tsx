import { useCallback, useEffect, useState } from 'react'
import { addDays, daysBetween } from '../../../shared/calendar'
import { metricSpecs, type AgainstBaseline, type DayDetail, type TrendMetric } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { duration, energy, fullDay, number, recoveryColor } from '../format'
import { Dial } from '../ui/Dial'
import { metricRangeText, metricText } from '../insights/metricFormat'
import { describeFinding } from '../../../shared/insightText'
import { useApiResult } from '../useApiResult'
import { openingDay } from '../openingRequests'
import './today.css'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'
import { DayTagEditor } from '../tags/DayTagEditor'

interface TodayPanelProps {
  /** The newest day with data, and how many days old it is (0: today). */
  newest: { date: string; daysOld: number }
  /** Changes whenever the data may have: the day is read again. */
  dataVersion: number
  settings: Settings | undefined
  /** After the person tagged the day: the charts and insights read again. */
  onTagsChanged: () => void
}

const stateWords = { pending: 'WHOOP is still scoring this.', unscorable: 'WHOOP could not score this.' } as const

/** How many days before the member's today a day is (0: today). */
const daysOld = (date: string, newest: TodayPanelProps['newest']) => newest.daysOld + daysBetween(date, newest.date)

/** Names a day as a person would: "Today", "Yesterday", "Latest day" for stale data, else the day itself. */
function dayName(date: string, newest: TodayPanelProps['newest'], names: [today: string, yesterday: string, latest: string]): string | undefined {
  const old = daysOld(date, newest)
  return old === 0 ? names[0] : old === 1 ? names[1] : date === newest.date ? names[2] : undefined
}

/**
 * The morning glance: how am I, and why? The day's recovery, sleep and strain on three dials, each
 * with its reasons (the vitals against the 30-day baseline the day view computes, sleep against its
 * need and debt, strain so far), and a plain word when several vitals say the body is under strain.
 * ← and → move between days; it opens on the newest.
 */
export function TodayPanel({ newest, dataVersion, settings, onTagsChanged }: TodayPanelProps) {
  const [chosen, setChosen] = useState<string>()
  const date = chosen ?? newest.date
  const load = useCallback(() => api.getDay({ date }), [date])
  const result = useApiResult(load, dataVersion, () => openingDay(date))
  const day = result?.ok ? result.value : undefined
  const canGo = (step: number) => !!day && (step < 0 ? date > day.firstDate : date < newest.date)
  const go = (step: number) => canGo(step) && setChosen(addDays(date, step) === newest.date ? undefined : addDays(date, step))

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (event.ctrlKey || event.metaKey || event.altKey || (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      // Inside the range picker or a chart the arrows have their own meaning.
      if (target?.closest('[role="radiogroup"], .chart-box')) return
      if (event.key === 'ArrowLeft') go(-1)
      if (event.key === 'ArrowRight') go(1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  const name = dayName(date, newest, ['Today', 'Yesterday', 'Latest day'])
  return (
    <Card className="today" data-testid="today-card" aria-labelledby="today-title" data-day={day?.date}>
      <div className="today-head">
        <div>
          <h1 id="today-title">{name ?? fullDay(date)}</h1>
          <p className="card-date" data-testid="today-date" data-date={date}>
            {name && `${fullDay(date)} · `}
            <a href={`#/day/${date}`}>all of this day’s details</a>
          </p>
        </div>
        <div className="today-nav">
          <Button size="small" data-testid="today-prev" aria-label="Previous day" aria-keyshortcuts="ArrowLeft" disabled={!canGo(-1)} onClick={() => go(-1)}>
            ←
          </Button>
          <Button size="small" data-testid="today-next" aria-label="Next day" aria-keyshortcuts="ArrowRight" disabled={!canGo(1)} onClick={() => go(1)}>
            →
          </Button>
        </div>
      </div>
      {result && !result.ok && <p className="error">{result.error.message}</p>}
      {day?.recovery?.strainSignal && <StrainSignal metrics={day.recovery.strainSignal} />}
      {day && (
        <div className="today-dials">
          <RecoveryGlance day={day} settings={settings} />
          <SleepGlance day={day} title={dayName(date, newest, ['Last night', 'The night before', 'Latest night']) ?? 'The night'} />
          <StrainGlance day={day} settings={settings} />
        </div>
      )}
      {day && day.findings.length > 0 && (
        <ul className="findings plain-list" data-testid="today-findings" aria-label="From your journal and tags">
          {day.findings.map((finding) => (
            <li key={`${finding.kind}:${finding.question}`}>{describeFinding(finding, finding.effects)}</li>
          ))}
        </ul>
      )}
      {day && (
        <section className="today-tags" aria-label={`Tags on ${fullDay(day.date)}`}>
          <h2 className="today-tags-title">Tag {name === undefined ? 'this day' : name === 'Today' ? 'today' : name.toLowerCase()}</h2>
          <DayTagEditor date={day.date} tags={day.tags} onChanged={onTagsChanged} />
        </section>
      )}
    </Card>
  )
}

const signWords: Partial<Record<TrendMetric, string>> = {
  'resting-hr': 'resting heart rate up',
  'respiratory-rate': 'respiratory rate up',
  'skin-temp': 'skin temperature up',
  hrv: 'HRV down'
}

function StrainSignal({ metrics }: { metrics: TrendMetric[] }) {
  return (
    <p className="notice strain-signal" role="status" data-testid="strain-signal">
      Several signs your body is under strain: {metrics.map((metric) => signWords[metric]).join(', ')}, each outside your usual range. Not a
      diagnosis; rest if you feel unwell.
    </p>
  )
}

/** The vitals by the short names WHOOP's own app uses beside a recovery. */
const shortNames: Partial<Record<TrendMetric, string>> = {
  hrv: 'HRV',
  'resting-hr': 'Resting HR',
  'respiratory-rate': 'Respiratory rate',
  spo2: 'SpO2',
  'skin-temp': 'Skin temp'
}

/** A vital as a reason: its value, and where it stands against the usual range. */
function Reason({ measure, settings }: { measure: AgainstBaseline; settings: Settings | undefined }) {
  const { metric, value, baseline, outside } = measure
  const range = baseline && metricRangeText(metric, baseline.low, baseline.high, settings)
  return (
    <li data-testid={`today-reason-${metric}`} className={outside ? 'outside' : undefined}>
      <span className="reason-name">{shortNames[metric] ?? metricSpecs[metric].label}</span>{' '}
      <span className="reason-value">{metricText(metric, value, settings)}</span>{' '}
      <span className="reason-range">{range ? `${outside ? `${outside} your usual` : 'usual'} ${range}` : 'no baseline yet'}</span>
    </li>
  )
}

function RecoveryGlance({ day, settings }: { day: DayDetail; settings: Settings | undefined }) {
  const recovery = day.recovery
  return (
    <section className="today-glance" aria-label="Recovery">
      <Dial value={recovery?.score ?? null} max={100} color={recoveryColor(recovery?.score ?? null)} label="Recovery" text={number(recovery?.score, 0, '%')} testId="today-recovery-dial" />
      <div>
      <h3>Recovery</h3>
      {!recovery ? (
        <p className="muted">No recovery for this day.</p>
      ) : recovery.state !== 'scored' ? (
        <p className="muted">{stateWords[recovery.state]}</p>
      ) : (
        <ul className="reasons">
          {recovery.measures
            .filter((measure) => measure.value !== null)
            .map((measure) => (
              <Reason key={measure.metric} measure={measure} settings={settings} />
            ))}
        </ul>
      )}
      </div>
    </section>
  )
}

function SleepGlance({ day, title }: { day: DayDetail; title: string }) {
  const sleep = day.sleep
  return (
    <section className="today-glance" aria-label="Sleep" data-testid="last-night-card">
      <Dial value={sleep?.performance ?? null} max={100} color="var(--measure-sleep)" label="Sleep performance" text={number(sleep?.performance, 0, '%')} testId="today-sleep-dial" />
      <div>
        <h3 data-testid="last-night-date" data-date={sleep ? day.date : undefined}>{title}</h3>
        {!sleep ? (
          <p className="muted">No night's sleep ended on this day.</p>
        ) : sleep.state !== 'scored' ? (
          <p className="muted">{stateWords[sleep.state]}</p>
        ) : (
          <ul className="reasons">
            <li data-testid="today-reason-asleep">
              <span className="reason-value">{duration(sleep.asleepMs)}</span> asleep of {duration(sleep.needMs)} needed
            </li>
            <li>
              <span className="reason-value">{number(sleep.performance, 0, '%')}</span> sleep performance
            </li>
            {sleep.needParts && (
              <li data-testid="today-reason-sleep-debt">
                Sleep debt <span className="reason-value">{duration(sleep.needParts.debtMs)}</span>
              </li>
            )}
          </ul>
        )}
      </div>
    </section>
  )
}

function StrainGlance({ day, settings }: { day: DayDetail; settings: Settings | undefined }) {
  const strain = day.strain
  return (
    <section className="today-glance" aria-label="Strain">
      <Dial value={strain?.strain ?? null} max={21} color="var(--measure-strain)" label="Day strain" text={number(strain?.strain, 1)} testId="today-strain-dial" />
      <div>
      <h3>Strain{strain?.open ? ' so far' : ''}</h3>
      {!strain ? (
        <p className="muted">No cycle for this day.</p>
      ) : (
        <ul className="reasons">
          <li>
            <span className="reason-value">{number(strain.strain, 1)}</span> of 21{strain.open ? ', the day is still going' : ''}
          </li>
          <li>
            {day.workouts.length} {day.workouts.length === 1 ? 'workout' : 'workouts'} · {energy(strain.kilojoule, settings)}
          </li>
        </ul>
      )}
      </div>
    </section>
  )
}
