import { useState } from 'react'
import type { Diagnostics } from '../../../shared/diagnostics'
import { REQUESTS_LEFT_TO_THE_PERSON } from '../../../shared/sync'
import { api } from '../api'
import { fileSize } from '../format'
import { grouped } from '../../../shared/numberText'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'

const signInWords: Record<string, string> = {
  connected: 'Connected',
  'not-connected': 'Not connected',
  'reconnect-needed': 'WHOOP asks you to connect again'
}

/** Where the sign-in is kept, by the names Electron gives the systems' secret stores. */
const storageWords: Record<string, string> = {
  basic_text: 'no system keyring',
  gnome_libsecret: 'the GNOME keyring',
  kwallet: 'KDE Wallet',
  kwallet5: 'KDE Wallet',
  kwallet6: 'KDE Wallet',
  keychain: 'the macOS Keychain',
  dpapi: 'Windows’ data protection'
}

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
            integrity {report.database.integrity}, {fileSize(report.database.bytes)}, schema {report.database.schemaVersion}
          </dd>
          <dt>WHOOP sign-in</dt>
          <dd>
            {signInWords[report.token.state] ?? report.token.state}
            {report.token.expiresAt ? `, access renews by ${new Date(report.token.expiresAt).toLocaleString()}` : ''}
            {report.token.hasRefreshToken ? ', can renew itself' : ''}
          </dd>
          <dt>Secret storage</dt>
          <dd>
            {storageWords[report.token.storageBackend] ?? report.token.storageBackend}: {report.token.persistent ? 'kept across restarts' : 'kept in memory only'}
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
          <dt>Requests today</dt>
          <dd data-testid="diagnostics-requests">
            {grouped(report.dailyRequests.sent)} of WHOOP’s {grouped(report.dailyRequests.limit)} a day in the last 24 hours
            (background syncs wait above {grouped(report.dailyRequests.limit - REQUESTS_LEFT_TO_THE_PERSON)}, leaving the rest to you)
          </dd>
        </dl>
      )}
    </Card>
  )
}
