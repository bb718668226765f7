import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js'
import type { CallToolResult } from '@modelcontextprotocol/sdk/types.js'
import { z } from 'zod'
import { assistantToolNames } from '../../shared/assistant'
import type { AssistantData, AssistantSource } from './assistantSource'
import { assistantTools } from './assistantTools'
import { DATA_MODEL_URI, dataModel } from './dataModel'

export interface AssistantServerOptions {
  version: string
  source: AssistantSource
  /** Whether the person turned assistant access on: asked on every call, as they may change it while the assistant runs. */
  accessAllowed: () => boolean
  /** Told after each answer that read the person's data. */
  onRead: (tool: string) => void
}

const ACCESS_OFF_MESSAGE =
  'WHOOP Desktop does not let AI assistants read your data yet. To allow it, open WHOOP Desktop → Settings → AI assistants and turn on ' +
  '"Let AI assistants on this computer read my WHOOP data", then ask again.'

/**
 * The MCP server: read-only tools over the person's WHOOP history and a resource describing it. A
 * refusal, bad arguments or a missing database come back as a tool error with a message (the SDK
 * turns a thrown error into one), never a stack trace.
 */
export function createAssistantServer(options: AssistantServerOptions): McpServer {
  const server = new McpServer(
    { name: 'whoop-desktop', title: 'WHOOP Desktop', version: options.version },
    {
      instructions:
        "Read-only access to the person's WHOOP history as stored by the WHOOP Desktop app on this computer. " +
        `Dates are YYYY-MM-DD in the person's time zone; read ${DATA_MODEL_URI} for what each measure means and its unit.`
    }
  )
  for (const tool of assistantTools) {
    // The SDK validates the arguments against `tool.input` before this runs; the list's tools differ
    // in their input, so the answer is called through its common shape.
    const answer = tool.answer as (data: AssistantData, input: unknown) => unknown
    server.registerTool(
      tool.name,
      { title: tool.title, description: tool.description, inputSchema: strictInput(tool.name, tool.input), annotations: { readOnlyHint: true, openWorldHint: false } },
      async (input: unknown): Promise<CallToolResult> => {
        if (!options.accessAllowed()) return { content: [{ type: 'text', text: ACCESS_OFF_MESSAGE }], isError: true }
        const text = JSON.stringify(answer(options.source.read(), input))
        options.onRead(tool.name)
        return { content: [{ type: 'text', text }] }
      }
    )
  }
  server.registerResource(
    'data-model',
    DATA_MODEL_URI,
    { title: 'What the data is', description: 'Days, measures and their units, baselines, insights and the limits of each answer.', mimeType: 'text/markdown' },
    async (uri) => ({ contents: [{ uri: uri.href, mimeType: 'text/markdown', text: dataModel }] })
  )
  return server
}

/**
 * A tool's arguments, refusing any it does not know (a misspelt `range` must not quietly answer for
 * the default days), with a message that names them and lists the ones it takes. Advertised with
 * `additionalProperties: false`.
 */
function strictInput(name: string, shape: z.ZodRawShape) {
  const accepted = Object.keys(shape)
  return z.strictObject(shape, {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `${name} does not take ${issue.keys.join(', ')}; it takes ${accepted.length ? accepted.join(', ') : 'no arguments'}.`
        : undefined
  })
}

// Every tool the app listens for notices of is registered, and no other.
assistantTools.map((tool) => tool.name) satisfies (typeof assistantToolNames)[number][]
