import { useState } from 'react'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import { api } from '../api'
import { Confirmation, useConfirmation } from '../Confirmation'
import { SettingToggle } from '../SettingToggle'
import { ConnectWizard } from './ConnectWizard'
import { finishingText } from './finishingText'
import { LoopbackPortSetting } from './LoopbackPortSetting'
import type { ConnectionState } from './useConnection'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'

interface ConnectionPanelProps {
  connection: ConnectionState
  settings: Settings | undefined
  onSettingsChange: (patch: SettingsPatch) => void
}

/** Settings' view of the WHOOP account: who is connected, where the sign-in is kept, disconnecting. */
export function ConnectionPanel({ connection, settings, onSettingsChange }: ConnectionPanelProps) {
  const { status, refresh } = connection
  const { open: askingToDisconnect, trigger: disconnectButton, ask: askToDisconnect, close: stopAsking } = useConfirmation()
  const [message, setMessage] = useState<string>()
  if (!status) return null

  async function disconnect(deleteData: boolean) {
    const result = await api.disconnect({ deleteData })
    stopAsking()
    setMessage(result.ok ? result.value.message : result.error.message)
    await refresh()
  }

  return (
    <Card aria-labelledby="connection-title">
      <h2 id="connection-title">WHOOP account</h2>
      <p data-testid="connection-status">
        {status.finishing
          ? finishingText(status.finishing)
          : status.state === 'connected' && status.account
          ? `Connected as ${status.account.firstName} ${status.account.lastName} (${status.account.email}).`
          : status.state === 'reconnect-needed'
            ? 'WHOOP no longer accepts the saved sign-in. Connect again to keep syncing; your data is safe.'
            : 'No WHOOP account is connected.'}
      </p>
      {status.storage.warning && (
        <p className="warning" role="note" data-testid="storage-warning">
          {status.storage.warning}
        </p>
      )}
      {status.storage.backend === 'basic_text' && settings && (
        <SettingToggle name="allowWeakTokenStorage" testId="allow-weak-storage" settings={settings} onChange={onSettingsChange}>
          Keep me signed in with weak protection
        </SettingToggle>
      )}
      {status.state === 'connected' && !askingToDisconnect && (
        <Button ref={disconnectButton} data-testid="disconnect-button" onClick={askToDisconnect}>
          Disconnect…
        </Button>
      )}
      {askingToDisconnect && (
        <Confirmation question="Disconnect from WHOOP? The app’s access is revoked at WHOOP. What about your data on this computer?" onCancel={stopAsking}>
          <Button data-testid="disconnect-keep-data" onClick={() => void disconnect(false)}>
            Keep my data
          </Button>
          <Button variant="danger" data-testid="disconnect-delete-data" onClick={() => void disconnect(true)}>
            Delete my data too
          </Button>
        </Confirmation>
      )}
      {message && (
        <p role="status" data-testid="disconnect-message">
          {message}
        </p>
      )}
      {status.state !== 'connected' && <ConnectWizard connection={connection} />}
      {settings && <LoopbackPortSetting key={settings.loopbackPort} settings={settings} onChange={onSettingsChange} />}
    </Card>
  )
}
