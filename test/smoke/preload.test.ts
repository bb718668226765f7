import fs from 'node:fs'
import path from 'node:path'
import vm from 'node:vm'
import type * as Electron from 'electron'
import { describe, expect, it } from 'vitest'
import { apiChannels, apiEventChannels, apiEvents, apiMethods } from '../../src/shared/channels'
import { outDir } from '../support/electron/mainBundle'

/**
 * Runs the built preload as Electron's sandbox does: a script whose `require` knows only a few
 * modules, here `electron` with stand-ins for contextBridge and ipcRenderer that record what the
 * preload exposes and sends.
 */
function runBuiltPreload() {
  const exposed: Record<string, unknown> = {}
  const invoked: [string, unknown[]][] = []
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api)
  } satisfies Pick<Electron.ContextBridge, 'exposeInMainWorld'>
  const ipcRenderer = {
    invoke: async (channel: string, ...args: unknown[]) => void invoked.push([channel, args]),
    on(channel: string, listener: (event: Electron.IpcRendererEvent, ...args: any[]) => void) {
      listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener as (...args: unknown[]) => void))
      return this as unknown as Electron.IpcRenderer
    },
    removeListener(channel: string, listener: (...args: any[]) => void) {
      listeners.get(channel)?.delete(listener)
      return this as unknown as Electron.IpcRenderer
    }
  } satisfies Pick<Electron.IpcRenderer, 'invoke' | 'on' | 'removeListener'>
  const sandboxRequire = (name: string) => {
    if (name === 'electron') return { contextBridge, ipcRenderer }
    throw new Error(`a sandboxed preload cannot require ${name}`)
  }
  const code = fs.readFileSync(path.join(outDir, 'preload/index.js'), 'utf8')
  vm.runInNewContext(`(function (require) {\n${code}\n})`, {}, { filename: 'preload/index.js' })(sandboxRequire)
  return { exposed, invoked, listeners }
}

describe('the built preload, run as in a sandboxed window', () => {
  it('exposes exactly the contract as window.api, and nothing else', () => {
    const { exposed } = runBuiltPreload()
    expect(Object.keys(exposed)).toEqual(['api'])
    const api = exposed.api as Record<string, unknown>
    expect(Object.keys(api).sort()).toEqual([...apiMethods, ...apiEvents].sort())
    for (const member of Object.values(api)) expect(typeof member).toBe('function')
  })

  it('sends each method on its own channel, with the arguments as given', async () => {
    const { exposed, invoked } = runBuiltPreload()
    const api = exposed.api as Record<string, (...args: unknown[]) => Promise<unknown>>
    for (const method of apiMethods) await api[method]({ called: method }, 2)
    expect(invoked).toEqual(apiMethods.map((method) => [apiChannels[method], [{ called: method }, 2]]))
  })

  it('subscribes each event to its own channel, passes only the payload on, and unsubscribes', () => {
    const { exposed, listeners } = runBuiltPreload()
    const api = exposed.api as Record<string, (listener: (payload: unknown) => void) => () => void>
    for (const event of apiEvents) {
      const received: unknown[] = []
      const unsubscribe = api[event]((payload) => received.push(payload))
      const channel = apiEventChannels[event]
      expect([...listeners.keys()]).toContain(channel)
      for (const listener of listeners.get(channel)!) listener({ sender: 'the IPC event stays in the preload' }, { event })
      expect(received).toEqual([{ event }])
      unsubscribe()
      expect(listeners.get(channel)!.size).toBe(0)
    }
  })
})
