import type { Database } from 'better-sqlite3'
import { createRecordStore } from '../store/recordStore'
import { saveDemoJournal } from './demoJournal'
import { saveDemoTags } from './demoTags'
import { generateMemberHistory } from './memberHistory'

/** The demo member's id: negative, so it can never be a real WHOOP user id. */
const DEMO_USER_ID = -1
const DEMO_DAYS = 2 * 365

/**
 * Two years of generated, realistic WHOOP data under a demo account (with journal answers and day
 * tags), so the dashboard can be explored before connecting. The same every time, labelled as demo, and removable in one step.
 */
export function loadDemoData(db: Database, now: number): { records: number } {
  const history = generateMemberHistory({ days: DEMO_DAYS, now, seed: 2024, userId: DEMO_USER_ID, newestNightScored: true })
  const store = createRecordStore(db)
  const fetchedAt = new Date(now).toISOString()
  const options = { source: 'demo' as const, walk: null }
  let journal = 0
  let tags = 0
  db.transaction(() => {
    removeDemoData(db)
    store.saveProfile({ ...history.profile, first_name: 'Demo', last_name: 'Member', email: 'demo@whoop-desktop.invalid' }, fetchedAt, true)
    store.saveBodyMeasurement(DEMO_USER_ID, history.body, fetchedAt)
    store.upsert('cycle', DEMO_USER_ID, history.cycles, options)
    store.upsert('sleep', DEMO_USER_ID, history.sleeps, options)
    store.upsert('recovery', DEMO_USER_ID, history.recoveries, options)
    store.upsert('workout', DEMO_USER_ID, history.workouts, options)
    journal = saveDemoJournal(db, history)
    tags = saveDemoTags(db, DEMO_USER_ID, now)
  })()
  return { records: history.cycles.length + history.sleeps.length + history.recoveries.length + history.workouts.length + journal + tags }
}

/** Removes the demo account and everything under it. */
export function removeDemoData(db: Database): { removed: boolean } {
  return { removed: db.prepare('DELETE FROM account WHERE is_demo = 1').run().changes > 0 }
}
