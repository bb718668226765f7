import { importFile } from '../../../src/main/exchange/importFile'
import { createInsightHandlers } from '../../../src/main/insights/insightHandlers'
import { createInsightQueries } from '../../../src/main/insights/insightQueries'
import { createAccountQueries } from '../../../src/main/store/accounts'
import { createDashboardQueries } from '../../../src/main/store/dashboardQueries'
import type { JournalRows } from '../fixtures/journalFixture'
import type { SyncHarness } from './syncHarness'
import { englishHeaders, whoopExportCsv } from '../fixtures/whoopExportFixture'
import { zipOf } from '../fixtures/whoopExportZip'

/** The day view's, trends', insights' and report's handlers over a harness's database, as the app builds them. */
export function insightHandlersOf(harness: SyncHarness) {
  const queries = createInsightQueries(harness.db)
  return createInsightHandlers({
    queries,
    accounts: createAccountQueries(harness.db),
    dashboard: createDashboardQueries(harness.db, queries.daily, queries.tags),
    clock: harness.clock,
    files: { chooseExportTarget: async () => undefined, chooseImportSource: async () => undefined }
  })
}

/** Imports `journal` as WHOOP's data export carries it: `journal_entries.csv` in the ZIP. */
export async function importJournal(harness: SyncHarness, journal: JournalRows): Promise<void> {
  const file = zipOf({ 'journal_entries.csv': whoopExportCsv(harness.fake.history, englishHeaders, journal).journal })
  await importFile(harness.db, { databaseFile: harness.dbFile, file, fileName: 'my_whoop_data.zip', kind: 'whoop-export', now: harness.clock.now() })
}
