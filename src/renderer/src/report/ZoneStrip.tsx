import type { CSSProperties } from 'react'
import type { ReportDay } from '../../../shared/insights'
import { Legend } from '../charts/chartParts'
import { zoneLegend } from '../charts/seriesColors'
import { fullDay, number, recoveryColor } from '../format'

/** Every day of the month as a square in its recovery zone's colour, numbered, with the zones' key. */
export function ZoneStrip({ days }: { days: ReportDay[] }) {
  return (
    <div>
      <ol className="zone-strip" style={{ '--days': days.length } as CSSProperties} data-testid="report-zone-strip">
        {days.map((day) => (
          <li key={day.date} title={`${fullDay(day.date)}: ${day.recovery === null ? 'no recovery' : number(day.recovery, 0, '%')}`} data-date={day.date}>
            <span className="zone-day" style={{ background: day.recovery === null ? undefined : recoveryColor(day.recovery) }} />
            <span className="zone-day-number">{Number(day.date.slice(8))}</span>
          </li>
        ))}
      </ol>
      <Legend items={[...zoneLegend, { key: 'none', label: 'No recovery', color: 'var(--surface-2)' }]} />
    </div>
  )
}
