/**
 * Pairs records of a new snapshot with stored ones that are most likely the same records: each
 * incoming start with the nearest stored start within `toleranceMs` (and `sameKind`), the closest
 * pairs first, every record used at most once. So an unchanged record always finds itself, and an
 * edited one (WHOOP moved its start) finds the version it replaces.
 *
 * Returns, for each incoming index, the stored index it is paired with.
 */
export function pairNearest(
  incoming: readonly number[],
  stored: readonly number[],
  toleranceMs: (incomingIndex: number) => number,
  sameKind: (incomingIndex: number, storedIndex: number) => boolean = () => true
): Map<number, number> {
  const byStart = stored.map((start, index) => ({ start, index })).sort((a, b) => a.start - b.start)
  const candidates: { distance: number; incoming: number; stored: number }[] = []
  incoming.forEach((start, incomingIndex) => {
    const tolerance = toleranceMs(incomingIndex)
    for (let at = firstAtOrAfter(byStart, start - tolerance); at < byStart.length && byStart[at].start <= start + tolerance; at++) {
      const { index } = byStart[at]
      if (sameKind(incomingIndex, index)) candidates.push({ distance: Math.abs(byStart[at].start - start), incoming: incomingIndex, stored: index })
    }
  })
  candidates.sort((a, b) => a.distance - b.distance || a.incoming - b.incoming || a.stored - b.stored)
  const pairs = new Map<number, number>()
  const taken = new Set<number>()
  for (const candidate of candidates) {
    if (pairs.has(candidate.incoming) || taken.has(candidate.stored)) continue
    pairs.set(candidate.incoming, candidate.stored)
    taken.add(candidate.stored)
  }
  return pairs
}

function firstAtOrAfter(sorted: readonly { start: number }[], start: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (sorted[middle].start < start) low = middle + 1
    else high = middle
  }
  return low
}
