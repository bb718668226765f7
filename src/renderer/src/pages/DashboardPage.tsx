import type { AppInfo } from '../../../shared/api'
import type { Result } from '../../../shared/result'

export function DashboardPage({ appInfo }: { appInfo: Result<AppInfo> | undefined }) {
  return (
    <section aria-labelledby="dashboard-title" className="page">
      <h1 id="dashboard-title">Dashboard</h1>
      <div className="card empty-state">
        <h2>No WHOOP data yet</h2>
        <p>
          Your recovery, sleep and strain will appear here once a WHOOP account is connected and synced. Everything is
          kept in a database on this computer
          {appInfo?.ok ? (
            <>
              {' '}
              (<code>{appInfo.value.databaseFile}</code>)
            </>
          ) : null}
          .
        </p>
      </div>
    </section>
  )
}
