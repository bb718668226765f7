import { useCallback, useEffect } from 'react'
import type { DayDetail, DaySleep, LocalTime, ScoreState } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { addDays } from '../../../shared/calendar'
import { dayName, distance, duration, energy, fullDay, number, recoveryColor } from '../format'
import { sportName } from '../../../shared/sportName'
import { heartRateZones, zoneBpmText } from '../../../shared/heartRateZones'
import { Dial } from '../ui/Dial'
import { changeText, metricRangeText, metricText } from '../insights/metricFormat'
import { metricSpecs } from '../../../shared/insights'
import { useApiResult } from '../useApiResult'
import { openPage } from '../useHashPage'
import { Button } from '../ui/Button'
import { DayTagEditor } from '../tags/DayTagEditor'
import { Card, NoDataYet } from '../ui/Card'
import { Facts } from '../ui/Facts'

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' })

/** A time as the clock showed it where it happened ("10:41 PM"), with its UTC offset on hover. */
function Clock({ time }: { time: LocalTime }) {
  return <time title={`UTC${time.offset}`}>{timeFormat.format(new Date(`${time.local}:00Z`))}</time>
}

const stateWords: Record<Exclude<ScoreState, 'scored'>, string> = {
  pending: 'WHOOP is still scoring this.',
  unscorable: 'WHOOP could not score this (not enough data from the strap).'
}

function StateNote({ state }: { state: ScoreState }) {
  return state === 'scored' ? null : <p className="muted">{stateWords[state]}</p>
}

/** One day, everything stored about it: `#/day/YYYY-MM-DD`, ← and → for the days around it. */
export function DayPage({ date, latest, settings }: { date: string | undefined; latest: string | undefined; settings: Settings | undefined }) {
  const shown = date ?? latest
  const load = useCallback(() => api.getDay({ date: shown ?? '1970-01-01' }), [shown])
  const result = useApiResult(load)
  const day = result?.ok ? result.value : undefined
  const canGo = (step: number) => day !== undefined && day !== null && (step < 0 ? day.date > day.firstDate : day.date < day.lastDate)
  const go = useCallback((step: number) => shown && openPage('day', addDays(shown, step)), [shown])

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null
      if (event.ctrlKey || event.metaKey || event.altKey || (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return
      // Inside the range picker or a chart the arrows have their own meaning.
      if (target?.closest('[role="radiogroup"], .chart-box')) return
      if (event.key === 'ArrowLeft' && canGo(-1)) go(-1)
      if (event.key === 'ArrowRight' && canGo(1)) go(1)
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  })

  if (result && !result.ok) return <p className="error" role="alert">{result.error.message}</p>
  if (!shown || day === null) {
    return (
      <section className="page" data-testid="day-view">
        <h1>Day</h1>
        <NoDataYet />
      </section>
    )
  }
  return (
    <section className="page" aria-labelledby="day-title" data-testid="day-view" data-day={day?.date}>
      <div className="page-head">
        <h1 id="day-title">{fullDay(shown)}</h1>
        <div className="day-nav">
          <Button size="small" data-testid="day-prev" aria-keyshortcuts="ArrowLeft" disabled={!canGo(-1)} onClick={() => go(-1)}>
            ← Previous day
          </Button>
          <label className="visually-hidden" htmlFor="day-picker">
            Day
          </label>
          <input
            id="day-picker"
            type="date"
            value={shown}
            min={day?.firstDate}
            max={day?.lastDate}
            data-testid="day-picker"
            onChange={(event) => event.target.value && openPage('day', event.target.value)}
          />
          <Button size="small" data-testid="day-next" aria-keyshortcuts="ArrowRight" disabled={!canGo(1)} onClick={() => go(1)}>
            Next day →
          </Button>
        </div>
      </div>
      {day && (
        <div className="day-grid">
          <RecoverySection day={day} settings={settings} />
          <SleepSection day={day} />
          <StrainSection day={day} settings={settings} />
          <JournalSection day={day} />
        </div>
      )}
    </section>
  )
}

