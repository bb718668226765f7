import fs from 'node:fs'
import type { ApiHandlers } from '../../shared/api'
import { AppError } from '../api/apiErrors'
import type { Clock } from '../clock'
import type { FileExchange } from '../exchange/fileExchange'
import type { AccountQueries } from '../store/accounts'
import type { DashboardQueries } from '../store/dashboardQueries'
import type { InsightQueries } from './insightQueries'
import { comparisonOf } from './comparison'
import { trendOf } from './trend'

export type PdfPageSize = 'A4' | 'Letter'

/** The eight bytes every PNG file begins with. */
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])

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
export function createInsightHandlers(deps: InsightDeps): Pick<ApiHandlers, 'getDay' | 'getTrend' | 'getInsights' | 'getComparison' | 'getReport' | 'saveReportPdf' | 'saveReportImage'> {
  const { accounts, dashboard, clock } = deps
  const { daily, dayDetail, insights, monthReport, tags } = deps.queries
  const shownUser = () => accounts.shown()?.userId

  return {
    getDay: ({ date }) => {
      const userId = shownUser()
      if (userId === undefined) return null
      const day = date ?? dashboard.todayDate(userId)
      return day === undefined ? null : dayDetail(userId, day)
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
    },
    saveReportImage: async ({ month, png }) => {
      const image = Buffer.from(png, 'base64')
      if (!image.subarray(0, PNG_SIGNATURE.length).equals(PNG_SIGNATURE)) throw new AppError('invalid-argument', 'The report image is not a PNG image.')
      const name = `whoop-report-${month}.png`
      const target = await deps.files.chooseExportTarget(name)
      if (!target) return { saved: false }
      fs.writeFileSync(target.path, image)
      return { saved: true, file: target.path, downloadUrl: target.downloadUrl, name }
    }
  }
}
