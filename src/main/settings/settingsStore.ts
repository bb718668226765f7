import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { defaultSettings, settingsSchema, type Settings, type SettingsPatch } from '../../shared/settings'

/** The part of `conf` (and of electron-store, which extends it) that settings need. */
export interface SettingsBackend {
  readonly store: Record<string, unknown>
  set(values: Record<string, unknown>): void
  /** Back to the defaults. */
  clear(): void
}

export interface SettingsStore {
  get(): Settings
  update(patch: SettingsPatch): Settings
  reset(): Settings
}

/** The settings file is `<data folder>/config.json` (conf's name, kept explicit for its readers). */
const SETTINGS_NAME = 'config'

/**
 * The settings as the app last saved them, read without writing anything (the MCP server reads them
 * beside the running app): the defaults where the file is missing or unreadable, as the app would.
 */
export function readSettingsFile(dataDir: string): Settings {
  try {
    const stored = JSON.parse(fs.readFileSync(path.join(dataDir, `${SETTINGS_NAME}.json`), 'utf8')) as Record<string, unknown>
    return settingsSchema.parse({ ...defaultSettings, ...stored })
  } catch {
    return defaultSettings
  }
}

/**
 * Options for `conf` / electron-store: the same schema the API validates with, as JSON Schema.
 * A settings file that no longer matches it (hand-edited, written by a broken build) is reset to the
 * defaults rather than keeping the app from starting: settings are cheap to redo, data is not.
 */
export function settingsBackendOptions(dataDir: string) {
  const { properties } = z.toJSONSchema(settingsSchema) as { properties: Record<string, object> }
  return {
    cwd: dataDir,
    configName: SETTINGS_NAME,
    schema: properties,
    defaults: defaultSettings,
    clearInvalidConfig: true,
    // Readable by the person only, like the database and the vault.
    configFileMode: 0o600
  }
}

export function createSettingsStore(backend: SettingsBackend): SettingsStore {
  const read = (): Settings => settingsSchema.parse({ ...defaultSettings, ...backend.store })
  return {
    get: read,
    update(patch) {
      backend.set(settingsSchema.parse({ ...read(), ...patch }))
      return read()
    },
    reset() {
      backend.clear()
      return read()
    }
  }
}
