import type { AppInfo } from '../../../shared/api'
import type { Result } from '../../../shared/result'

export function DataPage({ appInfo }: { appInfo: Result<AppInfo> | undefined }) {
  return (
    <section aria-labelledby="data-title" className="page">
      <h1 id="data-title">Data</h1>
      <div className="card">
        <h2>Where your data lives</h2>
        {appInfo?.ok ? (
          <dl className="facts">
            <dt>Data folder</dt>
            <dd data-testid="data-dir">
              <code>{appInfo.value.dataDir}</code>
            </dd>
            <dt>Database</dt>
            <dd>
              <code>{appInfo.value.databaseFile}</code>
            </dd>
            <dt>Database schema</dt>
            <dd data-testid="schema-version">version {appInfo.value.schemaVersion}</dd>
            <dt>WHOOP server</dt>
            <dd data-testid="whoop-server">
              <code>{appInfo.value.whoopApiBaseUrl}</code>
            </dd>
            <dt>App version</dt>
            <dd>{appInfo.value.version}</dd>
          </dl>
        ) : (
          <p role="status">{appInfo ? appInfo.error.message : 'Loading…'}</p>
        )}
      </div>
    </section>
  )
}
