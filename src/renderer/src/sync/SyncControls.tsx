import { useEffect, useState } from 'react'
import type { ResourceOutcome } from '../../../shared/sync'
import type { SyncState } from './useSync'

const resourceNames: Record<string, string> = {
  profile: 'profile',
  bodyMeasurement: 'body measurements',
  cycle: 'strain (cycles)',
  sleep: 'sleep',
  recovery: 'recovery',
  workout: 'workouts'
}

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

/** Always in the top bar: the sync button, what it is doing, and how the last sync went. */
export function SyncControls({ sync }: { sync: SyncState }) {
  const { status, progress, result, error, start, cancel } = sync
  const online = useOnline()
  const running = progress !== undefined || status?.running
  const lastSuccess = status?.resources
    .map((resource) => resource.lastSuccessAt)
    .filter((at): at is string => at !== null)
    .sort()
    .at(0)
  const failures = result?.resources.filter((outcome) => outcome.status === 'failed') ?? []

  return (
    <div className="sync">
      {!online && (
        <span className="badge offline" data-testid="offline-indicator" title="Your data is still here; syncing needs the internet.">
          Offline
        </span>
      )}
      <span data-testid="sync-status" role="status" aria-live="polite" className="sync-status">
        {running
          ? progress?.waitingUntil && progress.waitingUntil > Date.now()
            ? `Waiting for WHOOP’s rate limit until ${new Date(progress.waitingUntil).toLocaleTimeString()}…`
            : progress?.resource
              ? `Syncing ${resourceNames[progress.resource]}: ${progress.records.toLocaleString()} records`
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
      {failures.length > 0 && !running && (
        <ul className="sync-errors" data-testid="sync-errors">
          {failures.map((outcome) => (
            <li key={outcome.resource}>
              <strong>{resourceNames[outcome.resource]}:</strong> {outcome.error?.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}

function summary(status: string, failures: ResourceOutcome[]): string {
  if (status === 'succeeded') return 'Synced'
  if (status === 'cancelled') return 'Sync cancelled; what was downloaded is kept'
  return `Synced with problems: ${failures.map((outcome) => resourceNames[outcome.resource]).join(', ')} failed`
}
