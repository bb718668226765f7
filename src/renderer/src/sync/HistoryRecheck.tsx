import type { SyncState } from './useSync'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'

/**
 * "Check the whole history again": every stored record re-read from WHOOP at once, instead of the
 * week's share each sync re-reads. Its progress and outcome are the top bar's, as for any sync.
 */
export function HistoryRecheck({ sync }: { sync: SyncState }) {
  const running = sync.progress !== undefined || sync.status?.running
  return (
    <Card aria-labelledby="recheck-title">
      <h2 id="recheck-title">Whole history</h2>
      <p className="muted">
        Every sync re-reads the newest days and a share of the older history, so that edits and deletions made at WHOOP
        reach this computer within a week. To check every record now (a few hundred requests for five years), run it
        all at once.
      </p>
      <Button
        data-testid="recheck-history-button"
        disabled={!sync.status?.connected || running}
        onClick={() => void sync.start({ wholeHistory: true })}
      >
        Check the whole history again
      </Button>
    </Card>
  )
}
