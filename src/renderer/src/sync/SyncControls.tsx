import { useEffect, useState } from 'react'
import type { ConnectionStatus } from '../../../shared/connection'
import { failureCauses, syncResourceNames, type ResourceOutcome } from '../../../shared/sync'
import type { LiveProgress } from '../../../shared/sync'
import type { SyncState } from './useSync'
import { Button, ButtonLink } from '../ui/Button'
import { Badge } from '../ui/Badge'
import { dateFormat, dateTime } from '../format'
import { grouped } from '../../../shared/numberText'

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

const timeFormat = dateFormat({ timeStyle: 'short' })
const dayFormat = dateFormat({ dateStyle: 'medium' })
const monthFormat = dateFormat({ month: 'short', year: 'numeric' })
const sameDay = (a: Date, b: Date) => a.toDateString() === b.toDateString()

/** "about 3 min left", rounded up: an estimate says no more than it knows. */
function timeLeft(seconds: number): string {
  if (seconds < 60) return 'less than a minute left'
  const minutes = Math.ceil(seconds / 60)
  return minutes < 120 ? `about ${minutes} min left` : `about ${Math.ceil(minutes / 60)} h left`
}

/** When the next background sync is due: "at 9:12 AM" today, else with its date. */
export function dueText(nextAt: string, asOf: string): string {
  const next = new Date(nextAt)
  return sameDay(next, new Date(asOf)) ? `at ${timeFormat(next)}` : `on ${dateTime(next)}`
}

/** What the sync is doing, in a few words for the bar, and in full for its tooltip. */
function progressText(progress: LiveProgress): { short: string; full: string } {
  if (progress.waitingUntil) {
    return { short: 'Waiting for WHOOP’s rate limit', full: `Waiting for WHOOP’s rate limit until ${new Date(progress.waitingUntil).toLocaleTimeString()}, then syncing on.` }
  }
  if (!progress.resource) return { short: 'Syncing…', full: 'Syncing with WHOOP…' }
  const name = syncResourceNames[progress.resource]
  const back = progress.reachedBack && new Date(progress.reachedBack)
  const { estimate } = progress
  return {
    short: `Syncing ${name}${estimate ? ` · ${timeLeft(estimate.secondsLeft)}` : back ? ` · back to ${monthFormat(back)}` : ''}`,
    full:
      `Syncing ${name}: ${grouped(progress.records)} records` +
      `${back ? `, back to ${dayFormat(back)}` : ''}` +
      `${estimate ? ` of ${dayFormat(new Date(estimate.historyStart))}, ${timeLeft(estimate.secondsLeft)}` : ''}.`
  }
}

/**
 * Always in the top bar, on one line: the sync button (or, when WHOOP refused the saved sign-in,
 * "Connect again"), what it is doing in a few words (the whole of it in the tooltip), when it last
 * synced, and how the last sync went, one line per cause. Nothing is said before the app has said
 * how things stand.
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
  // The run just watched, or, after a reload, the last one the app kept.
  const lastRun = result ?? status?.lastRun ?? undefined
  const failures = lastRun?.resources.filter((outcome) => outcome.status === 'failed') ?? []
  // The problems stay in view until the person dismisses them, or the next run or attempt ends.
  const problem = error ?? (failures.length > 0 ? result : undefined)
  const [dismissed, setDismissed] = useState<unknown>()
  const text = running
    ? progressText(progress ?? { pages: 0, records: 0 })
    : error
      ? { short: 'Sync did not start', full: error }
      : status === undefined && !result
        ? { short: '', full: '' }
        : !status?.connected && !result
          ? { short: 'Not connected', full: 'No WHOOP account is connected: connect one in Settings to sync.' }
          : lastRun
            ? { short: summary(lastRun.status, failures), full: summary(lastRun.status, failures) }
            : { short: 'Not synced yet', full: 'Not synced yet: press Sync.' }
  const last = lastSuccess ? new Date(lastSuccess) : undefined
  // Today's time alone, an older sync with its date: "today" as the app's clock has it.
  const lastText = last && status && (sameDay(last, new Date(status.asOf)) ? timeFormat : dateTime)(last)
  const nextText = status?.schedule.nextAt && dueText(status.schedule.nextAt, status.asOf)

  return (
    <div className="sync">
      {!online && (
        <Badge className="offline" data-testid="offline-indicator" title="Your data is still here; syncing needs the internet.">
          Offline
        </Badge>
      )}
      <span data-testid="sync-status" role="status" aria-live="polite" className="sync-status" title={text.full}>
        {text.short}
      </span>
      {last && (
        <span data-testid="last-synced" className="last-synced" title={`Last synced ${dateTime(last)}${nextText ? `; the next sync is due ${nextText}` : ''}`}>
          {lastText}
        </span>
      )}
      {running ? (
        <Button data-testid="sync-cancel" onClick={cancel}>
          Cancel
        </Button>
      ) : connection === 'reconnect-needed' ? (
        <ButtonLink variant="primary" href="#/settings" data-testid="reconnect-button" title="WHOOP no longer accepts the saved sign-in; your data stays">
          Connect again
        </ButtonLink>
      ) : (
        <Button
          variant="primary"
          data-testid="sync-button"
          onClick={() => void start()}
          disabled={!status?.connected}
          title={status?.connected ? 'Sync with WHOOP (S)' : 'Connect a WHOOP account first'}
          aria-keyshortcuts="s"
        >
          Sync
        </Button>
      )}
      {problem && !running && dismissed !== problem && (
        <div className="sync-errors" data-testid="sync-errors">
          <ul>
            {error && <li>{error}</li>}
            {!error &&
              result &&
              failureCauses(result).map(({ message, resources }) => (
                <li key={message}>
                  {resources.length > 0 && <strong>{resources.join(', ')}: </strong>}
                  {message}
                </li>
              ))}
          </ul>
          <Button size="small" aria-label="Dismiss" data-testid="sync-errors-dismiss" onClick={() => setDismissed(problem)}>
            ×
          </Button>
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
