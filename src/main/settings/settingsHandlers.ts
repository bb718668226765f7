import type { ApiHandlers } from '../../shared/api'
import type { TokenVault } from '../auth/tokenVault'
import type { SettingsStore } from './settingsStore'

export interface SettingsDeps {
  settings: SettingsStore
  vault: TokenVault
  /** Starts or stops listening for AI assistants' reads, as the settings now say. */
  followAssistantAccess: () => Promise<unknown>
  /** Tells the page the connection's state (the loopback port and the storage are part of it). */
  announceConnection: () => void
  /** What else follows the settings: the background sync, the backups, start at login. */
  followSettings: () => void
}

/** Settings: read, and changed, with what depends on them following at once. */
export function createSettingsHandlers(deps: SettingsDeps): Pick<ApiHandlers, 'getSettings' | 'updateSettings'> {
  return {
    getSettings: () => deps.settings.get(),
    updateSettings: async (patch) => {
      const updated = deps.settings.update(patch)
      if (patch.allowWeakTokenStorage !== undefined) await deps.vault.reconsider()
      await deps.followAssistantAccess()
      deps.announceConnection()
      deps.followSettings()
      return updated
    }
  }
}
