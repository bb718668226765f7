import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { apiEventChannels } from '../../src/shared/channels'
import { cycleDay, memberToday } from '../support/fixtures/memberDays'
import { fakeWhoopForBuiltApps, launchBuiltApp } from '../support/electron/mainBundle'
import { makeTempDir } from '../support/harness/tempDir'

/** The app living beside the window: tray, notifications, waking, closing to the tray, start at login. */
const whoop = fakeWhoopForBuiltApps({ days: 40, rateLimit: false })

const realPlatform = Object.getOwnPropertyDescriptor(process, 'platform')!
afterEach(() => {
  Object.defineProperty(process, 'platform', realPlatform)
  delete process.env.XDG_CONFIG_HOME
  delete process.env.XDG_CURRENT_DESKTOP
})

type App = ReturnType<typeof launchBuiltApp>

/** Connects the fake's member through the built app and waits for the first sync to end. */
async function connect(app: App) {
  const started = await app.call('startSignIn', [{ clientId: whoop().app.clientId, clientSecret: whoop().app.clientSecret, redirect: 'custom-scheme' }])
  const synced = syncEnded(app, 'connect')
  app.fake.electron.app.emit('open-url', { preventDefault: () => {} }, await whoop().answerConsent(started.value.authorizationUrl))
  return synced
}

/** The next sync started by `trigger` to end, as the app tells its window. */
const syncEnded = (app: App, trigger: string) =>
  app.fake.windows[0].webContents.message(apiEventChannels.onSyncProgress, (p) => p.type === 'finished' && p.result.trigger === trigger) as Promise<any>

/**
 * This morning's recovery in the fake's history. For a while after the member wakes, until their
 * strap's data reaches WHOOP, WHOOP's newest night is the one before (the app rightly calls its
 * recovery yesterday's): then this morning's night reaches WHOOP first, still being scored.
 */
function thisMorningsRecovery() {
  const { history } = whoop()
  if (cycleDay(history, newestRecovery().cycle_id) !== memberToday(history, Date.now())) whoop().edit.newDay()
  return newestRecovery()
}

/** The newest day's recovery in the fake's history, as the tray shows it. */
function newestRecovery() {
  const { history } = whoop()
  const newest = history.cycles.toSorted((a, b) => Date.parse(b.start) - Date.parse(a.start))[0]
  const day = cycleDay(history, newest.id)
  const cycle = history.cycles.filter((c) => cycleDay(history, c.id) === day).sort((a, b) => a.id - b.id)[0]
  return history.recoveries.find((r) => r.cycle_id === cycle.id)!
}

describe('the tray', () => {
  it('shows today’s recovery, HRV and the last sync, and its menu does what it says', async () => {
    whoop().edit.scorePending()
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    const [tray] = app.fake.recorded.trays
    expect(tray.tooltip).toBe('WHOOP Desktop')
    // What the release workflow's real launches read on each system (test/desktop/desktopChecks.ts).
    expect(fs.readFileSync(path.join(app.dataDir, 'logs', 'whoop-desktop.log'), 'utf8')).toContain('Tray icon created')
    expect(tray.labels()).toEqual(['No data yet', 'Sync now', 'Open WHOOP Desktop', 'Settings…', 'Quit WHOOP Desktop'])

    const run = await connect(app)
    const synced = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' }).format(Date.parse(run.result.finishedAt))
    const { score } = newestRecovery()
    const tooltip = await tray.tooltipWhen((text) => text.includes('synced'))
    expect(tooltip).toMatch(new RegExp(`^WHOOP Desktop · Recovery ${Math.round(score!.recovery_score)}%( \\(.+\\))? · HRV ${Math.round(score!.hrv_rmssd_milli)} ms · synced ${synced}$`))
    const zone = score!.recovery_score >= 67 ? 'green' : score!.recovery_score >= 34 ? 'yellow' : 'red'
    expect(path.basename(tray.image)).toBe(`tray-${zone}.png`)
    expect(tray.labels()[0]).toMatch(new RegExp(`^Recovery ${Math.round(score!.recovery_score)}% \\(${zone}\\)`))

    const manual = syncEnded(app, 'manual')
    tray.click('Sync now')
    expect((await manual).result.status).toBe('succeeded')

    const window = app.fake.windows[0]
    window.hide()
    const opened = window.webContents.message(apiEventChannels.onOpenPage, (page) => page === 'settings')
    tray.click('Settings…')
    expect(await opened).toBe('settings')
    expect(window.isVisible()).toBe(true)

    const ended = app.fake.next('ended')
    tray.click('Quit WHOOP Desktop')
    await ended
    expect(app.fake.recorded.quit).toBe(true)
  })

  it('is left out where the desktop shows no tray icons, and Settings says why', async () => {
    process.env.XDG_CURRENT_DESKTOP = 'GNOME'
    Object.defineProperty(process, 'platform', { value: 'linux' })
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    expect(app.fake.recorded.trays).toEqual([])
    expect((await app.call('getDesktopSupport')).value.tray).toMatch(/GNOME.*closing the window quits/)
    expect(fs.readFileSync(path.join(app.dataDir, 'logs', 'whoop-desktop.log'), 'utf8')).toContain('No tray icon: This desktop (GNOME)')
  })
})

