import type { DashboardSummary } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { duration, energy, height, number, recoveryColor, weight } from '../format'

const stateNote = (state: string | null | undefined) =>
  state === 'PENDING_SCORE' ? 'WHOOP is still scoring' : state === 'UNSCORABLE' ? 'WHOOP could not score this' : undefined

/** Today, last night, and the range at a glance. */
export function SummaryCards({ summary, settings }: { summary: DashboardSummary; settings: Settings | undefined }) {
  const { today, lastNight, range, body } = summary
  return (
    <div className="summary">
      <section className="card summary-card" data-testid="today-card" aria-label="Today">
        <h2>Today</h2>
        {today ? (
          <>
            <div className="big-figures">
              <div>
                <span className="big" style={{ color: recoveryColor(today.recovery) }}>
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
      <section className="card summary-card" data-testid="last-night-card" aria-label="Last night">
        <h2>Last night</h2>
        {lastNight ? (
          <>
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
