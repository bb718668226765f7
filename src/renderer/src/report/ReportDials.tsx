import type { MonthReport, TrendMetric } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { recoveryColor } from '../format'
import { changeText, metricText } from '../insights/metricFormat'
import { Dial } from '../ui/Dial'
import { monthName } from './reportMonths'

const dials: { metric: TrendMetric; label: string; max: number; color: (value: number | null) => string }[] = [
  { metric: 'recovery', label: 'Recovery', max: 100, color: recoveryColor },
  { metric: 'sleep-performance', label: 'Sleep performance', max: 100, color: () => 'var(--measure-sleep)' },
  { metric: 'strain', label: 'Day strain', max: 21, color: () => 'var(--measure-strain)' }
]

/** The month's three numbers as WHOOP's dials (means of its days), each against the month before. */
export function ReportDials({ report, settings }: { report: MonthReport; settings: Settings | undefined }) {
  return (
    <section className="report-dials" aria-label="The month's means">
      {dials.map(({ metric, label, max, color }) => {
        const measure = report.measures.find((candidate) => candidate.metric === metric)!
        const value = measure.current.value
        return (
          <figure key={metric} className="report-dial" data-testid={`report-dial-${metric}`}>
            <Dial value={value} max={max} color={color(value)} label={`${label}, mean of ${monthName(report.month)}`} text={metricText(metric, value, settings)} testId={`report-dial-${metric}-value`} />
            <figcaption>
              <strong>{label}</strong>
              <span>mean of {measure.current.days} days</span>
              <span>
                {monthName(report.previousMonth)}: {metricText(metric, measure.previous.value, settings)} ({changeText(metric, value, measure.previous.value, settings)})
              </span>
            </figcaption>
          </figure>
        )
      })}
    </section>
  )
}
