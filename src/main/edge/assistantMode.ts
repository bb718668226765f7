import path from 'node:path'
import { app } from 'electron'
import { MCP_FLAG, type AssistantCommand } from '../../shared/assistant'
import { resolveDataDir } from '../dataDir'
import { runMcpServer } from '../mcp/runMcpServer'

/** Whether this launch is an AI assistant starting the read-only MCP server (`<app> --mcp`). */
export const startedForAssistant = (argv: readonly string[]) => argv.includes(MCP_FLAG)

const logLine = (line: string) => process.stderr.write(`${line}\n`)

/**
 * The installed app as an assistant's MCP server: no window, no dock icon, no single-instance lock
 * (it runs beside the open app), and nothing on stdout but the protocol. It quits when the
 * assistant closes stdin.
 */
export function startAssistantServer(): void {
  console.log = console.error
  console.info = console.error
  app.dock?.hide()
  app.disableHardwareAcceleration()
  const dataDir = resolveDataDir(process.env, app.getPath('userData'))
  runMcpServer({ dataDir, version: app.getVersion(), log: logLine }).then(
    () => app.quit(),
    (error: unknown) => {
      logLine(`WHOOP Desktop MCP server stopped: ${error instanceof Error ? error.message : String(error)}`)
      app.exit(1)
    }
  )
}

/**
 * How an assistant starts this app's MCP server on this computer: this executable with `--mcp`
 * (for an AppImage, the AppImage itself: the executable inside lives in a mount that changes at
 * every launch); unpackaged (`npm start`), Electron with the app's folder.
 */
export function desktopAssistantCommand(): AssistantCommand {
  const dataDir = process.env.WHOOP_DESKTOP_DATA_DIR?.trim()
  return {
    command: process.env.APPIMAGE ?? process.execPath,
    args: app.isPackaged ? [MCP_FLAG] : [app.getAppPath(), MCP_FLAG],
    ...(dataDir && { env: { WHOOP_DESKTOP_DATA_DIR: path.resolve(dataDir) } })
  }
}
