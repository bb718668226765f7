import ElectronStore from 'electron-store'
import { settingsBackendOptions, type SettingsBackend } from '../settings/settingsStore'

/** Settings in electron-store, in the data folder, validated by the same schema as the API. */
export function openSettingsBackend(dataDir: string): SettingsBackend {
  return new ElectronStore(settingsBackendOptions(dataDir)) as unknown as SettingsBackend
}
