import { ipcMain } from 'electron'
import ElectronStore from 'electron-store'
import { settingsBackendOptions, type SettingsBackend } from '../settings/settingsStore'

/** The IPC listener electron-store adds for its renderer-side API. */
const ELECTRON_STORE_CHANNEL = 'electron-store-get-data'

/** Settings in electron-store, in the data folder, validated by the same schema as the API. */
export function openSettingsBackend(dataDir: string): SettingsBackend {
  const store = new ElectronStore(settingsBackendOptions(dataDir))
  // The sandboxed page never uses electron-store, and its listener answers any frame that asks,
  // unchecked (with the data folder's path): every IPC listener of the app checks its sender.
  ipcMain.removeAllListeners(ELECTRON_STORE_CHANNEL)
  return store as unknown as SettingsBackend
}
