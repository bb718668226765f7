import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Settings, SettingsPatch } from '../../shared/settings'
import type { ApiError } from '../../shared/result'
import { api } from './api'
import { ConnectionPanel } from './connection/ConnectionPanel'
import { ActivityPanel } from './pages/ActivityPanel'
import { DiagnosticsPanel } from './pages/DiagnosticsPanel'
import { useConnection } from './connection/useConnection'
import { useDashboard } from './dashboard/useDashboard'
import { HistoryRecheck } from './sync/HistoryRecheck'
import { SyncControls } from './sync/SyncControls'
import { useSync } from './sync/useSync'
import { useDashboardView } from './useDashboardView'
import { useKeyboardShortcuts } from './useKeyboardShortcuts'
import { DashboardPage } from './pages/DashboardPage'
import { DataPage } from './pages/DataPage'
import { SettingsPage } from './pages/SettingsPage'
import { ShortcutsHelp } from './ShortcutsHelp'
import { useApiResult } from './useApiResult'
import { useHashPage, type PageName } from './useHashPage'
import { useTheme } from './useTheme'

const navigation: { page: PageName; label: string }[] = [
  { page: 'dashboard', label: 'Dashboard' },
  { page: 'data', label: 'Data' },
  { page: 'settings', label: 'Settings' }
]

export function App() {
  const page = useHashPage()
  const appInfo = useApiResult(api.getAppInfo)
  const [settings, setSettings] = useState<Settings>()
  const [settingsError, setSettingsError] = useState<ApiError>()
  const connection = useConnection()
  const { view, chooseRange, chooseUntil } = useDashboardView()
  const dashboard = useDashboard(view)
  const sync = useSync(dashboard.reload)
  const { refresh: refreshSync } = sync
  useTheme(settings?.theme)
  const [helpOpen, setHelpOpen] = useState(false)
  useKeyboardShortcuts(
    useMemo(
      () => ({ onRange: page === 'dashboard' ? chooseRange : undefined, onSync: () => void sync.start(), onHelp: () => setHelpOpen(true) }),
      [page, chooseRange, sync.start]
    )
  )

  // A new connection (or a disconnect) changes what there is to sync and to show; the first status
  // to arrive is no change (everything was just loaded).
  const connectionState = connection.status?.state
  const previousConnectionState = useRef(connectionState)
  useEffect(() => {
    const previous = previousConnectionState.current
    previousConnectionState.current = connectionState
    if (previous === undefined || previous === connectionState) return
    void refreshSync()
    dashboard.reload()
  }, [connectionState, refreshSync, dashboard.reload])

  useEffect(() => {
    void api.getSettings().then((result) => (result.ok ? setSettings(result.value) : setSettingsError(result.error)))
  }, [])

  // Shown at once so controls respond immediately; the stored value then wins, or the old one returns.
  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    let previous: Settings | undefined
    setSettings((current) => ((previous = current), current && { ...current, ...patch }))
    const result = await api.updateSettings(patch)
    setSettings(result.ok ? result.value : previous)
    setSettingsError(result.ok ? undefined : result.error)
  }, [])

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand" aria-label="WHOOP Desktop">
          <span className="brand-mark" aria-hidden="true" />
          WHOOP Desktop
        </div>
        <nav className="tabs" aria-label="Main">
          {navigation.map((item) => (
            <a
              key={item.page}
              href={`#/${item.page}`}
              data-testid={`${item.page}-link`}
              className={item.page === page ? 'tab active' : 'tab'}
              aria-current={item.page === page ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <SyncControls sync={sync} connection={connection.status?.state} />
        <button type="button" className="button small" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" data-testid="shortcuts-button" onClick={() => setHelpOpen(true)}>
          ?
        </button>
      </header>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <main className="content">
        {page === 'dashboard' && (
          <DashboardPage
            appInfo={appInfo}
            connection={connection}
            data={dashboard.data}
            range={view.range}
            onRangeChange={chooseRange}
            onUntilChange={chooseUntil}
            onSync={() => void sync.start()}
            onDataChanged={dashboard.reload}
            settings={settings}
            syncing={sync.progress !== undefined}
          />
        )}
        {page === 'data' && (
          <DataPage
            appInfo={appInfo}
            onDataChanged={() => {
              dashboard.reload()
              void connection.refresh()
              void refreshSync()
            }}
          />
        )}
        {page === 'settings' && (
          <SettingsPage
            settings={settings}
            error={settingsError}
            onChange={updateSettings}
            account={<ConnectionPanel connection={connection} settings={settings} onSettingsChange={updateSettings} />}
          >
            <HistoryRecheck sync={sync} />
            <ActivityPanel latestRun={sync.result?.runId} />
            <DiagnosticsPanel />
          </SettingsPage>
        )}
      </main>
      <footer className="statusbar">
        {appInfo?.ok ? (
          <span data-testid="app-version">
            {appInfo.value.name} {appInfo.value.version} · unofficial · your data stays on this computer
          </span>
        ) : (
          <span>{appInfo ? appInfo.error.message : 'Starting…'}</span>
        )}
      </footer>
    </div>
  )
}
