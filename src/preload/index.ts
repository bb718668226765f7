import { contextBridge, ipcRenderer } from 'electron'
import { apiChannels, apiEventChannels } from '../shared/channels'

/**
 * Exposes exactly the API contract as `window.api`: one named function per method, each invoking
 * its own channel, and one subscription per event. No generic `invoke(channel)` and no Electron
 * object ever reaches the page.
 */
const methods = Object.entries(apiChannels).map(([method, channel]) => [
  method,
  (...args: unknown[]) => ipcRenderer.invoke(channel, ...args)
])
const events = Object.entries(apiEventChannels).map(([event, channel]) => [
  event,
  (listener: (payload: unknown) => void) => {
    const forward = (_event: unknown, payload: unknown) => listener(payload)
    ipcRenderer.on(channel, forward)
    return () => void ipcRenderer.removeListener(channel, forward)
  }
])
const api = Object.fromEntries([...methods, ...events])

contextBridge.exposeInMainWorld('api', api)
