import type { SeededRandom } from './seededRandom'

/** A member's morning, as WHOOP measures it during the night before. */
export interface Morning {
  hrv: number
  restingHr: number
  respiratoryRate: number
  spo2: number
  skinTemp: number
  recovery: number
}

/** What shaped a morning: the day before, the night, and whether the member is ill or in a hard block. */
export interface MorningCause {
  /** The day strain of the day before. */
  strainBefore: number
  /** Sleep performance of the night (asleep against need, %). */
  sleepPerformance: number
  ill: boolean
  hardTraining: boolean
  /** Nights since the history began: HRV drifts slowly over months. */
  index: number
}

/** The member's usual values, around which their days move. */
const USUAL = { hrv: 56, restingHr: 53, respiratoryRate: 15.1, spo2: 96.8, skinTemp: 33.9, strain: 11, performance: 80 }

/**
 * How the member's body answers their days. HRV carries over from one morning to the next (an
 * autoregressive deviation), falls after hard days and poor nights, and drops while ill, when resting
 * heart rate, respiratory rate and skin temperature rise and SpO2 dips, as WHOOP members see before a
 * cold shows. Recovery follows HRV and resting heart rate against the member's usual values.
 */
export function createPhysiology(random: SeededRandom) {
  let hrvDeviation = 0
  return function morning(cause: MorningCause): Morning {
    // A day in bed with a cold does not rest the body as a rest day does.
    const strainEffect = cause.ill ? 0 : -0.9 * (cause.strainBefore - USUAL.strain)
    hrvDeviation = 0.6 * hrvDeviation + random.normal(0, 5) + strainEffect + 0.15 * (cause.sleepPerformance - USUAL.performance) - (cause.hardTraining ? 2 : 0)
    const illness = cause.ill ? 1 : 0
    const hrv = Math.max(18, USUAL.hrv + 5 * Math.sin((2 * Math.PI * cause.index) / 120) + hrvDeviation - 14 * illness)
    const restingHr = USUAL.restingHr - 0.18 * hrvDeviation + random.normal(0, 1.2) + 5 * illness + (cause.hardTraining ? 1.5 : 0)
    const recovery =
      60 + 1.5 * (hrv - USUAL.hrv) - 2 * (restingHr - USUAL.restingHr) + 0.3 * (cause.sleepPerformance - USUAL.performance) + random.normal(0, 6)
    return {
      hrv,
      restingHr,
      respiratoryRate: USUAL.respiratoryRate + random.normal(0, 0.25) + 1.4 * illness,
      spo2: Math.min(99.5, USUAL.spo2 + random.normal(0, 0.5) - 1.2 * illness),
      skinTemp: USUAL.skinTemp + random.normal(0, 0.2) + 0.6 * illness,
      recovery: Math.round(Math.min(99, Math.max(1, recovery)))
    }
  }
}

/** An ordinary morning of this member, for a recovery WHOOP scores late. */
export function ordinaryMorning(random: SeededRandom): Morning {
  return createPhysiology(random)({ strainBefore: USUAL.strain, sleepPerformance: USUAL.performance, ill: false, hardTraining: false, index: 0 })
}
