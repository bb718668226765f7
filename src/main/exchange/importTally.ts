import { importVerdicts, type ExportRecordType, type ImportCounts, type ImportVerdict, type ImportVerdictCounts } from '../../shared/exchange'

const noVerdicts = (): ImportVerdictCounts => Object.fromEntries(importVerdicts.map((verdict) => [verdict, 0])) as ImportVerdictCounts

/** Counts an import's verdicts per record type and in all. */
export function createImportTally() {
  const counts: ImportCounts = { ...noVerdicts(), byType: {} }
  return {
    counts,
    count(type: ExportRecordType, verdict: ImportVerdict) {
      counts[verdict]++
      ;(counts.byType[type] ??= noVerdicts())[verdict]++
    }
  }
}
