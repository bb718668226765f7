/** The command-line flag that starts the app as a read-only MCP server for AI assistants. */
export const MCP_FLAG = '--mcp'

/** The tools the MCP server offers, by name. */
export const assistantToolNames = ['get_day', 'get_trend', 'compare_periods', 'list_workouts', 'list_tags', 'get_journal_insights', 'get_sync_status'] as const
export type AssistantToolName = (typeof assistantToolNames)[number]

/** How an assistant starts the MCP server on this computer. */
export interface AssistantCommand {
  command: string
  args: string[]
  /** Set when the app runs on a data folder of its own (`WHOOP_DESKTOP_DATA_DIR`). */
  env?: Record<string, string>
}

/** One assistant's configuration: the file it goes in, and what to paste there. */
export interface AssistantClientConfig {
  client: 'Claude Desktop' | 'Cursor' | 'VS Code'
  /** Where the configuration goes on this computer. */
  file: string
  json: string
}

/** What Settings → AI assistants shows. */
export interface AssistantAccess {
  enabled: boolean
  command: AssistantCommand
  clients: AssistantClientConfig[]
  /** When an assistant last read the data, as the MCP server told the running app. */
  lastRead: { atMs: number; tool: string } | null
}

/** The name the server goes by in each assistant's configuration. */
const SERVER_NAME = 'whoop-desktop'

/**
 * Ready-to-paste configurations for Claude Desktop, Cursor and VS Code: each takes the command and
 * its arguments; VS Code names the transport and keeps its servers under `servers`.
 */
export function assistantClientConfigs(command: AssistantCommand, platform: string, home: string): AssistantClientConfig[] {
  const server = { command: command.command, args: command.args, ...(command.env && { env: command.env }) }
  const json = (value: unknown) => JSON.stringify(value, null, 2)
  const separator = platform === 'win32' ? '\\' : '/'
  const inHome = (...parts: string[]) => [home, ...parts].join(separator)
  const claudeFile =
    platform === 'darwin'
      ? inHome('Library', 'Application Support', 'Claude', 'claude_desktop_config.json')
      : platform === 'win32'
        ? '%APPDATA%\\Claude\\claude_desktop_config.json'
        : inHome('.config', 'Claude', 'claude_desktop_config.json')
  return [
    { client: 'Claude Desktop', file: claudeFile, json: json({ mcpServers: { [SERVER_NAME]: server } }) },
    { client: 'Cursor', file: inHome('.cursor', 'mcp.json'), json: json({ mcpServers: { [SERVER_NAME]: server } }) },
    {
      client: 'VS Code',
      file: '.vscode/mcp.json in a workspace, or the user configuration (command "MCP: Open User Configuration")',
      json: json({ servers: { [SERVER_NAME]: { type: 'stdio', ...server } } })
    }
  ]
}
