import { useRef } from 'react'
import type { AppInfo } from '../../../shared/api'
import { rangeSpecs, type DashboardData, type DashboardRange } from '../../../shared/dashboard'
import type { Result } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import type { ConnectionState } from '../connection/useConnection'
import { useDrawnMark } from '../charts/chartTurns'
import { RangePager } from '../charts/RangePager'
import { RangePicker } from '../charts/RangePicker'
import { RecoveryChart } from '../dashboard/RecoveryChart'
import { SleepChart } from '../dashboard/SleepChart'
import { StrainChart } from '../dashboard/StrainChart'
import { LatestDataNotice, ShowLatestButton } from '../charts/LatestDataNotice'
import { RangeSummary } from '../dashboard/RangeSummary'
import { PartialHatch } from '../charts/chartParts'
import { DrawNearView } from '../charts/ChartBox'
import { TodayPanel } from '../today/TodayPanel'
import { finishingText } from '../connection/finishingText'
import { fullDay } from '../format'
import { WelcomePage } from './WelcomePage'
import { Button, ButtonLink } from '../ui/Button'
import { Card } from '../ui/Card'

interface DashboardPageProps {
  appInfo: Result<AppInfo> | undefined
  connection: ConnectionState
  data: DashboardData | null | undefined
  /** Counts the dashboard's reloads (each sync, import or demo), for the Today panel to read its day again. */
  dataVersion: number
  range: DashboardRange
  onRangeChange: (range: DashboardRange) => void
  /** Moves the range's end: to a day, or back to today (`null`). */
  onUntilChange: (until: string | null) => void
  onSync: () => void
  onDataChanged: () => void
  settings: Settings | undefined
  /** Whether a sync is running now. */
  syncing: boolean
}

export function DashboardPage(props: DashboardPageProps) {
  const { appInfo, connection, data, dataVersion, range, onRangeChange, onUntilChange, onSync, onDataChanged, settings, syncing } = props
  const { status, lastOutcome } = connection
  const showWelcome = data === null && status !== undefined && status.state !== 'connected'
  const emptyRange = data !== null && data !== undefined && data.summary.range.daysWithData === 0
  const latest = data?.latest ?? null
  const page = useRef<HTMLElement>(null)
  useDrawnMark(page, 'data-drawn-range', data?.range)

  async function loadDemo() {
    await api.loadDemoData()
    onDataChanged()
  }
  async function removeDemo() {
    await api.removeDemoData()
    onDataChanged()
  }

  if (showWelcome) return <WelcomePage appInfo={appInfo} connection={connection} onDemo={() => void loadDemo()} />

  return (
    <section ref={page} aria-label="Home" className="page">
      {!data?.summary.today && <h1 className="visually-hidden">Today</h1>}
      {lastOutcome?.ok && syncing && (
        <p role="status" className="success" data-testid="sign-in-success">
          Connected as {lastOutcome.account.firstName} {lastOutcome.account.lastName}. Your WHOOP history is being downloaded.
        </p>
      )}
      {status?.state === 'reconnect-needed' && (
        <div className="notice" role="alert" data-testid="reconnect-notice">
          <span>WHOOP no longer accepts the saved sign-in, so nothing new can be synced. Everything stored stays here.</span>
          <ButtonLink size="small" href="#/settings">
            Connect again
          </ButtonLink>
        </div>
      )}
      {data?.isDemo && (
        <div className="demo-banner" role="note" data-testid="demo-banner">
          <span>
            <strong>Demo data.</strong> Generated for exploring the app; none of it is yours.
          </span>
          <span className="demo-actions">
            <ButtonLink size="small" href="#/settings" data-testid="demo-connect-link">
              Connect your WHOOP account
            </ButtonLink>
            <Button size="small" data-testid="remove-demo-button" onClick={() => void removeDemo()}>
              Remove demo data
            </Button>
          </span>
        </div>
      )}
      {data === null && status?.state === 'connected' && (
        <Card as="p" className="muted" role="status" data-testid="first-sync-note">
          {status.finishing ? finishingText(status.finishing) : 'Your WHOOP history will appear here as soon as the first sync has stored it.'}
        </Card>
      )}
      {data && (
        <LatestDataNotice
          latest={data.latest}
          until={data.until}
          onUntilChange={onUntilChange}
          onSync={status?.state === 'connected' && !syncing ? onSync : undefined}
        />
      )}
      {data?.summary.today && <TodayPanel newest={data.summary.today} dataVersion={dataVersion} settings={settings} onTagsChanged={onDataChanged} />}
      {data && (
        <div className="page-head history-head">
          <h2>History</h2>
          <div className="range-controls">
            <RangePager from={data.from} to={data.to} days={rangeSpecs[data.range].days} latest={data.latest} onUntilChange={onUntilChange} />
            <RangePicker range={range} onChange={onRangeChange} />
          </div>
        </div>
      )}
      {data && <RangeSummary summary={data.summary} from={data.from} to={data.to} settings={settings} />}
      {data && emptyRange && (
        <Card as="div" className="empty-state" data-testid="empty-range">
          <h2>No data from {fullDay(data.from)} to {fullDay(data.to)}</h2>
          <p>
            WHOOP has nothing stored for these days. Sync to fetch newer days, import a WHOOP export, or look at the
            whole history.
          </p>
          <span className="notice-actions">
            {latest && <ShowLatestButton latest={latest.date} onUntilChange={onUntilChange} variant="primary" />}
            <Button data-testid="show-all-button" onClick={() => onRangeChange('all')}>
              Show the whole history
            </Button>
          </span>
        </Card>
      )}
      {data && !emptyRange && (
        <>
          <PartialHatch />
          {/* A long page: what is in view is drawn first, at once; the rest while the page is idle. */}
          <DrawNearView.Provider value={true}>
            <RecoveryChart points={data.recovery} bucket={data.bucket} tags={data.tags} settings={settings} />
            <SleepChart points={data.sleep} bucket={data.bucket} />
            <StrainChart points={data.strain} bucket={data.bucket} sports={data.sports} zonesMs={data.zonesMs} maxHeartRate={data.summary.body?.maxHeartRate ?? null} settings={settings} />
          </DrawNearView.Provider>
        </>
      )}
    </section>
  )
}
