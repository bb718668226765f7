import type { Database } from 'better-sqlite3'
import { recoveryZone, type RecoveryZone } from '../../shared/dashboard'
import type { Clock } from '../clock'
import type { InsightQueries } from '../insights/insightQueries'
import type { AccountQueries } from '../store/accounts'
import type { DashboardQueries } from '../store/dashboardQueries'

/** The few numbers the tray and the morning notification show: the member's newest day. */
export interface TodayGlance {
  /** The day they describe: the member's today, or the newest day with data when today has none yet. */
  date: string
  isToday: boolean
  /** Whose: the connected member's synced data, or the demo's. */
  isDemo: boolean
  recovery: number | null
  zone: RecoveryZone | null
  /** Whether that recovery reached the app from WHOOP's API (a sync), not an import or the demo. */
  recoveryFromWhoop: boolean
  hrv: number | null
  /** The member's usual HRV range (their 30-day baseline), when there is one. */
  hrvUsual: { low: number; high: number } | null
  sleepPerformance: number | null
  strain: number | null
}

export interface TodayGlanceSources {
  db: Database
  accounts: AccountQueries
  dashboard: DashboardQueries
  queries: InsightQueries
  clock: Clock
}

/** Reads the glance from the same day view the Today page shows, so the numbers are the page's. */
export function createTodayGlance({ db, accounts, dashboard, queries, clock }: TodayGlanceSources) {
  const recoverySource = db.prepare<[number, string], { source: string }>(`
    SELECT r.source FROM recovery r JOIN cycle c ON c.id = r.cycle_id
     WHERE c.user_id = ? AND c.day = ? AND r.score_state = 'SCORED' ORDER BY c.id LIMIT 1`)

  return function todayGlance(): TodayGlance | null {
    const account = accounts.shown()
    if (!account) return null
    const latest = dashboard.latestDay(dashboard.dayRange(account.userId, '1w', clock.now()))
    if (!latest) return null
    const { date } = latest
    const day = queries.dayDetail(account.userId, date)
    const recovery = day?.recovery?.state === 'scored' ? day.recovery.score : null
    const hrv = day?.recovery?.measures.find((measure) => measure.metric === 'hrv')
    const mainSleep = day?.sleep?.state === 'scored' ? day.sleep : null
    return {
      date,
      isToday: latest.daysOld === 0,
      isDemo: account.isDemo,
      recovery,
      zone: recovery === null ? null : recoveryZone(recovery),
      recoveryFromWhoop: recovery !== null && recoverySource.get(account.userId, date)?.source === 'api',
      hrv: recovery === null ? null : (hrv?.value ?? null),
      hrvUsual: hrv?.baseline ? { low: hrv.baseline.low, high: hrv.baseline.high } : null,
      sleepPerformance: mainSleep?.performance ?? null,
      strain: day?.strain?.strain ?? null
    }
  }
}
