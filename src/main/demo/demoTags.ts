import type { Database } from 'better-sqlite3'
import { ILL_NIGHTS_AGO } from './memberHistory'
import { seededRandom } from './seededRandom'

/** A day strain from which the demo member calls a day hard training. */
const HARD_DAY_STRAIN = 16

/**
 * Tags the demo member put on their days, so the charts and Insights show tags before a person
 * tags anything: "sick" on the days of the cold, "travel" on the days away from home (another UTC
 * offset than the two of home), "hard training" on days of strain 16 or more, and "late meal" now
 * and then at random. Dated by each cycle's day, as a person tagging in the app would; the same every time.
 */
export function saveDemoTags(db: Database, userId: number, now: number): number {
  const random = seededRandom(11)
  const days = db
    .prepare<[number], { day: string; strain: number | null; offset: string }>('SELECT day, strain, timezone_offset AS offset FROM cycle WHERE user_id = ? ORDER BY start_ms')
    .all(userId)
  const uses = new Map<string, number>()
  for (const { offset } of days) uses.set(offset, (uses.get(offset) ?? 0) + 1)
  const home = new Set([...uses].sort((a, b) => b[1] - a[1]).slice(0, 2).map(([offset]) => offset))
  const insert = db.prepare<[number, string, string, number]>('INSERT INTO day_tag (user_id, date, tag, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
  let tags = 0
  days.forEach(({ day, strain, offset }, index) => {
    const nightsAgo = days.length - 1 - index
    const sick = nightsAgo >= ILL_NIGHTS_AGO.from && nightsAgo <= ILL_NIGHTS_AGO.to
    const tagged = [
      sick && 'sick',
      !home.has(offset) && 'travel',
      (strain ?? 0) >= HARD_DAY_STRAIN && 'hard training',
      !sick && random.chance(0.12) && 'late meal'
    ].filter((tag) => tag !== false)
    for (const tag of tagged) tags += insert.run(userId, day, tag, now).changes
  })
  return tags
}
