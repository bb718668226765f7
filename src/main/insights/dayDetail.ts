import type { Database } from 'better-sqlite3'
import { metricSpecs, type AgainstBaseline, type DayDetail, type DaySleep, type SleepNeedParts, type TrendMetric } from '../../shared/insights'
import { BASELINE_DAYS, baselines } from '../store/baseline'
import { seriesOf, type DailyValues } from '../store/dailyValues'
import type { DayTags } from '../store/dayTags'
import type { JournalAnswers } from '../store/journalAnswers'
import type { JournalInsights } from './journalInsights'
import { localTimeOf } from '../store/localDate'
import { stateOf } from './recordFields'
import type { WorkoutList } from './workoutList'
import { addDays } from '../store/localDate'
import { strainSignal } from './strainSignal'

/**
 * How far from a date's midnight (UTC) the cycle of an answer on that date can start, time zones and
 * day sleepers included: only those answers are read for the day.
 */
const DAY_MS = 86_400_000
const NEAR_DAY_MS = 3 * DAY_MS

/** The recovery measures a day is read against the person's baseline by. */
const RECOVERY_MEASURES: TrendMetric[] = ['hrv', 'resting-hr', 'respiratory-rate', 'spo2', 'skin-temp']

interface SleepRow {
  nap: number
  score_state: string
  start_ms: number
  end_ms: number
  timezone_offset: string
  in_bed_ms: number | null
  awake_ms: number | null
  light_ms: number | null
  deep_ms: number | null
  rem_ms: number | null
  need_ms: number | null
  performance_pct: number | null
  efficiency_pct: number | null
  consistency_pct: number | null
  respiratory_rate: number | null
  disturbance_count: number | null
  sleep_cycle_count: number | null
  source: string
  raw: string
}

/** Sleep need's parts, which only WHOOP's API gives (an export's row has the total alone). */
function needPartsOf(row: SleepRow): SleepNeedParts | null {
  if (row.source === 'export') return null
  const need = (JSON.parse(row.raw) as { score?: { sleep_needed?: Record<string, number> } }).score?.sleep_needed
  if (!need) return null
  return {
    baselineMs: need.baseline_milli,
    debtMs: need.need_from_sleep_debt_milli,
    strainMs: need.need_from_recent_strain_milli,
    napMs: need.need_from_recent_nap_milli
  }
}

function sleepOf(row: SleepRow): DaySleep {
  const asleep = row.light_ms === null || row.deep_ms === null || row.rem_ms === null ? null : row.light_ms + row.deep_ms + row.rem_ms
  return {
    nap: row.nap === 1,
    state: stateOf(row.score_state),
    start: localTimeOf(row.start_ms, row.timezone_offset),
    end: localTimeOf(row.end_ms, row.timezone_offset),
    inBedMs: row.in_bed_ms,
    asleepMs: asleep,
    awakeMs: row.awake_ms,
    lightMs: row.light_ms,
    deepMs: row.deep_ms,
    remMs: row.rem_ms,
    needMs: row.need_ms,
    needParts: needPartsOf(row),
    performance: row.performance_pct,
    efficiency: row.efficiency_pct,
    consistency: row.consistency_pct,
    respiratoryRate: row.respiratory_rate,
    disturbances: row.disturbance_count,
    sleepCycles: row.sleep_cycle_count
  }
}


