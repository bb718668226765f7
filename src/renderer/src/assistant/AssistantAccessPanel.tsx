import { useEffect, useState } from 'react'
import type { AssistantAccess } from '../../../shared/assistant'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import { api } from '../api'
import { CopyButton } from '../CopyButton'
import { SettingToggle } from '../SettingToggle'
import { Card } from '../ui/Card'
import { Tabs } from '../ui/Tabs'

const readTime = (atMs: number) => new Date(atMs).toLocaleString(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' })

/**
 * Settings → AI assistants: the opt-in for the read-only MCP server, the configuration to paste into
 * Claude Desktop, Cursor or VS Code, and when an assistant last read the data.
 */
export function AssistantAccessPanel({ settings, onChange }: { settings: Settings; onChange: (patch: SettingsPatch) => void }) {
  const [access, setAccess] = useState<AssistantAccess>()
  // Read again whenever the settings arrive, the stored ones included: the page shows a change at
  // once, before the app has made it, and what is read then would still be the old access.
  useEffect(() => {
    let current = true
    void api.getAssistantAccess().then((result) => current && result.ok && setAccess(result.value))
    return () => {
      current = false
    }
  }, [settings])
  useEffect(() => api.onAssistantRead((lastRead) => setAccess((shown) => shown && { ...shown, lastRead })), [])

  const command = access && [access.command.command, ...access.command.args].map((part) => (/\s/.test(part) ? `"${part}"` : part)).join(' ')
  return (
    <Card aria-labelledby="assistants-title">
      <h2 id="assistants-title">AI assistants</h2>
      <p>
        An AI assistant on this computer (Claude Desktop, Cursor, VS Code) can answer questions about your WHOOP history through this app's MCP
        server. The server only reads the database here: it never sees your WHOOP sign-in and makes no connection of its own. The assistant
        does send what it reads to its AI service, so turn this on only for an assistant you trust with your health data.
      </p>
      <SettingToggle name="assistantAccess" testId="mcp-enable-toggle" settings={settings} onChange={onChange}>
        Let AI assistants on this computer read my WHOOP data
      </SettingToggle>
      {access?.enabled && (
        <>
          <p data-testid="mcp-last-read">
            {access.lastRead
              ? `Last read by an assistant: ${readTime(access.lastRead.atMs)} (${access.lastRead.tool}).`
              : 'No assistant has read your data yet.'}{' '}
            <span className="muted">Reads are noted while WHOOP Desktop is open.</span>
          </p>
          <p>
            The command that starts the server: <code data-testid="mcp-command">{command}</code>
          </p>
          <Tabs
            label="The configuration for your assistant"
            tabs={access.clients.map((client) => ({
              title: client.client,
              content: (
                <div className="assistant-config">
                  <p className="muted">Add this to {client.file}, then restart {client.client}:</p>
                  <pre data-testid="mcp-config" data-client={client.client}>
                    {client.json}
                  </pre>
                  <CopyButton text={client.json} label={`Copy the ${client.client} configuration`} />
                </div>
              )
            }))}
          />
        </>
      )}
    </Card>
  )
}
