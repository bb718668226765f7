import type { AppInfo } from '../../../shared/api'
import type { Result } from '../../../shared/result'
import { ConnectWizard } from '../connection/ConnectWizard'
import type { ConnectionState } from '../connection/useConnection'

interface DashboardPageProps {
  appInfo: Result<AppInfo> | undefined
  connection: ConnectionState
}

export function DashboardPage({ appInfo, connection }: DashboardPageProps) {
  const { status, lastOutcome } = connection
  return (
    <section aria-labelledby="dashboard-title" className="page">
      <h1 id="dashboard-title">Dashboard</h1>
      {lastOutcome?.ok && (
        <p role="status" className="success" data-testid="sign-in-success">
          Connected as {lastOutcome.account.firstName} {lastOutcome.account.lastName}. Your WHOOP history is being downloaded.
        </p>
      )}
      {status && status.state !== 'connected' && (
        <div className="card onboarding">
          <h2>Welcome to WHOOP Desktop</h2>
          <p>
            Keep your whole WHOOP history on this computer and look at it offline. Everything is stored in a database
            on this computer
            {appInfo?.ok ? (
              <>
                {' '}
                (<code>{appInfo.value.databaseFile}</code>)
              </>
            ) : null}
            ; nothing leaves it except the app’s own calls to WHOOP.
          </p>
          <ConnectWizard connection={connection} />
        </div>
      )}
    </section>
  )
}
