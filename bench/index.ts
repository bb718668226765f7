import { benchJsonExportAndRestore } from './exchange.bench'
import { benchHostUpload } from './hostUpload.bench'
import { benchInsightQueries } from './insights.bench'
import { benchReliability } from './reliability.bench'
import { benchRechartsFloor } from './rechartsFloor.bench'
import { benchBundleSize, benchDashboardFirstPaint } from './renderer.bench'
import { benchBackfillAndQueries, benchHistoryRecheck, benchPacedBackfill, benchUpsert } from './sync.bench'
import { report } from './report'
import { benchCollectionWalk } from './whoopClient.bench'

// In this order: the export's memory is measured first, while the process is still small.
const benches: Record<string, () => unknown> = {
  exchange: benchJsonExportAndRestore,
  collectionWalk: benchCollectionWalk,
  backfillAndQueries: benchBackfillAndQueries,
  pacedBackfill: benchPacedBackfill,
  historyRecheck: benchHistoryRecheck,
  insights: benchInsightQueries,
  upsert: benchUpsert,
  bundleSize: benchBundleSize,
  dashboardFirstPaint: benchDashboardFirstPaint,
  rechartsFloor: benchRechartsFloor,
  reliability: benchReliability,
  hostUpload: benchHostUpload
}

// BENCH_ONLY=backfillAndQueries,insights runs those alone.
const only = process.env.BENCH_ONLY?.split(',')
for (const [name, bench] of Object.entries(benches)) if (!only || only.includes(name)) await bench()
report('peak-rss', process.resourceUsage().maxRSS / 1024, 'MiB', { scope: 'whole bench process' })
