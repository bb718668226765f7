import { benchJsonExportAndRestore } from './exchange.bench'
import { benchInsightQueries } from './insights.bench'
import { benchReliability } from './reliability.bench'
import { benchRechartsFloor } from './rechartsFloor.bench'
import { benchBundleSize, benchDashboardFirstPaint } from './renderer.bench'
import { benchBackfillAndQueries, benchHistoryRecheck, benchPacedBackfill, benchUpsert } from './sync.bench'
import { report } from './report'
import { benchCollectionWalk } from './whoopClient.bench'

// The export's memory is measured first, while the process is still small.
await benchJsonExportAndRestore()
await benchCollectionWalk()
await benchBackfillAndQueries()
await benchPacedBackfill()
await benchHistoryRecheck()
await benchInsightQueries()
benchUpsert()
benchBundleSize()
await benchDashboardFirstPaint()
await benchRechartsFloor()
await benchReliability()
report('peak-rss', process.resourceUsage().maxRSS / 1024, 'MiB', { scope: 'whole bench process' })
