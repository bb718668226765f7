import path from 'node:path'
import { Client } from '@modelcontextprotocol/sdk/client/index.js'
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js'
import type { AssistantToolName } from '../../../src/shared/assistant'

export const mcpBundle = path.resolve(__dirname, '../../../out/main/mcp.js')
const ioRecorder = path.resolve(__dirname, 'ioRecorder.mjs')

/** One thing the server's process did, as test/support/harness/ioRecorder.mjs reported it. */
export interface IoEvent {
  kind: string
  target: string
  flags?: string
}

/**
 * An assistant's side of the MCP server: the official SDK client, starting `node out/main/mcp.js`
 * over stdio on `dataDir`, with every connection, fetch and file access of the server recorded.
 */
export async function connectAssistant(dataDir: string, command: { command: string; args: string[] } = { command: process.execPath, args: [mcpBundle] }) {
  const transport = new StdioClientTransport({
    command: command.command,
    args: ['--import', ioRecorder, ...command.args],
    env: { WHOOP_DESKTOP_DATA_DIR: dataDir, PATH: process.env.PATH ?? '' },
    stderr: 'pipe'
  })
  let stderr = ''
  transport.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  const client = new Client({ name: 'whoop-desktop-tests', version: '1.0.0' })
  await client.connect(transport)

  /** A tool's answer: its JSON, or its error message. */
  async function call(name: string, args: Record<string, unknown> = {}): Promise<{ isError: boolean; text: string; json: any }> {
    const result = (await client.callTool({ name, arguments: args })) as { isError?: boolean; content: { type: string; text: string }[] }
    const text = result.content.map((part) => part.text).join('\n')
    return { isError: result.isError === true, text, json: result.isError ? undefined : JSON.parse(text) }
  }

  return {
    client,
    call,
    /** Closes stdin, as an assistant does, and waits for the server to exit. */
    async close(): Promise<{ io: IoEvent[]; log: string }> {
      await client.close()
      const io = stderr
        .split('\n')
        .filter((line) => line.startsWith('io '))
        .map((line) => JSON.parse(line.slice(3)) as IoEvent)
      return { io, log: stderr }
    }
  }
}

export type AssistantConnection = Awaited<ReturnType<typeof connectAssistant>>

/** Arguments each tool answers with, on any history. */
export const toolArguments: Record<AssistantToolName, Record<string, unknown>> = {
  get_day: {},
  get_trend: { metric: 'recovery' },
  compare_periods: { first_start_date: '2026-01-01', first_end_date: '2026-01-31', second_start_date: '2026-02-01', second_end_date: '2026-02-28' },
  list_workouts: {},
  list_tags: {},
  get_journal_insights: {},
  get_sync_status: {}
}
