import { addDays } from '../../../shared/calendar'
import type { LatestDay } from '../../../shared/dashboard'
import { fullDay } from '../format'
import { Button } from '../ui/Button'

interface PagedRange {
  /** The days shown. */
  from: string
  to: string
  /** The range's length in days; `null` (the whole history) has nothing before or after it. */
  days: number | null
  latest: LatestDay | null
}

/**
 * Where a range ends one step back or forward in time: the same number of days just before, or just
 * after; `null` once it would reach today (the usual range), `undefined` where it cannot move.
 */
export function steppedUntil(direction: 'back' | 'forward', { from, to, days, latest }: PagedRange): string | null | undefined {
  if (days === null || latest === null) return undefined
  if (direction === 'back') return addDays(from, -1)
  const today = addDays(latest.date, latest.daysOld)
  if (to >= today) return undefined
  const later = addDays(to, days)
  return later >= today ? null : later
}

/**
 * Walks a range back and forth in time: "Earlier" shows the same number of days just before, and
 * "Later" the days after, back to the usual range (ending today) once it would reach today; the
 * date field picks the range's last day, and "Today" comes back.
 */
export function RangePager({ onUntilChange, ...range }: PagedRange & { onUntilChange: (until: string | null) => void }) {
  const { from, to, days, latest } = range
  if (days === null || latest === null) return null
  const today = addDays(latest.date, latest.daysOld)
  const later = steppedUntil('forward', range)
  return (
    <div className="range-pager" role="group" aria-label="Move in time">
      <Button size="small" data-testid="period-back" title={`The ${days} days up to ${fullDay(addDays(from, -1))} ([)`} onClick={() => onUntilChange(steppedUntil('back', range)!)}>
        ← Earlier
      </Button>
      <input
        type="date"
        className="range-end"
        data-testid="range-end-date"
        aria-label="Show the days up to"
        title="Show the days up to this day"
        value={to}
        max={today}
        onChange={(event) => event.target.value && onUntilChange(event.target.value >= today ? null : event.target.value)}
      />
      <Button
        size="small"
        data-testid="period-forward"
        disabled={later === undefined}
        title={later === undefined ? 'These are the newest days' : later === null ? 'The days up to today (])' : `The ${days} days up to ${fullDay(later)} (])`}
        onClick={() => later !== undefined && onUntilChange(later)}
      >
        Later →
      </Button>
      {to < today && (
        <Button size="small" data-testid="period-today" title="Back to the days up to today" onClick={() => onUntilChange(null)}>
          Today
        </Button>
      )}
    </div>
  )
}