function RecoverySection({ day, settings }: { day: DayDetail; settings: Settings | undefined }) {
  const recovery = day.recovery
  return (
    <Card className="day-card" data-testid="day-recovery" aria-labelledby="day-recovery-title">
      <h2 id="day-recovery-title">Recovery</h2>
      {!recovery ? (
        <p className="muted">No recovery is stored for this day.</p>
      ) : (
        <>
          <div className="dial-row">
            <Dial
              value={recovery.score}
              max={100}
              color={recoveryColor(recovery.score)}
              label="Recovery"
              text={number(recovery.score, 0, '%')}
              testId="day-recovery-dial"
            />
            <div>
              <StateNote state={recovery.state} />
              {recovery.calibrating && <p className="muted">WHOOP is still calibrating to you: recoveries of the first days are estimates.</p>}
            </div>
          </div>
          <table className="figures">
            <caption>Against your baseline (the mean of the last 30 days; usual range ± 1 standard deviation)</caption>
            <thead>
              <tr>
                <th scope="col">Measure</th>
                <th scope="col">This day</th>
                <th scope="col">Baseline</th>
                <th scope="col">Difference</th>
                <th scope="col">Usual range</th>
              </tr>
            </thead>
            <tbody>
              {recovery.measures.map((measure) => (
                <tr key={measure.metric} data-testid={`day-measure-${measure.metric}`}>
                  <th scope="row">{metricSpecs[measure.metric].label}</th>
                  <td>{metricText(measure.metric, measure.value, settings)}</td>
                  <td>{measure.baseline ? metricText(measure.metric, measure.baseline.mean, settings) : 'not enough days yet'}</td>
                  <td>{changeText(measure.metric, measure.value, measure.baseline?.mean, settings)}</td>
                  <td>
                    {measure.baseline && metricRangeText(measure.metric, measure.baseline.low, measure.baseline.high, settings)}
                    {measure.outside && <strong className="outside"> {measure.outside === 'above' ? 'above' : 'below'} your usual range</strong>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </Card>
  )
}

const share = (part: number | null, whole: number | null) => (part === null || !whole ? '' : ` (${number((100 * part) / whole, 0, '%')})`)

function SleepFigures({ sleep }: { sleep: DaySleep }) {
  const stages = [
    ['Light', sleep.lightMs],
    ['Deep (SWS)', sleep.deepMs],
    ['REM', sleep.remMs]
  ] as const
  return (
    <dl className="figure-list">
      <dt>In bed</dt>
      <dd>
        <Clock time={sleep.start} /> – <Clock time={sleep.end} /> ({duration(sleep.inBedMs)})
      </dd>
      <dt>Asleep</dt>
      <dd>{duration(sleep.asleepMs)}</dd>
      {stages.map(([label, ms]) => (
        <div key={label} className="figure-pair">
          <dt>{label}</dt>
          <dd>
            {ms === null ? '—' : `${duration(ms)}${share(ms, sleep.asleepMs)}`}
          </dd>
        </div>
      ))}
      <dt>Awake</dt>
      <dd>{duration(sleep.awakeMs)}</dd>
    </dl>
  )
}

function SleepSection({ day }: { day: DayDetail }) {
  const sleep = day.sleep
  const parts = sleep?.needParts
  return (
    <Card className="day-card" data-testid="day-sleep" aria-labelledby="day-sleep-title">
      <h2 id="day-sleep-title">Sleep</h2>
      {!sleep ? (
        <p className="muted">No night's sleep ended on this day.</p>
      ) : (
        <>
          <StateNote state={sleep.state} />
          <SleepFigures sleep={sleep} />
          <dl className="figure-list">
            <dt>Sleep need</dt>
            <dd>
              {duration(sleep.needMs)} needed, {duration(sleep.asleepMs)} slept
            </dd>
            {parts ? (
              <div className="figure-pair">
                <dt>Made up of</dt>
                <dd>
                  <Facts
                    separator=", "
                    items={[
                      `baseline ${duration(parts.baselineMs)}`,
                      `sleep debt ${duration(parts.debtMs)}`,
                      `recent strain ${duration(parts.strainMs)}`,
                      `naps ${parts.napMs < 0 ? `−${duration(-parts.napMs)}` : duration(parts.napMs)}`
                    ]}
                  />
                </dd>
              </div>
            ) : (
              <div className="figure-pair">
                <dt>Made up of</dt>
                <dd className="muted">WHOOP's export gives only the total; a sync gives the parts.</dd>
              </div>
            )}
            <dt>Performance</dt>
            <dd>{number(sleep.performance, 0, '%')}</dd>
            <dt>Efficiency</dt>
            <dd>{number(sleep.efficiency, 0, '%')}</dd>
            <dt>Consistency</dt>
            <dd>{number(sleep.consistency, 0, '%')}</dd>
            <dt>Respiratory rate</dt>
            <dd>{number(sleep.respiratoryRate, 1, ' rpm')}</dd>
            <dt>Disturbances</dt>
            <dd>{number(sleep.disturbances)}</dd>
            <dt>Sleep cycles</dt>
            <dd>{number(sleep.sleepCycles)}</dd>
          </dl>
        </>
      )}
      {day.naps.length > 0 && (
        <>
          <h3>Naps</h3>
          <ul className="plain-list" data-testid="day-naps">
            {day.naps.map((nap) => (
              <li key={nap.start.local}>
                <Clock time={nap.start} /> – <Clock time={nap.end} />: {duration(nap.inBedMs)} in bed, {duration(nap.asleepMs)} asleep
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  )
}

function StrainSection({ day, settings }: { day: DayDetail; settings: Settings | undefined }) {
  const strain = day.strain
  const zones = day.maxHeartRate === null ? [] : heartRateZones(day.maxHeartRate)
  return (
    <Card className="day-card" data-testid="day-strain" aria-labelledby="day-strain-title">
      <h2 id="day-strain-title">Strain</h2>
      {!strain ? (
        <p className="muted">No cycle is stored for this day.</p>
      ) : (
        <div className="dial-row">
          <Dial value={strain.strain} max={21} color="var(--accent)" label="Day strain" text={number(strain.strain, 1)} testId="day-strain-dial" />
          <div>
            <StateNote state={strain.state} />
            <p>
              <Facts items={[`Energy ${energy(strain.kilojoule, settings)}`, `average heart rate ${number(strain.averageHr, 0, ' bpm')}`, `max ${number(strain.maxHr, 0, ' bpm')}`]} />
            </p>
          </div>
        </div>
      )}
      <h3>Workouts</h3>
      {day.workouts.length === 0 ? (
        <p className="muted">No workout on this day.</p>
      ) : (
        <ul className="plain-list workouts">
          {day.workouts.map((workout) => (
            <li key={workout.start.local} data-testid="day-workout">
              <strong>{sportName(workout.sport)}</strong> <Clock time={workout.start} /> – <Clock time={workout.end} /> ({duration(workout.durationMs)})
              <StateNote state={workout.state} />
              <div>
                <Facts
                  items={[
                    `Strain ${number(workout.strain, 1)}`,
                    `average ${number(workout.averageHr, 0, ' bpm')}`,
                    `max ${number(workout.maxHr, 0, ' bpm')}`,
                    energy(workout.kilojoule, settings),
                    workout.distanceMeter !== null && distance(workout.distanceMeter, settings),
                    workout.altitudeGainMeter !== null && `climbed ${Math.round(settings?.unitSystem === 'imperial' ? workout.altitudeGainMeter * 3.28084 : workout.altitudeGainMeter)} ${settings?.unitSystem === 'imperial' ? 'ft' : 'm'}`
                  ]}
                />
              </div>
              {workout.zonesMs && (
                <div className="zone-times">
                  {workout.zonesMs.map((ms, zone) => (
                    <span key={zone}>
                      Zone {zone}
                      {zones[zone] && ` (${zoneBpmText(zones[zone])})`}: {duration(ms)}
                    </span>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  )
}

function JournalSection({ day }: { day: DayDetail }) {
  return (
    <Card className="day-card" data-testid="day-journal" aria-labelledby="day-journal-title">
      <h2 id="day-journal-title">Tags and journal</h2>
      <h3>Your tags</h3>
      <DayTagEditor date={day.date} tags={day.tags} />
      <h3>WHOOP journal</h3>
      {day.journal.length > 0 ? (
        <>
          <p className="muted" data-testid="day-journal-answered">
            About this day, answered the morning of {dayName(day.journal[0].answeredOn)}.
          </p>
          <ul className="plain-list">
            {day.journal.map((answer) => (
              <li key={answer.question}>
                {answer.question} <strong>{answer.answeredYes === null ? 'no answer' : answer.answeredYes ? 'Yes' : 'No'}</strong>
                {answer.notes && <div className="muted">{answer.notes}</div>}
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p className="muted">
          {day.hasJournal
            ? 'No journal answers about this day (they are given the next morning).'
            : "WHOOP's API does not give journal answers. Import WHOOP's data export (Data → Import WHOOP's export) to see them here."}
        </p>
      )}
    </Card>
  )
}

