import { useEffect, useRef, useState } from 'react'
import type { AppInfo } from '../../../shared/api'
import type { ExchangeProgress, ImportRequest, PendingRemoval } from '../../../shared/exchange'
import { describeImport, describePendingRemoval, describeRemoval } from '../../../shared/importSummary'
import type { Result } from '../../../shared/result'
import { api } from '../api'
import { Confirmation, useConfirmation } from '../Confirmation'
import { downloadFromHost, inBrowserHost, uploadToHost } from '../exchange/transfer'
import { Button } from '../ui/Button'
import { grouped } from '../../../shared/numberText'
import { BackupsPanel } from '../backups/BackupsPanel'
import { Card } from '../ui/Card'

interface DataPageProps {
  appInfo: Result<AppInfo> | undefined
  onDataChanged: () => void
}

type Message = { kind: 'status' | 'error'; text: string }

export function DataPage({ appInfo, onDataChanged }: DataPageProps) {
  const [message, setMessage] = useState<Message>()
  const [busy, setBusy] = useState(false)
  const [progress, setProgress] = useState<ExchangeProgress>()
  const { open: askingToDelete, trigger: deleteButton, ask: askToDelete, close: stopAskingToDelete } = useConfirmation()
  const { open: askingToRemove, trigger: removeButton, ask: askToRemove, close: stopAskingToRemove } = useConfirmation()
  const [pendingRemoval, setPendingRemoval] = useState<PendingRemoval>()
  const importKind = useRef<ImportRequest['kind']>('json-backup')
  const fileInput = useRef<HTMLInputElement>(null)

  useEffect(() => api.onExchangeProgress(setProgress), [])

  async function run(work: () => Promise<Message | undefined>) {
    setBusy(true)
    setMessage(undefined)
    setProgress(undefined)
    try {
      setMessage(await work())
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) })
    } finally {
      setBusy(false)
    }
  }

  const exportData = (format: 'json' | 'csv') =>
    run(async () => {
      const result = await api.exportData({ format })
      if (!result.ok) return { kind: 'error', text: result.error.message }
      if (!result.value.saved) return undefined
      if (result.value.downloadUrl && result.value.name) await downloadFromHost(result.value.downloadUrl, result.value.name)
      return { kind: 'status', text: `Exported ${grouped(result.value.records)} records${result.value.file && !result.value.downloadUrl ? ` to ${result.value.file}` : ''}.` }
    })

  const importData = (kind: ImportRequest['kind'], file?: File) =>
    run(async () => {
      const uploadId = file ? await uploadToHost(file) : undefined
      const result = await api.importData({ kind, uploadId })
      if (!result.ok) return { kind: 'error', text: result.error.message }
      if (!result.value.imported) return undefined
      onDataChanged()
      setPendingRemoval(result.value.pendingRemoval)
      if (result.value.pendingRemoval) askToRemove()
      return { kind: 'status', text: describeImport(result.value.file ?? 'the file', result.value) }
    })

  const removeStaleRecords = (removal: PendingRemoval) =>
    run(async () => {
      const result = await api.removeStaleRecords({ id: removal.id })
      stopAskingToRemove()
      setPendingRemoval(undefined)
      onDataChanged()
      return result.ok ? { kind: 'status', text: describeRemoval(result.value) } : { kind: 'error', text: result.error.message }
    })

  const keepStaleRecords = () => {
    stopAskingToRemove()
    setPendingRemoval(undefined)
  }

  /** In the desktop app the main process asks for the file; in the browser host the page picks it. */
  function chooseImport(kind: ImportRequest['kind']) {
    keepStaleRecords()
    if (!inBrowserHost()) return void importData(kind)
    importKind.current = kind
    fileInput.current?.click()
  }

  const deleteEverything = () =>
    run(async () => {
      const result = await api.deleteAllData({ confirm: 'DELETE' })
      stopAskingToDelete()
      onDataChanged()
      return result.ok ? { kind: 'status', text: result.value.message } : { kind: 'error', text: result.error.message }
    })

  return (
    <section aria-labelledby="data-title" className="page">
      <h1 id="data-title">Data</h1>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind === 'error' ? 'error' : 'success'} data-testid="data-message">
          {message.text}
        </p>
      )}
      {busy && progress && !progress.done && (
        <p role="status" data-testid="exchange-progress">
          {progress.type === 'export' ? 'Exporting' : 'Importing'}… {grouped(progress.records)} records
        </p>
      )}
      <Card as="div">
        <h2>Export</h2>
        <p className="muted">
          Everything WHOOP sent, with the app’s typed fields, in a documented JSON format you can restore later; or one CSV
          file per record type, with units in the headers. Tokens, secrets and settings are never included.
        </p>
        <div className="choices">
          <Button variant="primary" data-testid="export-json-button" disabled={busy} onClick={() => void exportData('json')}>
            Export JSON
          </Button>
          <Button data-testid="export-csv-button" disabled={busy} onClick={() => void exportData('csv')}>
            Export CSV (zip)
          </Button>
        </div>
      </Card>
      <Card as="div">
        <h2>Import</h2>
        <p className="muted">
          Restore a WHOOP Desktop JSON export, or bring in WHOOP’s own data export (the ZIP from WHOOP’s app, or its CSV
          files) for history and journal answers the API does not offer. Records already here are not duplicated; a newer
          export replaces what an older one said, and an older one never overwrites newer data.
        </p>
        <div className="choices">
          <Button data-testid="import-button" disabled={busy} onClick={() => chooseImport('json-backup')}>
            Restore a JSON export
          </Button>
          <Button
            ref={removeButton}
            data-testid="import-whoop-button"
            disabled={busy}
            onClick={() => chooseImport('whoop-export')}
          >
            Import WHOOP’s data export
          </Button>
        </div>
        {askingToRemove && pendingRemoval && (
          <Confirmation question={describePendingRemoval(pendingRemoval)} cancelLabel={pendingRemoval.total === 1 ? 'Keep it' : 'Keep them'} onCancel={keepStaleRecords}>
            <Button variant="danger" data-testid="confirm-remove-stale" disabled={busy} onClick={() => void removeStaleRecords(pendingRemoval)}>
              {pendingRemoval.total === 1 ? 'Remove it' : 'Remove them'}
            </Button>
          </Confirmation>
        )}
        <input
          ref={fileInput}
          type="file"
          hidden
          data-testid="import-file-input"
          onChange={(event) => {
            const file = event.target.files?.[0]
            event.target.value = ''
            if (file) void importData(importKind.current, file)
          }}
        />
      </Card>
      <BackupsPanel onDataChanged={onDataChanged} />
      <Card as="div">
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
      </Card>
      <Card as="div">
        <h2>Delete all data</h2>
        <p className="muted">Removes the database’s records, its backups, the WHOOP sign-in and your settings from this computer.</p>
        {askingToDelete ? (
          <Confirmation question="Delete all WHOOP data, its backups, the sign-in and the settings? This cannot be undone; export first if unsure." onCancel={stopAskingToDelete}>
            <Button variant="danger" data-testid="confirm-delete-all-data" onClick={() => void deleteEverything()}>
              Delete everything
            </Button>
          </Confirmation>
        ) : (
          <Button ref={deleteButton} variant="danger" data-testid="delete-all-data-button" disabled={busy} onClick={askToDelete}>
            Delete all data…
          </Button>
        )}
      </Card>
    </section>
  )
}
