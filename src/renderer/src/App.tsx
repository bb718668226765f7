import { Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { Settings, SettingsPatch } from '../../shared/settings'
import type { ApiError } from '../../shared/result'
import { api } from './api'
import { useConnection } from './connection/useConnection'
import { useDashboard } from './dashboard/useDashboard'
import { SyncControls } from './sync/SyncControls'
import { useSync } from './sync/useSync'
import { useDashboardView } from './useDashboardView'
import { useKeyboardShortcuts } from './useKeyboardShortcuts'
import { DashboardPage } from './pages/DashboardPage'
import {
  ActivityPanel,
  AssistantAccessPanel,
  BackgroundPanel,
  ComparePage,
  ConnectionPanel,
  DataPage,
  DayPage,
  DiagnosticsPanel,
  HistoryRecheck,
  InsightsPage,
  ReportPage,
  SettingsPage,
  TrendsPage
} from './pages/lazyPages'
import { ShortcutsHelp } from './ShortcutsHelp'
import { useApiResult } from './useApiResult'
import { openingSettings, useOpening } from './openingRequests'
import { openPage, useHashPage, type PageName } from './useHashPage'
import { addDays } from '../../shared/calendar'
import { rangeSpecs } from '../../shared/dashboard'
import { steppedUntil } from './charts/RangePager'
import { trendMetrics, trendRanges, type TrendMetric, type TrendRange } from '../../shared/insights'
import { useTheme } from './useTheme'
import { Button } from './ui/Button'

const navigation: { page: PageName; label: string }[] = [
  { page: 'dashboard', label: 'Today' },
  { page: 'trends', label: 'Trends' },
  { page: 'insights', label: 'Insights' },
  { page: 'report', label: 'Report' },
  { page: 'data', label: 'Data' },
  { page: 'settings', label: 'Settings' }
]

/** The newest month whose every day has passed by `latest` (the month before, while one is under way). */
function lastWholeMonth(latest: string | undefined): string | undefined {
  return latest && addDays(`${addDays(latest, 1).slice(0, 7)}-01`, -1).slice(0, 7)
}

export function App() {
  const { page, params } = useHashPage()
  const appInfo = useApiResult(api.getAppInfo)
  const { arrived: openingSettingsResult, takeUnused: takeOpeningSettings } = useOpening(openingSettings)
  const [settings, setSettings] = useState<Settings | undefined>(openingSettingsResult?.ok ? openingSettingsResult.value : undefined)
  const [settingsError, setSettingsError] = useState<ApiError | undefined>(openingSettingsResult?.ok === false ? openingSettingsResult.error : undefined)
  const connection = useConnection()
  const { view, chooseRange, chooseUntil } = useDashboardView()
  const dashboard = useDashboard(view)
  const { reload: reloadDashboard } = dashboard
  const sync = useSync(reloadDashboard)
  const { refresh: refreshSync, start: startSync } = sync
  useTheme(settings?.theme)
  const [helpOpen, setHelpOpen] = useState(false)
  const shown = dashboard.data
  useKeyboardShortcuts(
    useMemo(() => {
      // `[` and `]` walk the dashboard's range back and forth, as Earlier and Later do.
      const step = (direction: 'back' | 'forward') => {
        const until = shown && steppedUntil(direction, { from: shown.from, to: shown.to, days: rangeSpecs[shown.range].days, latest: shown.latest })
        if (until !== undefined) chooseUntil(until)
      }
      const onDashboard = page === 'dashboard'
      return { onRange: onDashboard ? chooseRange : undefined, onStep: onDashboard ? step : undefined, onSync: () => void startSync(), onHelp: () => setHelpOpen(true) }
    }, [page, chooseRange, chooseUntil, shown, startSync])
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
    reloadDashboard()
  }, [connectionState, refreshSync, reloadDashboard])

  useEffect(() => {
    void (takeOpeningSettings() ?? api.getSettings()).then((result) => (result.ok ? setSettings(result.value) : setSettingsError(result.error)))
  }, [takeOpeningSettings])

  // The tray's menu or a notification asks for a page.
  useEffect(() => api.onOpenPage((page) => openPage(page === 'today' ? 'dashboard' : 'settings')), [])

  // Shown at once so controls respond immediately; the stored value then wins, or the old one returns.
  const updateSettings = useCallback(async (patch: SettingsPatch) => {
    let previous: Settings | undefined
    setSettings((current) => ((previous = current), current && { ...current, ...patch }))
    const result = await api.updateSettings(patch)
    setSettings(result.ok ? result.value : previous)
    setSettingsError(result.ok ? undefined : result.error)
  }, [])

  const latest = dashboard.data?.summary.today?.date
  // Compare is reached from Insights and stays under its tab.
  const section = page === 'compare' ? 'insights' : page
  const chosen = <T extends string>(options: readonly T[], value: string | undefined, fallback: T) =>
    (options as readonly string[]).includes(value ?? '') ? (value as T) : fallback

  return (
    <div className="shell">
      <header className="topbar">
        <div className="brand" aria-label="WHOOP Desktop">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">WHOOP Desktop</span>
        </div>
        <nav className="tabs" aria-label="Main">
          {navigation.map((item) => (
            <a
              key={item.page}
              href={`#/${item.page}`}
              data-testid={`${item.page}-link`}
              className={item.page === section ? 'tab active' : 'tab'}
              aria-current={item.page === section ? 'page' : undefined}
            >
              {item.label}
            </a>
          ))}
        </nav>
        <SyncControls sync={sync} connection={connection.status?.state} />
        <Button size="small" aria-label="Keyboard shortcuts" aria-keyshortcuts="?" title="Keyboard shortcuts (?)" data-testid="shortcuts-button" onClick={() => setHelpOpen(true)}>
          ?
        </Button>
      </header>
      <ShortcutsHelp open={helpOpen} onClose={() => setHelpOpen(false)} />
      <main className="content">
        {/* Pages other than Home load their code when first opened: a moment without content. */}
        <Suspense fallback={null}>
          {/* Drawn once its units are known: charts drawn before the settings arrive were drawn twice. */}
          {page === 'dashboard' && (settings || settingsError) && (
            <DashboardPage
              appInfo={appInfo}
              connection={connection}
              data={dashboard.data}
              dataVersion={dashboard.version}
              range={view.range}
              onRangeChange={chooseRange}
              onUntilChange={chooseUntil}
              onSync={() => void sync.start()}
              onDataChanged={dashboard.reload}
              settings={settings}
              syncing={sync.progress !== undefined}
            />
          )}
          {page === 'day' && <DayPage date={/^\d{4}-\d{2}-\d{2}$/.test(params[0] ?? '') ? params[0] : undefined} latest={latest} settings={settings} />}
          {page === 'trends' && (
            <TrendsPage
              metric={chosen<TrendMetric>(trendMetrics, params[0], 'recovery')}
              range={chosen<TrendRange>(trendRanges, params[1], '3m')}
              until={/^\d{4}-\d{2}-\d{2}$/.test(params[2] ?? '') ? params[2] : null}
              settings={settings}
              onSync={connectionState === 'connected' && sync.progress === undefined ? () => void sync.start() : undefined}
            />
          )}
          {page === 'insights' && <InsightsPage />}
          {page === 'compare' && (
            <ComparePage
              choice={{
                x: chosen<TrendMetric>(trendMetrics, params[0], 'strain'),
                y: chosen<TrendMetric>(trendMetrics, params[1], 'recovery'),
                nextMorning: params[2] !== 'same',
                range: chosen<TrendRange>(trendRanges, params[3], '3m')
              }}
              settings={settings}
            />
          )}
          {page === 'report' && <ReportPage month={/^\d{4}-\d{2}$/.test(params[0] ?? '') ? params[0] : lastWholeMonth(latest)} settings={settings} />}
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
              {settings && <BackgroundPanel settings={settings} onChange={updateSettings} sync={sync} />}
              <HistoryRecheck sync={sync} />
              {settings && <AssistantAccessPanel settings={settings} onChange={updateSettings} />}
              <ActivityPanel latestRun={sync.result?.runId} />
              <DiagnosticsPanel />
            </SettingsPage>
          )}
        </Suspense>
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