describe('waking', () => {
  it('a wake starts a sync (the network coming back: networkWatch.test.ts)', async () => {
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    await connect(app)
    // A sync that failed just now: a wake does not wait for the next hour.
    whoop().addFault({ kind: 'status', status: 400, times: Infinity, path: '/v2/user/profile/basic' })
    await app.call('syncNow', [{}])
    whoop().clearFaults()
    const resumed = syncEnded(app, 'resume')
    app.fake.wake()
    expect((await resumed).result.status).toBe('succeeded')
  })
})

describe('the morning notification', () => {
  it('tells the newly scored recovery once, and a click opens Today', async () => {
    const newest = thisMorningsRecovery()
    Object.assign(newest, { score_state: 'PENDING_SCORE', score: undefined })
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    await app.call('updateSettings', [{ morningNotification: true }])
    await connect(app)
    expect(app.fake.recorded.notifications).toEqual([])

    whoop().edit.scorePending()
    const shown = app.fake.nextNotification()
    await app.call('syncNow', [{}])
    const notification = await shown
    expect(notification.title).toBe(`Recovery ${Math.round(newest.score!.recovery_score)}% — ${newest.score!.recovery_score >= 67 ? 'green' : newest.score!.recovery_score >= 34 ? 'yellow' : 'red'}`)
    await app.call('syncNow', [{}])
    expect(app.fake.recorded.notifications).toHaveLength(1)

    const window = app.fake.windows[0]
    window.hide()
    const opened = window.webContents.message(apiEventChannels.onOpenPage, (page) => page === 'today')
    notification.click()
    expect(await opened).toBe('today')
    expect(window.isVisible()).toBe(true)
  })
})

describe('closing the window', () => {
  it('on Windows and Linux asks once; kept running, the window hides and the app stays in the tray', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' })
    const app = launchBuiltApp({ messageBoxResponse: 0 })
    await app.fake.becomeReady()
    const window = app.fake.windows[0]
    window.show()
    const asked = app.fake.nextMessageBox()
    window.close()
    expect(await asked).toMatchObject({ message: 'Keep WHOOP Desktop running in the background?', buttons: ['Keep running', 'Quit'] })
    await expect.poll(() => window.isVisible()).toBe(false)
    expect((await app.call('getSettings')).value.keepRunningInBackground).toBe(true)
    window.show()
    window.close()
    expect(window.isVisible()).toBe(false)
    expect(app.fake.recorded.messageBoxes).toHaveLength(1)
    expect(app.fake.recorded.quit).toBe(false)
  })

  it('quits when the person answers Quit, and is not asked again', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' })
    const app = launchBuiltApp({ messageBoxResponse: 1 })
    await app.fake.becomeReady()
    const ended = app.fake.next('ended')
    app.fake.windows[0].close()
    await ended
    expect(app.fake.recorded.quit).toBe(true)
    expect(app.fake.windows).toEqual([])
  })
})

describe('start at login', () => {
  it('Linux: an XDG autostart entry that starts the app hidden; turned off, the entry goes', async () => {
    Object.defineProperty(process, 'platform', { value: 'linux' })
    const configHome = makeTempDir()
    process.env.XDG_CONFIG_HOME = configHome
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    await app.call('updateSettings', [{ openAtLogin: true }])
    const entry = path.join(configHome, 'autostart', 'whoop-desktop.desktop')
    expect(fs.readFileSync(entry, 'utf8')).toContain(`Exec="${process.execPath}" --hidden\n`)
    await app.call('updateSettings', [{ openAtLogin: false }])
    expect(fs.existsSync(entry)).toBe(false)
  })

  it('macOS and Windows: the system’s login item, and started with --hidden the app opens no window', async () => {
    Object.defineProperty(process, 'platform', { value: 'win32' })
    const app = launchBuiltApp()
    await app.fake.becomeReady()
    await app.call('updateSettings', [{ openAtLogin: true }])
    expect(app.fake.recorded.loginItemSettings).toEqual([{ openAtLogin: true, args: ['--hidden'] }])

    const hidden = launchBuiltApp({ argv: ['C:\\Program Files\\WHOOP Desktop\\WHOOP Desktop.exe', '--hidden'] })
    await hidden.fake.becomeReady('tray')
    expect(hidden.fake.windows).toEqual([])
    expect(hidden.fake.recorded.trays).toHaveLength(1)
  })
})
