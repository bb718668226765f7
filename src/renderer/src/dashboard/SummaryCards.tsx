import type { DashboardSummary } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { duration, energy, fullDay, height, number, recoveryTextColor, weight } from '../format'

const stateNote = (state: string | null | undefined) =>
  state === 'PENDING_SCORE' ? 'WHOOP is still scoring' : state === 'UNSCORABLE' ? 'WHOOP could not score this' : undefined

/** Names the newest day as a person would: only today's is "Today". */
const dayHeading = (daysOld: number | undefined, names: [today: string, yesterday: string, older: string]) =>
  daysOld === undefined || daysOld === 0 ? names[0] : daysOld === 1 ? names[1] : names[2]

/** Today, last night, and the range at a glance, each with the date it is about. */
export function SummaryCards({ summary, settings }: { summary: DashboardSummary; settings: Settings | undefined }) {
  const { today, lastNight, range, body } = summary
  const dayTitle = dayHeading(today?.daysOld, ['Today', 'Yesterday', 'Latest day'])
  const nightTitle = dayHeading(lastNight?.daysOld, ['Last night', 'The night before', 'Latest night'])
  return (
    <div className="summary">
      <section className="card summary-card" data-testid="today-card" aria-label={dayTitle}>
        <h2>{dayTitle}</h2>
        {today ? (
          <>
            <p className="card-date" data-testid="today-date" data-date={today.date}>
              {fullDay(today.date)}
            </p>
            <div className="big-figures">
              <div>
                <span className="big" style={{ color: recoveryTextColor(today.recovery) }}>
                  {number(today.recovery, 0, '%')}
                </span>
                <span className="caption">Recovery</span>
              </div>
              <div>
                <span className="big">{number(today.strain, 1)}</span>
                <span className="caption">Strain</span>
              </div>
            </div>
            <p className="muted">
              HRV {number(today.hrv, 0, ' ms')} · Resting HR {number(today.restingHr, 0, ' bpm')} · {energy(today.kilojoule, settings)}
            </p>
            {stateNote(today.recoveryState) && <span className="badge pending">Recovery: {stateNote(today.recoveryState)}</span>}
          </>
        ) : (
          <p className="muted">No data yet.</p>
        )}
      </section>
      <section className="card summary-card" data-testid="last-night-card" aria-label={nightTitle}>
        <h2>{nightTitle}</h2>
        {lastNight ? (
          <>
            <p className="card-date" data-testid="last-night-date" data-date={lastNight.date}>
              Woke {fullDay(lastNight.date)}
            </p>
            <div className="big-figures">
              <div>
                <span className="big">{duration(lastNight.asleepMs)}</span>
                <span className="caption">Asleep of {duration(lastNight.needMs)} needed</span>
              </div>
              <div>
                <span className="big">{number(lastNight.performance, 0, '%')}</span>
                <span className="caption">Performance</span>
              </div>
            </div>
            <p className="muted">
              Efficiency {number(lastNight.efficiency, 0, '%')} · Respiratory rate {number(lastNight.respiratoryRate, 1, ' rpm')}
            </p>
            {stateNote(lastNight.state) && <span className="badge pending">{stateNote(lastNight.state)}</span>}
          </>
        ) : (
          <p className="muted">No sleep recorded yet.</p>
        )}
      </section>
      <section className="card summary-card" data-testid="range-card" aria-label="This range">
        <h2>This range</h2>
        <p className="card-date" data-testid="range-days">
          Means of {range.daysWithData} {range.daysWithData === 1 ? 'day' : 'days'} with data
        </p>
        <dl className="facts compact">
          <dt>Recovery</dt>
          <dd>{number(range.recovery, 0, '%')}</dd>
          <dt>HRV</dt>
          <dd>{number(range.hrv, 0, ' ms')}</dd>
          <dt>Resting HR</dt>
          <dd>{number(range.restingHr, 0, ' bpm')}</dd>
          <dt>Sleep</dt>
          <dd>{duration(range.asleepMs)}</dd>
          <dt>Strain</dt>
          <dd>{number(range.strain, 1)}</dd>
          <dt>Workouts</dt>
          <dd>{range.workouts}</dd>
        </dl>
        {body && (
          <p className="muted" data-testid="body-measurements">
            {height(body.heightMeter, settings)} · {weight(body.weightKilogram, settings)} · max HR {body.maxHeartRate} bpm
          </p>
        )}
      </section>
    </div>
  )
}
