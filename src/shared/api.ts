import { z } from 'zod'
import type { AssistantAccess } from './assistant'
import type { ApiEvent, ApiMethod } from './channels'
import type { ActivityEntry, Diagnostics } from './diagnostics'
import type { ConnectionStatus, DisconnectResult, SignInOutcome, SignInStarted } from './connection'
import { dashboardRanges, type DashboardData } from './dashboard'
import {
  confirmRemovalSchema,
  deleteAllDataSchema,
  exportRequestSchema,
  importRequestSchema,
  type ExchangeProgress,
  type ExportResult,
  type ImportResult,
  type RemovalResult
} from './exchange'
import { trendMetrics, trendRanges, type Comparison, type DayDetail, type Insights, type MonthReport, type Trend } from './insights'
import type { Result } from './result'
import type { TagUse } from './tags'
import { dayTagRequestSchema } from './tagRequest'
import { settingsPatchSchema, type Settings } from './settings'
import type { SyncProgress, SyncRunResult, SyncSchedule, SyncStatus } from './sync'
import { syncOptionsSchema } from './syncOptions'
import { restoreBackupSchema, type BackupsStatus, type RestoreResult } from './backups'

/** Facts about the running app, shown in the shell and in bug reports. */
export interface AppInfo {
  name: string
  version: string
  /** The folder that holds the database and settings. */
  dataDir: string
  databaseFile: string
  /** The schema version of the open database (`PRAGMA user_version`). */
  schemaVersion: number
  /** The WHOOP API server the app talks to (WHOOP's own unless overridden for testing). */
  whoopApiBaseUrl: string
}

/*
 * Argument schemas live here, not beside the types the page imports, so zod stays out of the page.
 */
const startSignInSchema = z
  .object({
    clientId: z.string().trim().min(1, 'enter the Client ID').max(200),
    /** May be left out to reuse the secret already stored (reconnecting). */
    clientSecret: z.string().trim().min(1).max(500).optional(),
    redirect: z.enum(['custom-scheme', 'loopback'])
  })
  .strict()

const completeSignInSchema = z.object({ url: z.string().min(1).max(4096) }).strict()
const disconnectSchema = z.object({ deleteData: z.boolean() }).strict()

const calendarDay = z.iso.date()
const dashboardQuerySchema = z.object({ range: z.enum(dashboardRanges), until: calendarDay.optional() }).strict()
/** A report's image as the page drew it, in base64: about 20 MB of PNG at most. */
const MAX_REPORT_IMAGE_BASE64 = 28_000_000
const calendarMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'a month as YYYY-MM')

/** The arguments of every method, validated in the main process before a handler runs. */
export const apiArgumentSchemas = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema]),
  getDashboard: z.tuple([dashboardQuerySchema]),
  // Without a date: the day Today opens on (the newest cycle's).
  getDay: z.tuple([z.object({ date: calendarDay.optional() }).strict()]),
  getTrend: z.tuple([z.object({ metric: z.enum(trendMetrics), range: z.enum(trendRanges), until: calendarDay.optional() }).strict()]),
  getInsights: z.tuple([]),
  tagDay: z.tuple([dayTagRequestSchema]),
  untagDay: z.tuple([dayTagRequestSchema]),
  getTagUses: z.tuple([]),
  getComparison: z.tuple([z.object({ x: z.enum(trendMetrics), y: z.enum(trendMetrics), nextMorning: z.boolean(), range: z.enum(trendRanges) }).strict()]),
  getReport: z.tuple([z.object({ month: calendarMonth }).strict()]),
  saveReportPdf: z.tuple([z.object({ month: calendarMonth, pageSize: z.enum(['A4', 'Letter']) }).strict()]),
  saveReportImage: z.tuple([z.object({ month: calendarMonth, png: z.base64().max(MAX_REPORT_IMAGE_BASE64, 'the image is too large') }).strict()]),
  syncNow: z.tuple([syncOptionsSchema]),
  cancelSync: z.tuple([]),
  getSyncStatus: z.tuple([]),
  getConnection: z.tuple([]),
  startSignIn: z.tuple([startSignInSchema]),
  completeSignIn: z.tuple([completeSignInSchema]),
  cancelSignIn: z.tuple([]),
  disconnect: z.tuple([disconnectSchema]),
  exportData: z.tuple([exportRequestSchema]),
  importData: z.tuple([importRequestSchema]),
  removeStaleRecords: z.tuple([confirmRemovalSchema]),
  deleteAllData: z.tuple([deleteAllDataSchema]),
  loadDemoData: z.tuple([]),
  removeDemoData: z.tuple([]),
  getActivity: z.tuple([]),
  getDiagnostics: z.tuple([z.object({ reachWhoop: z.boolean() }).strict()]),
  openLogsFolder: z.tuple([]),
  getAssistantAccess: z.tuple([]),
  getBackups: z.tuple([]),
  backUpNow: z.tuple([]),
  restoreBackup: z.tuple([restoreBackupSchema]),
  chooseBackupFolder: z.tuple([]),
  getDesktopSupport: z.tuple([])
} satisfies Record<ApiMethod, z.ZodTuple>

