import { useEffect, useState } from 'react'
import type { BackupEntry, BackupsStatus } from '../../../shared/backups'
import type { Result } from '../../../shared/result'
import { api } from '../api'
import { Confirmation } from '../Confirmation'
import { inBrowserHost } from '../exchange/transfer'
import { dateTime, fileSize } from '../format'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'

const kindWords: Record<BackupEntry['kind'], string> = { daily: 'Backup', 'before-restore': 'Kept before a restore' }

interface BackupsPanelProps {
  /** The data changed under the pages (a restore): they read it again. */
  onDataChanged: () => void
}

/**
 * The database's backups: made each day on their own, or now; each can be restored, the data it
 * replaces kept as a backup first so the restore can be undone.
 */
export function BackupsPanel({ onDataChanged }: BackupsPanelProps) {
  const [status, setStatus] = useState<BackupsStatus>()
  const [message, setMessage] = useState<{ kind: 'status' | 'error'; text: string }>()
  const [busy, setBusy] = useState(false)
  const [restoring, setRestoring] = useState<BackupEntry>()

  useEffect(() => {
    void api.getBackups().then((result) => result.ok && setStatus(result.value))
  }, [])

  async function run<T>(work: () => Promise<Result<T>>, done: (value: T) => string | undefined) {
    setBusy(true)
    setMessage(undefined)
    const result = await work()
    setBusy(false)
    if (!result.ok) return setMessage({ kind: 'error', text: result.error.message })
    const text = done(result.value)
    if (text) setMessage({ kind: 'status', text })
    const latest = await api.getBackups()
    if (latest.ok) setStatus(latest.value)
  }

  const backUpNow = () => run(() => api.backUpNow(), (value) => value.backups[0] && `Backup made (${fileSize(value.backups[0].bytes)}).`)
  const chooseFolder = () => run(() => api.chooseBackupFolder(), () => undefined)
  const restore = (backup: BackupEntry) =>
    run(
      () => api.restoreBackup({ name: backup.name }),
      () => {
        setRestoring(undefined)
        onDataChanged()
        return `Restored the backup of ${dateTime(backup.madeAt)}. The data it replaced is listed below as “${kindWords['before-restore']}”: restore it to undo.`
      }
    )

  return (
    <Card aria-labelledby="backups-title">
      <h2 id="backups-title">Backups</h2>
      <p className="muted">
        {status?.nextAt
          ? `A copy of the database is made each day while the app runs; the next is due ${dateTime(status.nextAt)}.`
          : 'Daily backups are off (Settings, under Background).'}{' '}
        The WHOOP sign-in is never in a backup.
      </p>
      {status && (
        <p className="muted" data-testid="backup-folder">
          Kept in <code>{status.folder}</code>
        </p>
      )}
      {status?.lastFailure && (
        <p role="alert" className="error" data-testid="backup-failure">
          The backup of {dateTime(status.lastFailure.at)} failed: {status.lastFailure.message}
        </p>
      )}
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'success'} data-testid="backup-message">
          {message.text}
        </p>
      )}
      <div className="choices">
        <Button data-testid="back-up-now" disabled={busy} onClick={() => void backUpNow()}>
          Back up now
        </Button>
        {!inBrowserHost() && (
          <Button data-testid="choose-backup-folder" disabled={busy} onClick={() => void chooseFolder()}>
            Choose folder…
          </Button>
        )}
      </div>
      {status && status.backups.length === 0 && <p className="muted">No backups yet.</p>}
      {status && status.backups.length > 0 && (
        <table className="backups" data-testid="backup-list">
          <thead>
            <tr>
              <th scope="col">Made</th>
              <th scope="col">Kind</th>
              <th scope="col">Size</th>
              <th scope="col">
                <span className="visually-hidden">Restore</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {status.backups.map((backup) => (
              <tr key={backup.name}>
                <td>
                  <time dateTime={backup.madeAt}>{dateTime(backup.madeAt)}</time>
                </td>
                <td>{kindWords[backup.kind]}</td>
                <td>{fileSize(backup.bytes)}</td>
                <td>
                  {restoring?.name === backup.name ? (
                    <Confirmation
                      question={`Replace the data on this computer with the backup of ${dateTime(backup.madeAt)}? The data here now is kept as a backup first, so you can undo this.`}
                      onCancel={() => setRestoring(undefined)}
                    >
                      <Button variant="danger" data-testid="confirm-restore" disabled={busy} onClick={() => void restore(backup)}>
                        Restore
                      </Button>
                    </Confirmation>
                  ) : (
                    <Button data-testid="restore-backup" disabled={busy} onClick={() => setRestoring(backup)}>
                      Restore…
                    </Button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  )
}
