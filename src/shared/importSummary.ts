import type { ExportRecordType, ImportCounts, ImportVerdict, PendingRemoval, RemovalResult, StaleRecordShown } from './exchange'
import { grouped } from './numberText'

/*
 * The words for what an import did, shared by the Data page and the activity log. Type-only
 * imports keep zod out of the page.
 */

const typeNames: Record<ExportRecordType, [one: string, many: string]> = {
  cycle: ['cycle', 'cycles'],
  recovery: ['recovery', 'recoveries'],
  sleep: ['sleep', 'sleeps'],
  workout: ['workout', 'workouts'],
  journal: ['journal answer', 'journal answers'],
  tag: ['tag', 'tags']
}
const typeOrder = Object.keys(typeNames) as ExportRecordType[]

const verdictWords: Record<ImportVerdict, string> = {
  added: 'added',
  updated: 'updated',
  unchanged: 'already there',
  keptNewer: 'kept as stored (newer)',
  skippedAsDuplicates: 'already synced from WHOOP'
}

const countOf = (type: ExportRecordType, count: number) => `${grouped(count)} ${typeNames[type][count === 1 ? 0 : 1]}`

/** "2 sleeps and 1 workout" */
function listCounts(byType: Partial<Record<ExportRecordType, number>>): string {
  const parts = typeOrder.filter((type) => byType[type]).map((type) => countOf(type, byType[type]!))
  return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}` : (parts[0] ?? 'nothing')
}

/** "Imported my_whoop_data.zip (2024-01-02 to 2024-06-24): 175 cycles: 3 added, 172 already there; …" */
export function describeImport(file: string, counts: ImportCounts): string {
  const days = counts.covers ? ` (${counts.covers.from} to ${counts.covers.to})` : ''
  const types = typeOrder
    .filter((type) => counts.byType[type])
    .map((type) => {
      const verdicts = counts.byType[type]!
      const total = Object.values(verdicts).reduce((sum, n) => sum + n, 0)
      const parts = (Object.keys(verdictWords) as ImportVerdict[]).filter((verdict) => verdicts[verdict]).map((verdict) => `${grouped(verdicts[verdict]!)} ${verdictWords[verdict]}`)
      return `${countOf(type, total)}: ${parts.join(', ')}`
    })
  return `Imported ${file}${days}: ${types.length ? types.join('; ') : 'no records'}.`
}

/** How many records a removal question lists before "and N more". */
const LISTED = 5
const wallClock = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZone: 'UTC' })

/** "workout (running), Tue, Jun 4, 2024, 07:12": a record by its type, what it was and its own clock. */
function recordWords({ type, at, detail }: StaleRecordShown): string {
  const what = detail === null ? '' : type === 'journal' ? ` (“${detail}”)` : ` (${detail})`
  return `${typeNames[type][0]}${what}, ${wallClock.format(new Date(`${at}:00Z`))}`
}

/** The question before removing what a newer WHOOP export no longer has, naming each record (the first few). */
export function describePendingRemoval(removal: PendingRemoval): string {
  const listed = removal.records.slice(0, LISTED).map(recordWords)
  const more = removal.records.length - listed.length
  const one = removal.total === 1
  return (
    `This export no longer has ${listCounts(removal.byType)} that an earlier export added on the days it covers (deleted at WHOOP since): ` +
    `${listed.join('; ')}${more > 0 ? `; and ${grouped(more)} more` : ''}. Remove ${one ? 'it' : 'them'}?`
  )
}

export function describeRemoval(result: RemovalResult): string {
  return result.removed ? `Removed ${listCounts(result.byType)} that the newer export no longer has.` : 'Nothing was removed: newer data had replaced those records.'
}
