/**
 * Every method of the renderer-facing API and the IPC channel that carries it.
 * This is the one list the preload, the IPC registration and the browser host are derived from;
 * it has no dependencies so that the sandboxed preload can import it.
 */
export const apiChannels = {
  getAppInfo: 'app:get-info',
  getSettings: 'settings:get',
  updateSettings: 'settings:update',
  getDashboard: 'dashboard:get',
  getDay: 'insights:day',
  getTrend: 'insights:trend',
  getInsights: 'insights:journal',
  getComparison: 'insights:compare',
  getReport: 'insights:report',
  tagDay: 'tags:add',
  untagDay: 'tags:remove',
  getTagUses: 'tags:uses',
  saveReportPdf: 'insights:save-report-pdf',
  saveReportImage: 'insights:save-report-image',
  syncNow: 'sync:now',
  cancelSync: 'sync:cancel',
  getSyncStatus: 'sync:status',
  getConnection: 'connection:get',
  startSignIn: 'connection:start-sign-in',
  completeSignIn: 'connection:complete-sign-in',
  cancelSignIn: 'connection:cancel-sign-in',
  disconnect: 'connection:disconnect',
  exportData: 'data:export',
  importData: 'data:import',
  removeStaleRecords: 'data:remove-stale',
  deleteAllData: 'data:delete-all',
  loadDemoData: 'demo:load',
  removeDemoData: 'demo:remove',
  getActivity: 'diagnostics:activity',
  getDiagnostics: 'diagnostics:get',
  openLogsFolder: 'diagnostics:open-logs',
  getAssistantAccess: 'assistant:get',
  getBackups: 'backups:get',
  backUpNow: 'backups:make',
  restoreBackup: 'backups:restore',
  chooseBackupFolder: 'backups:choose-folder',
  getDesktopSupport: 'desktop:support'
} as const

export type ApiMethod = keyof typeof apiChannels

export const apiMethods = Object.keys(apiChannels) as ApiMethod[]

/** Events the main process pushes to the page, each subscribed to by a method of its own name. */
export const apiEventChannels = {
  onSyncProgress: 'sync:progress',
  onSignInOutcome: 'connection:sign-in-outcome',
  onConnectionChanged: 'connection:changed',
  onExchangeProgress: 'data:progress',
  onAssistantRead: 'assistant:read',
  onSyncSchedule: 'sync:schedule',
  onOpenPage: 'app:open-page'
} as const

export type ApiEvent = keyof typeof apiEventChannels

export const apiEvents = Object.keys(apiEventChannels) as ApiEvent[]
