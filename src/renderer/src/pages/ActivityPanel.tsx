import { useEffect, useState } from 'react'
import type { ActivityEntry } from '../../../shared/diagnostics'
import { api } from '../api'
import { dateTime } from '../format'
import { Card } from '../ui/Card'

/**
 * What happened, newest first: connects, syncs with what each stored, exports, imports, deletions.
 * Read again whenever `latestRun` (the last sync's id) changes, so a sync that ends is listed at once.
 */
export function ActivityPanel({ latestRun }: { latestRun: number | undefined }) {
  const [entries, setEntries] = useState<ActivityEntry[]>()
  useEffect(() => {
    let current = true
    void api.getActivity().then((result) => current && result.ok && setEntries(result.value))
    return () => {
      current = false
    }
  }, [latestRun])
  return (
    <Card aria-labelledby="activity-title">
      <h2 id="activity-title">Activity</h2>
      {entries && entries.length === 0 && <p className="muted">Nothing yet.</p>}
      {entries && entries.length > 0 && (
        <ol className="activity" data-testid="activity-log">
          {entries.slice(0, 30).map((entry, index) => (
            <li key={index} className={entry.ok ? '' : 'failed'}>
              <time dateTime={entry.at}>{dateTime(entry.at)}</time>
              <span>{entry.summary}</span>
            </li>
          ))}
        </ol>
      )}
    </Card>
  )
}
