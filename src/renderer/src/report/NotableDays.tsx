import type { MonthReport } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { fullDay } from '../format'
import { metricText } from '../insights/metricFormat'

/** The days that stood out: the best and the worst recovery, and the longest night's sleep. */
export function NotableDays({ report, settings }: { report: MonthReport; settings: Settings | undefined }) {
  const { bestRecovery, worstRecovery, longestSleep } = report.notableDays
  const rows = [
    { key: 'best', label: 'Best recovery', day: bestRecovery, text: bestRecovery && metricText('recovery', bestRecovery.value, settings) },
    { key: 'worst', label: 'Lowest recovery', day: worstRecovery, text: worstRecovery && metricText('recovery', worstRecovery.value, settings) },
    { key: 'sleep', label: 'Longest sleep', day: longestSleep, text: longestSleep && metricText('asleep', longestSleep.value, settings) }
  ]
  return (
    <dl className="facts notable-days" data-testid="report-notable-days">
      {rows.map(({ key, label, day, text }) => (
        <div key={key}>
          <dt>{label}</dt>
          <dd>{day ? <a href={`#/day/${day.date}`}>{`${text}, ${fullDay(day.date)}`}</a> : '—'}</dd>
        </div>
      ))}
    </dl>
  )
}
