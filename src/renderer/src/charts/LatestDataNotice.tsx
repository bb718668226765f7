import type { ComponentProps } from 'react'
import type { LatestDay } from '../../../shared/dashboard'
import { fullDay } from '../format'
import { Button } from '../ui/Button'

interface LatestDataNoticeProps {
  latest: LatestDay | null
  /** The day the person chose the range to end on, or `null` for today. */
  until: string | null
  onUntilChange: (until: string | null) => void
  /** Starts a sync; absent when there is no connected account to sync. */
  onSync: (() => void) | undefined
}

/**
 * Says when the data is older than yesterday, and offers each way to newer days: sync, import, or
 * the range moved back to end on the latest data. While the range ends on a chosen day, says so.
 */
export function LatestDataNotice({ latest, until, onUntilChange, onSync }: LatestDataNoticeProps) {
  if (until !== null) {
    return (
      <div className="notice" data-testid="range-until" role="status">
        <span>Showing the days up to {fullDay(until)}.</span>
        <Button size="small" data-testid="back-to-today-button" onClick={() => onUntilChange(null)}>
          Back to today
        </Button>
      </div>
    )
  }
  if (latest === null || latest.daysOld <= 1) return null
  return (
    <div className="notice" data-testid="stale-data" role="status">
      <span>
        Latest data: {fullDay(latest.date)}. {onSync ? 'Sync to fetch newer days, or ' : 'To see newer days, '}
        <a href="#/data">import a newer WHOOP export</a>.
      </span>
      <span className="notice-actions">
        {onSync && (
          <Button size="small" data-testid="stale-sync-button" onClick={onSync}>
            Sync now
          </Button>
        )}
        <ShowLatestButton latest={latest.date} onUntilChange={onUntilChange} size="small" />
      </span>
    </div>
  )
}

/** Ends the range on the latest day with data. */
export function ShowLatestButton({ latest, onUntilChange, ...look }: { latest: string; onUntilChange: (until: string) => void } & Pick<ComponentProps<typeof Button>, 'variant' | 'size'>) {
  return (
    <Button {...look} data-testid="show-latest-button" onClick={() => onUntilChange(latest)}>
      Show the days up to {fullDay(latest)}
    </Button>
  )
}
