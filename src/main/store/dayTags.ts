import type { Database } from 'better-sqlite3'
import type { TagUse, TaggedDay } from '../../shared/tags'
import { rememberUntilChanged } from './rememberUntilChanged'

/**
 * The tags a person puts on their days. A tag is kept once per day whatever its letter case ("Sick"
 * on a day tagged "sick" changes nothing), in the spelling first given; the day is the member's
 * day, as every page dates a cycle.
 */
export function createDayTags(db: Database) {
  const insert = db.prepare<[number, string, string, number]>('INSERT INTO day_tag (user_id, date, tag, created_ms) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
  const remove = db.prepare<[number, string, string]>('DELETE FROM day_tag WHERE user_id = ? AND date = ? AND tag = ?')
  const between = db.prepare<[number, string, string], { date: string; tag: string }>(
    'SELECT date, tag FROM day_tag WHERE user_id = ? AND date BETWEEN ? AND ? ORDER BY date, tag'
  )
  const uses = db.prepare<[number], TagUse>(
    // A tag spelt in two cases on two days counts once (the column compares without case).
    'SELECT MIN(tag) AS tag, COUNT(*) AS days FROM day_tag WHERE user_id = ? GROUP BY tag ORDER BY days DESC, tag'
  )

  /** The tagged days from `from` to `to` (inclusive), oldest first, each with its tags in alphabetical order. */
  function taggedDays(userId: number, from: string, to: string): TaggedDay[] {
    const days = new Map<string, string[]>()
    for (const { date, tag } of between.all(userId, from, to)) days.set(date, [...(days.get(date) ?? []), tag])
    return [...days].map(([date, tags]) => ({ date, tags }))
  }

  return {
    add: (userId: number, date: string, tag: string, atMs: number) => void insert.run(userId, date, tag, atMs),
    remove: (userId: number, date: string, tag: string) => void remove.run(userId, date, tag),
    taggedDays,
    /** A day's tags, in alphabetical order. */
    on: (userId: number, date: string) => taggedDays(userId, date, date)[0]?.tags ?? [],
    /** Every tagged day of the history, read again only after the database changed (insights ask often). */
    all: rememberUntilChanged(db, (userId: number) => taggedDays(userId, '0000-01-01', '9999-12-31')),
    uses: (userId: number) => uses.all(userId)
  }
}

export type DayTags = ReturnType<typeof createDayTags>
