import type { DashboardSummary } from '../../../shared/dashboard'
import type { Settings } from '../../../shared/settings'
import { duration, fullDay, height, number, weight } from '../format'
import { Card } from '../ui/Card'
import { Stats } from '../ui/Stats'
import { grouped } from '../../../shared/numberText'

/** The range at a glance, in one line: its days, the means of its days, and the member's body. */
export function RangeSummary({ summary, from, to, settings }: { summary: DashboardSummary; from: string; to: string; settings: Settings | undefined }) {
  const { range, body } = summary
  const stats: [label: string, value: string][] = [
    ['Recovery', number(range.recovery, 0, '%')],
    ['HRV', number(range.hrv, 0, ' ms')],
    ['Resting HR', number(range.restingHr, 0, ' bpm')],
    ['Sleep', duration(range.asleepMs)],
    ['Strain', number(range.strain, 1)],
    ['Workouts', grouped(range.workouts)]
  ]
  return (
    <Card className="range-summary" data-testid="range-card" aria-labelledby="range-title">
      <div>
        <h2 id="range-title">This range</h2>
        <p className="card-date" data-testid="range-dates">
          {fullDay(from)} – {fullDay(to)}
        </p>
        <p className="card-date" data-testid="range-days">
          Means of {grouped(range.daysWithData)} {range.daysWithData === 1 ? 'day' : 'days'} with data
        </p>
      </div>
      <Stats items={stats} />
      {body && (
        <p className="muted body-facts" data-testid="body-measurements">
          {height(body.heightMeter, settings)} · {weight(body.weightKilogram, settings)} · max HR {body.maxHeartRate} bpm
        </p>
      )}
    </Card>
  )
}
