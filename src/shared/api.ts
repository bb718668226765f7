import { z } from 'zod'
import type { ApiMethod } from './channels'
import type { Result } from './result'
import { settingsPatchSchema, type Settings } from './settings'

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

/** The arguments of every method, validated in the main process before a handler runs. */
export const apiArgumentSchemas = {
  getAppInfo: z.tuple([]),
  getSettings: z.tuple([]),
  updateSettings: z.tuple([settingsPatchSchema])
} satisfies Record<ApiMethod, z.ZodTuple>

/** What every method resolves to when it succeeds. */
interface ApiValues {
  getAppInfo: AppInfo
  getSettings: Settings
  updateSettings: Settings
}

type ArgumentsOf<M extends ApiMethod> = z.output<(typeof apiArgumentSchemas)[M]>

/** What `window.api` offers the renderer. */
export type Api = {
  [M in ApiMethod]: (...args: ArgumentsOf<M>) => Promise<Result<ApiValues[M]>>
}

/** What the main process implements: plain functions that return a value or throw. */
export type ApiHandlers = {
  [M in ApiMethod]: (...args: ArgumentsOf<M>) => Promise<ApiValues[M]> | ApiValues[M]
}
