import type { RecoveryZone } from '../../../shared/dashboard'
import type { TrendMetric } from '../../../shared/insights'

/*
 * The colour of every series, from the theme's variables (styles/tokens.css): a measure has one
 * colour on every page, and every colour follows light and dark.
 */

const token = (name: string) => `var(--${name})`

/** One colour per measure, on the dashboard, Trends, Insights and the report alike. */
export const measureColors: Record<TrendMetric, string> = {
  recovery: token('measure-recovery'),
  hrv: token('measure-hrv'),
  'resting-hr': token('measure-resting-hr'),
  'respiratory-rate': token('measure-respiratory-rate'),
  spo2: token('measure-spo2'),
  'skin-temp': token('measure-skin-temp'),
  asleep: token('measure-sleep'),
  'sleep-performance': token('measure-sleep-performance'),
  consistency: token('measure-consistency'),
  efficiency: token('measure-efficiency'),
  strain: token('measure-strain'),
  energy: token('measure-energy'),
  workouts: token('measure-workouts')
}

/** WHOOP's recovery zones. */
export const zoneColors: Record<RecoveryZone, string> = { green: token('recovery-green'), yellow: token('recovery-yellow'), red: token('recovery-red') }

/** The zones as a chart's key names them. */
export const zoneLegend = [
  { key: 'green', label: 'Green days (67–100%)', color: zoneColors.green },
  { key: 'yellow', label: 'Yellow days (34–66%)', color: zoneColors.yellow },
  { key: 'red', label: 'Red days (0–33%)', color: zoneColors.red }
] as const

/** What is drawn beside the measures: the baseline, the night's stages, naps and need, heart-rate zones 0–5. */
export const seriesColors = {
  baseline: token('series-baseline'),
  deep: token('series-deep'),
  rem: token('series-rem'),
  light: token('series-light'),
  awake: token('series-awake'),
  nap: token('series-nap'),
  need: token('series-need'),
  heartRateZones: [0, 1, 2, 3, 4, 5].map((zone) => token(`series-hr-zone-${zone}`)),
  fit: token('series-fit')
}
