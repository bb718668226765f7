import type { AppInfo } from '../../../shared/api'
import type { DashboardData, DashboardRange } from '../../../shared/dashboard'
import type { Result } from '../../../shared/result'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { ConnectWizard } from '../connection/ConnectWizard'
import type { ConnectionState } from '../connection/useConnection'
import { RangePicker } from '../dashboard/RangePicker'
import { RecoveryChart } from '../dashboard/RecoveryChart'
import { SleepChart } from '../dashboard/SleepChart'
import { StrainChart } from '../dashboard/StrainChart'
import { SummaryCards } from '../dashboard/SummaryCards'

interface DashboardPageProps {
  appInfo: Result<AppInfo> | undefined
  connection: ConnectionState
  data: DashboardData | null | undefined
  range: DashboardRange
  onRangeChange: (range: DashboardRange) => void
  onDataChanged: () => void
  settings: Settings | undefined
}

export function DashboardPage({ appInfo, connection, data, range, onRangeChange, onDataChanged, settings }: DashboardPageProps) {
  const { status, lastOutcome } = connection
  const showOnboarding = data === null && status !== undefined && status.state !== 'connected'

  async function loadDemo() {
    await api.loadDemoData()
    onDataChanged()
  }
  async function removeDemo() {
    await api.removeDemoData()
    onDataChanged()
  }

  return (
    <section aria-labelledby="dashboard-title" className="page">
      <div className="page-head">
        <h1 id="dashboard-title">Dashboard</h1>
        {data && <RangePicker range={range} onChange={onRangeChange} />}
      </div>
      {lastOutcome?.ok && (
        <p role="status" className="success" data-testid="sign-in-success">
          Connected as {lastOutcome.account.firstName} {lastOutcome.account.lastName}. Your WHOOP history is being downloaded.
        </p>
      )}
      {data?.isDemo && (
        <div className="demo-banner" role="note" data-testid="demo-banner">
          <span>
            <strong>Demo data.</strong> Generated for exploring the app; none of it is yours.
          </span>
          <button type="button" className="button small" data-testid="remove-demo-button" onClick={() => void removeDemo()}>
            Remove demo data
          </button>
        </div>
      )}
      {showOnboarding && (
        <div className="card onboarding">
          <h2>Welcome to WHOOP Desktop</h2>
          <p>
            Keep your whole WHOOP history on this computer and look at it offline. Everything is stored in a database on
            this computer
            {appInfo?.ok ? (
              <>
                {' '}
                (<code>{appInfo.value.databaseFile}</code>)
              </>
            ) : null}
            ; nothing leaves it except the app’s own calls to WHOOP.
          </p>
          <div className="choices">
            <button type="button" className="button" data-testid="demo-button" onClick={() => void loadDemo()}>
              Explore demo data
            </button>
            <a className="button" href="#/data" data-testid="onboarding-import-link">
              Import a WHOOP export
            </a>
          </div>
          <h3>Connect your WHOOP account</h3>
          <ConnectWizard connection={connection} />
        </div>
      )}
      {data === null && status?.state === 'connected' && (
        <p className="card muted" role="status">
          Your WHOOP history will appear here as soon as the first sync has stored it.
        </p>
      )}
      {data && (
        <>
          <SummaryCards summary={data.summary} settings={settings} />
          <RecoveryChart points={data.recovery} bucket={data.bucket} settings={settings} />
          <SleepChart points={data.sleep} bucket={data.bucket} />
          <StrainChart points={data.strain} bucket={data.bucket} sports={data.sports} zonesMs={data.zonesMs} settings={settings} />
        </>
      )}
    </section>
  )
}
