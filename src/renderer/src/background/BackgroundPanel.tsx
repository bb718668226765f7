import { useEffect, useState } from 'react'
import type { DesktopSupport } from '../../../shared/api'
import { backgroundSyncIntervals, type Settings, type SettingsPatch } from '../../../shared/settings'
import { api } from '../api'
import { SettingToggle } from '../SettingToggle'
import { dueText } from '../sync/SyncControls'
import type { SyncState } from '../sync/useSync'
import { Card } from '../ui/Card'

const intervalWords: Record<(typeof backgroundSyncIntervals)[number], string> = {
  0: 'Never',
  30: 'Every 30 minutes',
  60: 'Every hour',
  180: 'Every 3 hours',
  360: 'Every 6 hours'
}

/** Whether this is a Mac: its convention keeps apps running with no window open. */
const onMac = /Mac/.test(navigator.platform)

interface BackgroundPanelProps {
  settings: Settings
  onChange: (patch: SettingsPatch) => void
  sync: SyncState
}

/**
 * Settings → Background: what the app does while nobody looks: syncing on its own, staying in the
 * tray, the morning notification, starting at login, daily backups. What this computer cannot do is
 * said beside the option, which is then off.
 */
export function BackgroundPanel({ settings, onChange, sync }: BackgroundPanelProps) {
  const [support, setSupport] = useState<DesktopSupport>()
  useEffect(() => void api.getDesktopSupport().then((result) => result.ok && setSupport(result.value)), [])
  const schedule = sync.status?.schedule
  const keepRunning = settings.keepRunningInBackground ?? onMac

  return (
    <Card aria-labelledby="background-title">
      <h2 id="background-title">Background</h2>
      <SettingToggle name="syncOnLaunch" testId="sync-on-launch" settings={settings} onChange={onChange}>
        Sync with WHOOP when the app opens
      </SettingToggle>
      <div className="form">
        <label>
          Sync in the background
          <select
            data-testid="background-sync-interval"
            value={settings.backgroundSyncMinutes}
            onChange={(event) => onChange({ backgroundSyncMinutes: Number(event.target.value) as Settings['backgroundSyncMinutes'] })}
          >
            {backgroundSyncIntervals.map((minutes) => (
              <option key={minutes} value={minutes}>
                {intervalWords[minutes]}
              </option>
            ))}
          </select>
        </label>
        <p className="hint" data-testid="next-sync">
          {settings.backgroundSyncMinutes === 0
            ? 'WHOOP Desktop syncs only when it opens and when you press Sync.'
            : !sync.status?.connected
              ? 'Once a WHOOP account is connected, while the app runs (and after the computer wakes).'
              : schedule?.nextAt
                ? `The next sync is due ${dueText(schedule.nextAt, sync.status.asOf)}${schedule.failures ? `, later than usual after ${schedule.failures === 1 ? 'a failed sync' : `${schedule.failures} failed syncs`}` : ''}.`
                : 'A sync is running.'}
        </p>
      </div>
      <Option reason={support?.tray}>
        <label className="toggle">
          <input
            type="checkbox"
            data-testid="keep-running"
            disabled={Boolean(support?.tray)}
            checked={!support?.tray && keepRunning}
            onChange={(event) => onChange({ keepRunningInBackground: event.target.checked })}
          />
          Keep running in the tray when the window is closed
        </label>
      </Option>
      <Option reason={support?.notifications}>
        <SettingToggle name="morningNotification" testId="morning-notification" settings={settings} onChange={onChange} disabled={Boolean(support?.notifications)}>
          Tell me when this morning’s recovery is scored
        </SettingToggle>
      </Option>
      <Option reason={support?.startAtLogin}>
        <SettingToggle name="openAtLogin" testId="open-at-login" settings={settings} onChange={onChange} disabled={Boolean(support?.startAtLogin)}>
          Start WHOOP Desktop when I log in, in the tray
        </SettingToggle>
      </Option>
      <SettingToggle name="dailyBackups" testId="daily-backups" settings={settings} onChange={onChange}>
        Back up the data every day
      </SettingToggle>
      <div className="form">
        <label>
          Backups to keep
          <input
            type="number"
            min={1}
            max={365}
            data-testid="backups-kept"
            className="narrow"
            defaultValue={settings.backupsKept}
            key={settings.backupsKept}
            disabled={!settings.dailyBackups}
            onBlur={(event) => {
              const kept = Number(event.target.value)
              if (Number.isInteger(kept) && kept >= 1 && kept <= 365 && kept !== settings.backupsKept) onChange({ backupsKept: kept })
            }}
          />
        </label>
        <p className="hint">The newest are kept and older ones removed. The backups, and restoring one, are on the Data page.</p>
      </div>
    </Card>
  )
}

/** An option, and beside it why this computer cannot do it, if it cannot. */
function Option({ reason, children }: { reason: string | null | undefined; children: React.ReactNode }) {
  return (
    <div className="option">
      {children}
      {reason && <p className="hint">{reason}</p>}
    </div>
  )
}
