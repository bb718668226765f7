import { useState } from 'react'
import type { Diagnostics } from '../../../shared/diagnostics'
import { api } from '../api'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`

/**
 * Health checks for a bug report, and the way to the log files. Never shows a token; reaches WHOOP
 * only with "Check connection to WHOOP".
 */
export function DiagnosticsPanel() {
  const [report, setReport] = useState<Diagnostics>()
  const [busy, setBusy] = useState(false)
  const [logs, setLogs] = useState<string>()

  async function run(reachWhoop: boolean) {
    setBusy(true)
    const result = await api.getDiagnostics({ reachWhoop })
    if (result.ok) setReport(result.value)
    setBusy(false)
  }

  async function openLogs() {
    const result = await api.openLogsFolder()
    if (result.ok) setLogs(result.value.opened ? undefined : result.value.folder)
  }

  return (
    <Card aria-labelledby="diagnostics-title">
      <h2 id="diagnostics-title">Diagnostics</h2>
      <div className="choices">
        <Button data-testid="diagnostics-button" disabled={busy} onClick={() => void run(false)}>
          {busy ? 'Checking…' : 'Run checks'}
        </Button>
        <Button data-testid="check-connection-button" disabled={busy} onClick={() => void run(true)}>
          Check connection to WHOOP
        </Button>
        <Button data-testid="open-logs-button" onClick={() => void openLogs()}>
          Open logs folder
        </Button>
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
          <dd>{report.whoop ? report.whoop.detail : 'not contacted (Check connection to WHOOP asks it)'}</dd>
          <dt>Rate limit</dt>
          <dd data-testid="diagnostics-rate-limit">
            {!report.rateLimit
              ? 'no request made yet'
              : report.rateLimit.expired
                ? `the last window ended at ${new Date(report.rateLimit.resetsAt).toLocaleTimeString()}: the full budget of ${report.rateLimit.limit} requests is available`
                : `${report.rateLimit.remaining} of ${report.rateLimit.limit} requests left until ${new Date(report.rateLimit.resetsAt).toLocaleTimeString()}`}
          </dd>
        </dl>
      )}
    </Card>
  )
}