/** What every method resolves to when it succeeds. */
interface ApiValues {
  getAppInfo: AppInfo
  getSettings: Settings
  updateSettings: Settings
  /** `null` when there is no account (or demo) to show yet. */
  getDashboard: DashboardData | null
  /** These four are `null` when there is no account (or demo) to show yet. */
  getDay: DayDetail | null
  getTrend: Trend | null
  getInsights: Insights | null
  getComparison: Comparison | null
  getReport: MonthReport | null
  /** The day's tags after the change, in alphabetical order. */
  tagDay: { date: string; tags: string[] }
  untagDay: { date: string; tags: string[] }
  getTagUses: TagUse[]
  /** Where the app has no PDF printer of its own (the browser host), the page prints itself. */
  saveReportPdf: { saved: boolean; printInPage: boolean; file?: string }
  /** Where the image went (desktop app), or the address to download it from under `name` (browser host). */
  saveReportImage: { saved: boolean; file?: string; downloadUrl?: string; name?: string }
  syncNow: SyncRunResult
  /** Whether a sync was running to be cancelled. */
  cancelSync: boolean
  getSyncStatus: SyncStatus
  getConnection: ConnectionStatus
  startSignIn: SignInStarted
  /** For a redirect address pasted by the person. */
  completeSignIn: SignInOutcome
  cancelSignIn: boolean
  disconnect: DisconnectResult
  exportData: ExportResult
  importData: ImportResult
  /** After the person confirmed removing what a newer WHOOP export no longer has. */
  removeStaleRecords: RemovalResult
  /** `revoked`: whether WHOOP was told (null: there was no sign-in); `message` says what happened. */
  deleteAllData: { deleted: true; revoked: boolean | null; message: string }
  loadDemoData: { records: number }
  removeDemoData: { removed: boolean }
  getActivity: ActivityEntry[]
  getDiagnostics: Diagnostics
  /** Where the logs are, and whether the app could open the folder for the person. */
  openLogsFolder: { folder: string; opened: boolean }
  getAssistantAccess: AssistantAccess
  getBackups: BackupsStatus
  backUpNow: BackupsStatus
  restoreBackup: RestoreResult
  /** The backups in the folder chosen (or as they were, when the person cancelled). */
  chooseBackupFolder: BackupsStatus
  getDesktopSupport: DesktopSupport
}

/**
 * What the computer around the app offers: `null` where it works, else why not in words (the
 * browser host has none of it; some Linux desktops show no tray icons).
 */
export interface DesktopSupport {
  tray: string | null
  notifications: string | null
  startAtLogin: string | null
}

/** What each event carries. */
export interface ApiEventPayloads {
  onSyncProgress: SyncProgress
  /** How a sign-in ended, whichever way WHOOP's redirect arrived. */
  onSignInOutcome: SignInOutcome
  /** The connection's state whenever it changes: connected, refused by WHOOP, disconnected. */
  onConnectionChanged: ConnectionStatus
  /** Records written or read so far by a long export or import. */
  onExchangeProgress: ExchangeProgress
  /** An AI assistant read the data through the MCP server: when, and with which tool. */
  onAssistantRead: AssistantAccess['lastRead']
  /** When the next background sync is due, whenever that moves. */
  onSyncSchedule: SyncSchedule
  /** The app was asked to show a page (a notification or the tray menu was clicked). */
  onOpenPage: 'today' | 'settings'
}

type ArgumentsOf<M extends ApiMethod> = z.output<(typeof apiArgumentSchemas)[M]>

/** What `window.api` offers the renderer: the methods, and a subscription per event. */
export type Api = {
  [M in ApiMethod]: (...args: ArgumentsOf<M>) => Promise<Result<ApiValues[M]>>
} & {
  [E in ApiEvent]: (listener: (payload: ApiEventPayloads[E]) => void) => () => void
}

/** How the core hands an event to whichever transport carries it to the page. */
export type EmitApiEvent = <E extends ApiEvent>(event: E, payload: ApiEventPayloads[E]) => void

/** What the main process implements: plain functions that return a value or throw. */
export type ApiHandlers = {
  [M in ApiMethod]: (...args: ArgumentsOf<M>) => Promise<ApiValues[M]> | ApiValues[M]
}