/** Everything stored about one day: recovery against baseline, sleep, strain, workouts, journal. */
export function createDayDetail(db: Database, daily: DailyValues, journal: JournalAnswers, tags: DayTags, workouts: WorkoutList, insights: JournalInsights) {
  // A day can hold two cycles (someone who sleeps by day wakes twice on one date): its state and
  // recovery are its first cycle's (WHOOP numbers cycles in order; SQLite reads `score_state` from the
  // row MIN picks), its heart rates over both; strain, energy and the recovery score
  // are the day's means, from the daily values every page reads.
  const cycleOf = db.prepare<[number, string], { id: number; score_state: string; open: number; average_heart_rate: number | null; max_heart_rate: number | null }>(`
    SELECT MIN(id) AS id, score_state, MAX(end_ms IS NULL) AS open, AVG(average_heart_rate) AS average_heart_rate, MAX(max_heart_rate) AS max_heart_rate
      FROM cycle WHERE user_id = ? AND day = ? HAVING COUNT(*) > 0`)
  const recoveryOf = db.prepare<[number], { score_state: string; recovery_score: number | null; user_calibrating: number | null }>(
    'SELECT score_state, recovery_score, user_calibrating FROM recovery WHERE cycle_id = ?'
  )
  const bodyOf = db.prepare<[number], { max_heart_rate: number }>('SELECT max_heart_rate FROM body_measurement WHERE user_id = ?')
  const sleepsOf = db.prepare<[number, string], SleepRow>(`
    SELECT nap, score_state, start_ms, end_ms, timezone_offset, in_bed_ms, awake_ms, light_ms, deep_ms, rem_ms, need_ms,
           performance_pct, efficiency_pct, consistency_pct, respiratory_rate, disturbance_count, sleep_cycle_count, source, raw
      FROM sleep WHERE user_id = ? AND local_date = ? ORDER BY start_ms`)
  /**
   * What the journal and the tags found that bears on this morning: the answers given this morning
   * (about the day before) that were yes to a question with a clear difference, and yesterday's tags
   * with one, each with that difference.
   */
  function findingsOn(userId: number, date: string): DayDetail['findings'] {
    const midnight = Date.parse(`${date}T00:00:00Z`)
    const answeredYes = journal
      .between(userId, midnight - NEAR_DAY_MS, midnight + NEAR_DAY_MS)
      .filter((answer) => answer.answeredOn === date && answer.answeredYes)
      .map(({ question }) => `journal:${question}`)
    const taggedYesterday = tags.on(userId, addDays(date, -1)).map((tag) => `tag:${tag.toLowerCase()}`)
    if (answeredYes.length + taggedYesterday.length === 0) return []
    const found = new Map(
      insights(userId).questions.map(({ kind, question, effects }) => [
        `${kind}:${kind === 'tag' ? question.toLowerCase() : question}`,
        { kind, question, effects: effects.filter((effect) => effect.clear) }
      ])
    )
    return [...answeredYes, ...taggedYesterday].flatMap((key) => (found.get(key)?.effects.length ? [found.get(key)!] : []))
  }

  /** The day, or null when nothing at all is stored for this person. */
  return function dayDetail(userId: number, date: string): DayDetail | null {
    const history = daily.historyRange(userId)
    if (!history) return null
    const from = addDays(date, -(BASELINE_DAYS - 1))
    const values = daily.between(userId, from, date)
    const measure = (metric: TrendMetric): AgainstBaseline => {
      const series = seriesOf(values, metric, from, date)
      const value = series.at(-1) ?? null
      const baseline = baselines(series).at(-1) ?? null
      // Compared as the pages show them, at the measure's precision: 16.3 is not above a usual range ending at 16.3.
      const shown = (figure: number) => Number(figure.toFixed(metricSpecs[metric].digits))
      const outside = value === null || baseline === null ? null : shown(value) > shown(baseline.high) ? 'above' : shown(value) < shown(baseline.low) ? 'below' : null
      return { metric, value, baseline, difference: value === null || baseline === null ? null : value - baseline.mean, outside }
    }

    const midnight = Date.parse(`${date}T00:00:00Z`)
    const cycle = cycleOf.get(userId, date)
    const means = values.get(date)
    const recovery = cycle ? recoveryOf.get(cycle.id) : undefined
    const measures = recovery ? RECOVERY_MEASURES.map(measure) : []
    const sleeps = sleepsOf.all(userId, date).map(sleepOf)
    return {
      date,
      firstDate: history.first,
      lastDate: history.last,
      recovery: recovery
        ? {
            state: stateOf(recovery.score_state),
            score: means?.recovery ?? null,
            calibrating: recovery.user_calibrating === 1,
            measures,
            strainSignal: strainSignal(measures)
          }
        : null,
      sleep: sleeps.find((sleep) => !sleep.nap) ?? null,
      naps: sleeps.filter((sleep) => sleep.nap),
      strain: cycle
        ? {
            state: stateOf(cycle.score_state),
            open: cycle.open === 1,
            strain: means?.strain ?? null,
            kilojoule: means?.energy ?? null,
            averageHr: cycle.average_heart_rate,
            maxHr: cycle.max_heart_rate
          }
        : null,
      workouts: workouts.between(userId, date, date),
      maxHeartRate: bodyOf.get(userId)?.max_heart_rate ?? null,
      // The answers about this day were given the next morning.
      journal: journal
        .between(userId, midnight - NEAR_DAY_MS + DAY_MS, midnight + NEAR_DAY_MS + DAY_MS)
        .filter((answer) => answer.about === date)
        .map(({ question, answeredYes, notes, answeredOn }) => ({ question, answeredYes, notes, answeredOn })),
      tags: tags.on(userId, date),
      findings: findingsOn(userId, date),
      hasJournal: journal.any(userId)
    }
  }
}
