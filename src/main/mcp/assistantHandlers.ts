import os from 'node:os'
import type { Database } from 'better-sqlite3'
import type { ApiHandlers, EmitApiEvent } from '../../shared/api'
import { assistantClientConfigs, assistantToolNames, type AssistantCommand } from '../../shared/assistant'
import type { Clock } from '../clock'
import type { SettingsStore } from '../settings/settingsStore'
import { createAssistantReads } from '../store/assistantReads'
import { listenForReads, readNoticeAddress, type ReadListener } from './readNotices'

export interface AssistantDeps {
  db: Database
  dataDir: string
  settings: SettingsStore
  /** How an assistant starts this app's MCP server on this computer. */
  command: AssistantCommand
  clock: Clock
  emit: EmitApiEvent
  logError: (message: string, error?: unknown) => void
}

/**
 * Settings → AI assistants: whether assistants may read the data, the configuration to paste into
 * each assistant, and when one last read it. While access is on, the app listens for the MCP
 * server's read notices and keeps the time of the latest.
 */
export function createAssistantAccess(deps: AssistantDeps) {
  const reads = createAssistantReads(deps.db)
  const address = readNoticeAddress(deps.dataDir)
  let listener: Promise<ReadListener | undefined> = Promise.resolve(undefined)

  const onRead = (tool: string) => {
    // A notice that arrives while the app quits finds the database closed: it is let go.
    if (!deps.db.open) return
    reads.record(tool, deps.clock.now())
    deps.emit('onAssistantRead', reads.last())
  }
  const stop = () => (listener = listener.then((open) => open?.close()).then(() => undefined))

  /** Listens while access is on; called at start and after every settings change. */
  function follow(): Promise<unknown> {
    const wanted = deps.settings.get().assistantAccess
    listener = listener.then(async (open) => {
      if (Boolean(open) === wanted) return open
      if (open) return void (await open.close())
      return listenForReads(address, assistantToolNames, onRead).catch((error: unknown) => {
        deps.logError(`Cannot listen for AI assistants' reads at ${address}`, error)
        return undefined
      })
    })
    return listener
  }

  const handlers: Pick<ApiHandlers, 'getAssistantAccess'> = {
    getAssistantAccess: () => ({
      enabled: deps.settings.get().assistantAccess,
      command: deps.command,
      clients: assistantClientConfigs(deps.command, process.platform, os.homedir()),
      lastRead: reads.last()
    })
  }
  return { handlers, follow, close: () => stop() }
}
