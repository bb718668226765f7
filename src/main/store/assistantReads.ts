import type { Database } from 'better-sqlite3'

/** When an AI assistant last read the data, as the MCP server told the app (one row, replaced each time). */
export function createAssistantReads(db: Database) {
  const save = db.prepare('INSERT INTO assistant_read (id, read_at_ms, tool) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET read_at_ms = excluded.read_at_ms, tool = excluded.tool')
  const last = db.prepare<[], { read_at_ms: number; tool: string }>('SELECT read_at_ms, tool FROM assistant_read WHERE id = 1')
  return {
    record(tool: string, atMs: number): void {
      save.run(atMs, tool)
    },
    last(): { atMs: number; tool: string } | null {
      const row = last.get()
      return row ? { atMs: row.read_at_ms, tool: row.tool } : null
    }
  }
}
