import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { exportedTables } from '../../../src/main/exchange/exportedTables'
import { exportJsonSchema } from '../../../src/main/exchange/exportFormat'
import { recordTables } from '../../../src/main/store/recordTables'

export const exportSchemaFile = path.resolve(__dirname, '../../../src/main/exchange/whoop-desktop-export.schema.json')

describe('the export format', () => {
  it('is documented by the committed JSON Schema, generated from the format’s definitions', () => {
    const generated = exportJsonSchema()
    // Regenerate with: UPDATE_EXPORT_SCHEMA=1 npx vitest run test/unit/exchange/exportFormat.test.ts
    if (process.env.UPDATE_EXPORT_SCHEMA) fs.writeFileSync(exportSchemaFile, `${JSON.stringify(generated, null, 2)}\n`)
    expect(JSON.parse(fs.readFileSync(exportSchemaFile, 'utf8'))).toEqual(generated)
  })

  it('holds every stored column of every record table', () => {
    for (const table of exportedTables.filter((t) => t.hasRaw)) {
      const stored = recordTables[table.recordType as keyof typeof recordTables].columns.filter(
        (column) => !['user_id', 'walk', 'raw'].includes(column)
      )
      expect([...table.columns].sort(), table.table).toEqual([...stored].sort())
    }
  })
})
