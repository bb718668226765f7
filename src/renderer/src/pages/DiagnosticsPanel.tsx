import { useState } from 'react'
import type { Diagnostics } from '../../../shared/diagnostics'
import { api } from '../api'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/** Health checks for a bug report, and the way to the log files. Never shows a token. */
export function DiagnosticsPanel() {
  const [report, setReport] = useState<Diagnostics>()
  const [busy, setBusy] = useState(false)
  const [logs, setLogs] = useState<string>()

  async function run() {
    setBusy(true)
    const result = await api.getDiagnostics()
    if (result.ok) setReport(result.value)
    setBusy(false)
  }

  async function openLogs() {
    const result = await api.openLogsFolder()
    if (result.ok) setLogs(result.value.opened ? undefined : result.value.folder)
  }

  return (
    <section className="card" aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <div className="choices">
        <button type="button" className="button" data-testid="diagnostics-button" disabled={busy} onClick={() => void run()}>
          {busy ? 'Checking…' : 'Run checks'}
        </button>
        <button type="button" className="button" data-testid="open-logs-button" onClick={() => void openLogs()}>
          Open logs folder
        </button>
      </div>
      {logs && (
        <p className="muted">
          The logs are in <code>{logs}</code>.
        </p>
      )}
      {report && (
        <dl className="facts" data-testid="diagnostics-report">
          <dt>Database</dt>
          <dd>
            integrity {report.database.integrity}, {megabytes(report.database.bytes)}, schema {report.database.schemaVersion}
          </dd>
          <dt>WHOOP sign-in</dt>
          <dd>
            {report.token.state}
            {report.token.expiresAt ? `, access renews by ${new Date(report.token.expiresAt).toLocaleString()}` : ''}
            {report.token.hasRefreshToken ? ', can renew itself' : ''}
          </dd>
          <dt>Secret storage</dt>
          <dd>
            {report.token.storageBackend} ({report.token.persistent ? 'kept across restarts' : 'memory only'})
          </dd>
          <dt>WHOOP</dt>
          <dd>{report.whoop.detail}</dd>
          <dt>Rate limit</dt>
          <dd>
            {report.rateLimit
              ? `${report.rateLimit.remaining} of ${report.rateLimit.limit} requests left until ${new Date(report.rateLimit.resetsAt).toLocaleTimeString()}`
              : 'no request made yet'}
          </dd>
        </dl>
      )}
    </section>
  )
}
