import type { Database } from 'better-sqlite3'

/**
 * Keeps what `compute` answered for each set of arguments until the database changes: the pages and
 * the MCP server ask for the same years of history again and again, and it changes only when a sync,
 * an import or a restore writes. Another connection's commit (the import worker; the app, for the
 * MCP server's reader) moves `PRAGMA data_version`; this connection's own writes move
 * `total_changes()`. Answers are shared: callers must not change them.
 */
export function rememberUntilChanged<A extends (string | number | undefined)[], R>(db: Database, compute: (...args: A) => R): (...args: A) => R {
  const dataVersion = db.prepare<[], number>('PRAGMA data_version').pluck()
  const ownChanges = db.prepare<[], number>('SELECT total_changes()').pluck()
  let version = ''
  let answers = new Map<string, R>()
  return (...args) => {
    const current = `${dataVersion.get()}/${ownChanges.get()}`
    if (current !== version) {
      version = current
      answers = new Map()
    }
    const key = args.join('\n')
    if (!answers.has(key)) answers.set(key, compute(...args))
    return answers.get(key)!
  }
}
