import type { CSSProperties } from 'react'
import { Legend } from '../charts/chartParts'
import { zoneLegend } from '../charts/seriesColors'
import { fullDay, number, recoveryColor } from '../format'
import { Card } from '../ui/Card'

const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' })
const weekdayName = new Intl.DateTimeFormat(undefined, { weekday: 'short', timeZone: 'UTC' })
/** Every other weekday is named, as calendars of a year do: Mon, Wed, Fri (2024-01-01 was a Monday). */
const namedWeekdays = [0, 2, 4].map((weekday) => ({ weekday, name: weekdayName.format(Date.UTC(2024, 0, 1 + weekday)) }))
/** A month's or a year's name needs about this many week columns. */
const LABEL_WEEKS = 3

/**
 * A year of days, a square each, coloured by recovery zone: a column per week (Monday on top), the
 * months named above the week they begin in, and above them the years (the year shown spans two),
 * and the zones' key below. The squares share out the card's width.
 */
export function RecoveryCalendar({ calendar }: { calendar: { date: string; recovery: number | null }[] }) {
  // The first column is the first day's week: its Monday may lie before the year shown.
  const offset = (new Date(`${calendar[0].date}T00:00:00Z`).getUTCDay() + 6) % 7
  const place = (index: number) => ({ week: Math.floor((offset + index) / 7), weekday: (offset + index) % 7 })
  const weeks = place(calendar.length - 1).week + 1
  const startsOf = (period: (date: string) => boolean) => calendar.flatMap((day, index) => (period(day.date) ? [{ date: day.date, week: place(index).week }] : []))
  // The first column is named too, unless the next month's (or year's) name would collide with it.
  const withFirst = (starts: { date: string; week: number }[]) => (starts[0]?.week < LABEL_WEEKS ? starts : [{ date: calendar[0].date, week: 0 }, ...starts])
  const months = withFirst(startsOf((date) => date.endsWith('-01')))
  const years = withFirst(startsOf((date) => date.endsWith('-01-01')))
  const labels = [
    ...years.map(({ date, week }) => ({ key: `year-${date}`, className: 'calendar-year', week, text: date.slice(0, 4) })),
    ...months.map(({ date, week }) => ({ key: `month-${date}`, className: 'calendar-month', week, text: monthName.format(Date.parse(`${date}T00:00:00Z`)) }))
  ]
  return (
    <Card data-testid="recovery-calendar" aria-labelledby="calendar-title">
      <h2 id="calendar-title">
        Recovery, {fullDay(calendar[0].date)} – {fullDay(calendar.at(-1)!.date)}
      </h2>
      <div className="calendar" role="list" style={{ '--weeks': weeks } as CSSProperties}>
        {labels.map(({ key, className, week, text }) => (
          // Never past the last week: a column more would narrow every square.
          <span key={key} className={className} aria-hidden="true" style={{ gridColumn: `${week + 2} / span ${Math.min(LABEL_WEEKS, weeks - week)}` }}>
            {text}
          </span>
        ))}
        {namedWeekdays.map(({ weekday, name }) => (
          <span key={`weekday-${weekday}`} className="calendar-weekday" aria-hidden="true" style={{ gridRow: weekday + 3 }}>
            {name}
          </span>
        ))}
        {calendar.map((day, index) => {
          const { week, weekday } = place(index)
          const text = `${fullDay(day.date)}: ${day.recovery === null ? 'no recovery' : number(day.recovery, 0, '%')}`
          return (
            <a
              key={day.date}
              role="listitem"
              href={`#/day/${day.date}`}
              className="calendar-day"
              style={{ gridRow: weekday + 3, gridColumn: week + 2, background: day.recovery === null ? undefined : recoveryColor(day.recovery) }}
              title={text}
              aria-label={text}
              data-date={day.date}
              tabIndex={-1}
            />
          )
        })}
      </div>
      <Legend items={[...zoneLegend, { key: 'none', label: 'No recovery', color: 'var(--surface-2)' }]} />
    </Card>
  )
}
