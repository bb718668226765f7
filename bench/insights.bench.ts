import { saveDemoJournal } from '../src/main/demo/demoJournal'
import { createInsightQueries } from '../src/main/insights/insightQueries'
import { createInsightHandlers } from '../src/main/insights/insightHandlers'
import { createAccountQueries } from '../src/main/store/accounts'
import { createDashboardQueries } from '../src/main/store/dashboardQueries'
import { addDays } from '../src/shared/calendar'
import { trendMetrics, trendRanges } from '../src/shared/insights'
import { report } from './report'
import { unlimitedSync } from './sync.bench'

/** Median of 7 runs after one warm-up, in ms; `before` runs ahead of each, off the clock. */
async function medianMs(run: () => unknown, before: () => void): Promise<number> {
  before()
  await run()
  const samples: number[] = []
  for (let i = 0; i < 7; i++) {
    before()
    const started = performance.now()
    await run()
    samples.push(performance.now() - started)
  }
  return samples.sort((a, b) => a - b)[3]
}

/**
 * The day view, every trend, the journal insights and a month's report over 5 years of synced
 * history with three years' worth of journal answers per question: each answer as the page asks
 * for it through the API handlers, so the figure is what the page waits for. Each is timed twice:
 * just after the database changed (a sync stored something: the days are read again) and asked
 * again with nothing changed (the days read last time are reused).
 */
export async function benchInsightQueries(): Promise<void> {
  const { clock, fake, db, remove, engine } = await unlimitedSync()
  try {
    await engine.sync()
    const answers = saveDemoJournal(db, fake.history)
    const queries = createInsightQueries(db)
    const handlers = createInsightHandlers({
      queries,
      accounts: createAccountQueries(db),
      dashboard: createDashboardQueries(db, queries.daily),
      clock,
      files: { chooseExportTarget: async () => undefined, chooseImportSource: async () => undefined }
    })
    const touch = db.prepare('UPDATE sync_state SET last_recheck_ms = last_recheck_ms')
    const after = { 'a change': () => void touch.run(), 'the same query': () => {} }
    const today = new Date(clock.now()).toISOString().slice(0, 10)
    const lastMonth = addDays(`${today.slice(0, 7)}-01`, -1).slice(0, 7)
    for (const [asked, before] of Object.entries(after)) {
      const context = { history: '5 years', after: asked, statistic: 'median of 7' }
      // A different day on every run, as a person paging with ← and →.
      let back = 0
      report('insight-query-ms', await medianMs(() => handlers.getDay({ date: addDays(today, -++back) }), before), 'ms', { query: 'getDay', ...context })
      for (const metric of trendMetrics) {
        for (const range of trendRanges) {
          report('insight-query-ms', await medianMs(() => handlers.getTrend({ metric, range }), before), 'ms', { query: 'getTrend', metric, range, ...context })
        }
      }
      report('insight-query-ms', await medianMs(() => handlers.getInsights(), before), 'ms', { query: 'getInsights', journalAnswers: answers, ...context })
      report('insight-query-ms', await medianMs(() => handlers.getReport({ month: lastMonth }), before), 'ms', { query: 'getReport', month: lastMonth, ...context })
    }
  } finally {
    db.close()
    remove()
    await fake.close()
  }
}
