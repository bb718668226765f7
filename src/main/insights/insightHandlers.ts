import fs from 'node:fs'
import type { ApiHandlers } from '../../shared/api'
import type { Clock } from '../clock'
import type { FileExchange } from '../exchange/fileExchange'
import type { AccountQueries } from '../store/accounts'
import type { DashboardQueries } from '../store/dashboardQueries'
import type { InsightQueries } from './insightQueries'
import { comparisonOf } from './comparison'
import { trendOf } from './trend'

export type PdfPageSize = 'A4' | 'Letter'

export interface InsightDeps {
  /** The app's one set, so that the dashboard and these pages share the daily values they read. */
  queries: InsightQueries
  accounts: AccountQueries
  dashboard: DashboardQueries
  clock: Clock
  files: FileExchange
  /** Prints the page the person is looking at to PDF (Electron's printToPDF); absent in the browser host. */
  printPage?: (pageSize: PdfPageSize) => Promise<Uint8Array>
}

/** The day view, trends, insights, comparisons and the monthly report: each answer computed from the same day values. */
export function createInsightHandlers(deps: InsightDeps): Pick<ApiHandlers, 'getDay' | 'getTrend' | 'getInsights' | 'getComparison' | 'getReport' | 'saveReportPdf'> {
  const { accounts, dashboard, clock } = deps
  const { daily, dayDetail, insights, monthReport, tags } = deps.queries
  const shownUser = () => accounts.shown()?.userId

  return {
    getDay: ({ date }) => {
      const userId = shownUser()
      return userId === undefined ? null : dayDetail(userId, date)
    },
    getTrend: ({ metric, range, until }) => {
      const userId = shownUser()
      if (userId === undefined) return null
      const days = dashboard.dayRange(userId, 'all', clock.now(), until)
      const trend = trendOf(daily, { userId, metric, range, to: days.to })
      return { ...trend, until: until ?? null, latest: dashboard.latestDay(days), tags: tags.taggedDays(userId, trend.current.from, trend.current.to) }
    },
    getComparison: (query) => {
      const userId = shownUser()
      if (userId === undefined) return null
      return comparisonOf(daily, { userId, ...query, to: dashboard.dayRange(userId, 'all', clock.now()).to })
    },
    getInsights: () => {
      const userId = shownUser()
      return userId === undefined ? null : insights(userId)
    },
    getReport: ({ month }) => {
      const userId = shownUser()
      return userId === undefined ? null : monthReport(userId, month, clock.now())
    },
    saveReportPdf: async ({ month, pageSize }) => {
      if (!deps.printPage) return { saved: false, printInPage: true }
      const target = await deps.files.chooseExportTarget(`whoop-report-${month}.pdf`)
      if (!target) return { saved: false, printInPage: false }
      fs.writeFileSync(target.path, await deps.printPage(pageSize))
      return { saved: true, printInPage: false, file: target.path }
    }
  }
}
