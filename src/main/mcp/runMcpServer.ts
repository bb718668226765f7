import path from 'node:path'
import { StdioServerTransport } from '@modelcontextprotocol/sdk/server/stdio.js'
import { DATABASE_FILE_NAME } from '../database/openDatabase'
import { readSettingsFile } from '../settings/settingsStore'
import { createAssistantSource } from './assistantSource'
import { createAssistantServer } from './mcpServer'
import { announceRead, readNoticeAddress } from './readNotices'

export interface McpRunOptions {
  /** The app's data folder: its database and settings are read, never written. */
  dataDir: string
  version: string
  /** Where log lines go: stderr, as stdout carries the protocol. */
  log: (line: string) => void
}

/**
 * Serves the MCP protocol on stdin/stdout until the assistant closes stdin. Both entry points run
 * this: `node out/main/mcp.js` and the installed app started with `--mcp`.
 */
export async function runMcpServer({ dataDir, version, log }: McpRunOptions): Promise<void> {
  const source = createAssistantSource(path.join(dataDir, DATABASE_FILE_NAME))
  const noticeAddress = readNoticeAddress(dataDir)
  const server = createAssistantServer({
    version,
    source,
    accessAllowed: () => readSettingsFile(dataDir).assistantAccess,
    onRead: (tool) => announceRead(noticeAddress, tool)
  })
  const transport = new StdioServerTransport()
  transport.onerror = (error) => log(`MCP transport error: ${error.message}`)
  await server.connect(transport)
  log(`WHOOP Desktop ${version} MCP server: reading ${dataDir} (read-only)`)
  await new Promise<void>((resolve) => process.stdin.once('end', resolve))
  await server.close()
  source.close()
  log('WHOOP Desktop MCP server: the assistant closed the connection')
}
