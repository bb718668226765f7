import path from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { expect, it } from 'vitest'
import { openDatabase } from '../../../src/main/database/openDatabase'
import { rememberUntilChanged } from '../../../src/main/store/rememberUntilChanged'
import { makeTempDir } from '../../support/harness/tempDir'

it('answers again only for other arguments, or after this connection or another wrote to the database', () => {
  const file = path.join(makeTempDir(), 'db.sqlite')
  const db = openDatabase(file)
  const computed: string[] = []
  const answer = rememberUntilChanged(db, (user: number, until?: string) => {
    computed.push(`${user} ${until}`)
    return { user, until }
  })
  const write = (connection: BetterSqlite3.Database) =>
    connection.prepare("INSERT INTO activity (at, kind, ok, summary) VALUES ('2026-12-01T00:00:00.000Z', 'sync', 1, 'x')").run()

  expect(answer(1)).toBe(answer(1))
  answer(1, '2026-11-30')
  answer(2)
  expect(computed).toEqual(['1 undefined', '1 2026-11-30', '2 undefined'])
  answer(1, '2026-11-30')
  expect(computed).toHaveLength(3)
  // Arguments are told apart whole: (1, '2') is not (12).
  answer(1, '2')
  answer(12)
  expect(computed).toHaveLength(5)

  write(db)
  answer(1)
  expect(computed).toHaveLength(6)
  const other = new BetterSqlite3(file)
  write(other)
  other.close()
  answer(1)
  expect(computed).toHaveLength(7)
  db.close()
})
