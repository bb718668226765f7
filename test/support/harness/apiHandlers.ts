import type { ApiHandlers } from '../../../src/shared/api'
import { defaultSettings } from '../../../src/shared/settings'
import { loopbackRedirectUri } from '../../../src/shared/connection'

export const testAppInfo = {
  name: 'WHOOP Desktop',
  version: '1.0.0',
  dataDir: '/d',
  databaseFile: '/d/db',
  schemaVersion: 1,
  whoopApiBaseUrl: 'https://api.prod.whoop.com/developer'
}

/** Simple handlers for every API method, for tests of the transports around them. */
export function handlersWith(overrides: Partial<ApiHandlers> = {}): ApiHandlers {
  let settings = defaultSettings
  return {
    getAppInfo: () => testAppInfo,
    getSettings: () => settings,
    updateSettings: (patch) => (settings = { ...settings, ...patch }),
    getDashboard: () => null,
    getDay: () => null,
    getTrend: () => null,
    getInsights: () => null,
    getComparison: () => null,
    getReport: () => null,
    tagDay: ({ date }) => ({ date, tags: [] }),
    untagDay: ({ date }) => ({ date, tags: [] }),
    getTagUses: () => [],
    saveReportPdf: () => ({ saved: false, printInPage: true }),
    saveReportImage: () => ({ saved: false }),
    syncNow: () => Promise.reject(new Error('not in this test')),
    cancelSync: () => false,
    getSyncStatus: () => ({ asOf: '2026-11-20T15:00:00.000Z', running: false, connected: false, resources: [], lastRun: null, progress: null, schedule: { nextAt: null, failures: 0 } }),
    getConnection: () => ({
      state: 'not-connected',
      hasClientSecret: false,
      storage: { persistent: true, backend: 'test' },
      signIn: { pending: false },
      deepLinks: { reachesApp: false, reason: 'not in this test' },
      loopbackRedirectUri: loopbackRedirectUri(settings.loopbackPort)
    }),
    startSignIn: () => Promise.reject(new Error('not in this test')),
    completeSignIn: () => ({ ok: false, reason: 'no-pending', message: 'none' }),
    cancelSignIn: () => false,
    disconnect: () => ({ revoked: false, dataDeleted: false, message: 'none' }),
    exportData: () => ({ saved: false, records: 0, bytes: 0 }),
    importData: () => ({ imported: false, added: 0, updated: 0, unchanged: 0, skippedAsDuplicates: 0, keptNewer: 0, byType: {} }),
    removeStaleRecords: () => ({ removed: 0, byType: {} }),
    deleteAllData: () => ({ deleted: true, revoked: null, message: 'Deleted.' }),
    loadDemoData: () => ({ records: 0 }),
    removeDemoData: () => ({ removed: false }),
    getActivity: () => [],
    getDiagnostics: () => Promise.reject(new Error('not in this test')),
    openLogsFolder: () => ({ folder: '/logs', opened: false }),
    getAssistantAccess: () => ({ enabled: settings.assistantAccess, command: { command: '/app', args: ['--mcp'] }, clients: [], lastRead: null }),
    getBackups: () => ({ folder: '/d/backups', backups: [], nextAt: null, lastFailure: null }),
    backUpNow: () => Promise.reject(new Error('not in this test')),
    restoreBackup: () => Promise.reject(new Error('not in this test')),
    chooseBackupFolder: () => Promise.reject(new Error('not in this test')),
    getDesktopSupport: () => ({ tray: null, notifications: null, startAtLogin: null }),
    ...overrides
  }
}
