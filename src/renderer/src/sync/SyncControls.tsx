import { useEffect, useState } from 'react'
import type { ConnectionStatus } from '../../../shared/connection'
import { failureCauses, syncResourceNames, type ResourceOutcome } from '../../../shared/sync'
import type { SyncState } from './useSync'

function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine)
  useEffect(() => {
    const update = () => setOnline(navigator.onLine)
    window.addEventListener('online', update)
    window.addEventListener('offline', update)
    return () => {
      window.removeEventListener('online', update)
      window.removeEventListener('offline', update)
    }
  }, [])
  return online
}

const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })
const dayFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' })

/** "about 3 min left", rounded up: an estimate says no more than it knows. */
function timeLeft(seconds: number): string {
  if (seconds < 60) return 'less than a minute left'
  const minutes = Math.ceil(seconds / 60)
  return minutes < 120 ? `about ${minutes} min left` : `about ${Math.ceil(minutes / 60)} h left`
}

/**
 * Always in the top bar: the sync button (or, when WHOOP refused the saved sign-in, "Connect
 * again"), what it is doing, and how the last sync went, one line per cause.
 */
export function SyncControls({ sync, connection }: { sync: SyncState; connection: ConnectionStatus['state'] | undefined }) {
  const { status, progress, result, error, start, cancel } = sync
  const online = useOnline()
  const running = progress !== undefined || status?.running
  const lastSuccess = status?.resources
    .map((resource) => resource.lastSuccessAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(0)
  const failures = result?.resources.filter((outcome) => outcome.status === 'failed') ?? []
  // The problems stay in view until the person dismisses them or the next run ends.
  const [dismissedRun, setDismissedRun] = useState<number>()

  return (
    <div className="sync">
      {!online && (
        <span className="badge offline" data-testid="offline-indicator" title="Your data is still here; syncing needs the internet.">
          Offline
        </span>
      )}
      <span data-testid="sync-status" role="status" aria-live="polite" className="sync-status">
        {running
          ? progress?.waitingUntil
            ? `Waiting for WHOOP’s rate limit until ${new Date(progress.waitingUntil).toLocaleTimeString()}…`
            : progress?.resource
              ? `Syncing ${syncResourceNames[progress.resource]}: ${progress.records.toLocaleString()} records${progress.reachedBack ? `, back to ${dayFormat.format(new Date(progress.reachedBack))}` : ''}${progress.estimate ? ` of ${dayFormat.format(new Date(progress.estimate.historyStart))}, ${timeLeft(progress.estimate.secondsLeft)}` : ''}`
              : 'Syncing…'
          : error
            ? error
            : result
              ? summary(result.status, failures)
              : status?.connected
                ? 'Ready to sync'
                : 'Not connected'}
      </span>
      <span data-testid="last-synced" className="last-synced">
        {lastSuccess ? `Last synced ${timeFormat.format(new Date(lastSuccess))}` : 'Never synced'}
      </span>
      {running ? (
        <button type="button" className="button" data-testid="sync-cancel" onClick={cancel}>
          Cancel
        </button>
      ) : connection === 'reconnect-needed' ? (
        <a className="button primary" href="#/settings" data-testid="reconnect-button" title="WHOOP no longer accepts the saved sign-in; your data stays">
          Connect again
        </a>
      ) : (
        <button
          type="button"
          className="button primary"
          data-testid="sync-button"
          onClick={() => void start()}
          disabled={!status?.connected}
          title={status?.connected ? 'Sync with WHOOP (S)' : 'Connect a WHOOP account first'}
          aria-keyshortcuts="s"
        >
          Sync
        </button>
      )}
      {result && failures.length > 0 && !running && dismissedRun !== result.runId && (
        <div className="sync-errors" data-testid="sync-errors">
          <ul>
            {failureCauses(result).map(({ message, resources }) => (
              <li key={message}>
                {resources.length > 0 && <strong>{resources.join(', ')}: </strong>}
                {message}
              </li>
            ))}
          </ul>
          <button type="button" className="button small" aria-label="Dismiss" data-testid="sync-errors-dismiss" onClick={() => setDismissedRun(result.runId)}>
            ×
          </button>
        </div>
      )}
    </div>
  )
}

function summary(status: string, failures: ResourceOutcome[]): string {
  if (status === 'succeeded') return 'Synced'
  if (status === 'cancelled') return 'Sync cancelled; what was downloaded is kept'
  if (status === 'failed') return 'Sync failed'
  return `Synced with problems: ${failures.map((outcome) => syncResourceNames[outcome.resource]).join(', ')} failed`
}
