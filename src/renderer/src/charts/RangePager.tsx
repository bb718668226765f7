import { addDays } from '../../../shared/calendar'
import type { LatestDay } from '../../../shared/dashboard'
import { fullDay } from '../format'
import { Button } from '../ui/Button'

interface RangePagerProps {
  /** The days shown. */
  from: string
  to: string
  /** The range's length in days; `null` (the whole history) has nothing before or after it. */
  days: number | null
  latest: LatestDay | null
  onUntilChange: (until: string | null) => void
}

/**
 * Walks a range back and forth in time: "Earlier" shows the same number of days just before, and
 * "Later" the days after, back to the usual range (ending today) once it would reach today.
 */
export function RangePager({ from, to, days, latest, onUntilChange }: RangePagerProps) {
  if (days === null || latest === null) return null
  const today = addDays(latest.date, latest.daysOld)
  const later = addDays(to, days)
  return (
    <div className="range-pager" role="group" aria-label="Move in time">
      <Button size="small" data-testid="earlier-button" title={`The ${days} days up to ${fullDay(addDays(from, -1))}`} onClick={() => onUntilChange(addDays(from, -1))}>
        ← Earlier
      </Button>
      <Button
        size="small"
        data-testid="later-button"
        disabled={to >= today}
        title={later >= today ? 'The days up to today' : `The ${days} days up to ${fullDay(later)}`}
        onClick={() => onUntilChange(later >= today ? null : later)}
      >
        Later →
      </Button>
    </div>
  )
}
