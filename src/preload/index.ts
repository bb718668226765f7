import { contextBridge, ipcRenderer } from 'electron'
import { apiChannels } from '../shared/channels'

/**
 * Exposes exactly the API contract as `window.api`: one named function per method, each invoking
 * its own channel. No generic `invoke(channel)` and no Electron object ever reaches the page.
 */
const api = Object.fromEntries(
  Object.entries(apiChannels).map(([method, channel]) => [
    method,
    (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)
  ])
)

contextBridge.exposeInMainWorld('api', api)
