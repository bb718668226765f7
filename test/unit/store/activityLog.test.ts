import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/database/openDatabase'
import { ACTIVITY_ENTRIES_KEPT, createActivityLog } from '../../../src/main/store/activityLog'
import { makeTempDir } from '../../support/harness/tempDir'

describe('the activity log', () => {
  it(`keeps the newest ${ACTIVITY_ENTRIES_KEPT} entries, however many are written`, () => {
    const db = openDatabase(path.join(makeTempDir(), 'db.sqlite'))
    const log = createActivityLog(db, () => Date.UTC(2026, 11, 1))
    for (let n = 1; n <= 1500; n++) log.record('sync', true, `entry ${n}`)
    const kept = db.prepare('SELECT summary FROM activity ORDER BY id').all() as { summary: string }[]
    expect(kept).toHaveLength(1000)
    expect(kept[0].summary).toBe('entry 501')
    expect(kept.at(-1)!.summary).toBe('entry 1500')
    db.close()
  })
})
