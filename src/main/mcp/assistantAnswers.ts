import { recoveryZone } from '../../shared/dashboard'
import { describeEffect, outcomeName } from '../../shared/insightText'
import type { TagUse, TaggedDay } from '../../shared/tags'
import { metricSpecs, type AgainstBaseline, type DayDetail, type DaySleep, type DayWorkout, type Insights, type PeriodFigure, type TrendFigures, type TrendMetric } from '../../shared/insights'
import { sportName } from '../../shared/sportName'
import type { HistorySummary } from '../store/historySummary'

/*
 * The core's answers as an assistant reads them: every field named with its unit, times in the
 * record's own time zone, numbers rounded to what the measure means, and lists capped so that one
 * answer fits in an assistant's context (with a note saying what was left out).
 */

/** Daily values an answer lists at most; longer ranges add monthly means for the whole range. */
export const DAILY_VALUES_CAP = 366
/** Workouts an answer lists at most; the totals per sport always cover the whole range. */
export const WORKOUTS_CAP = 100

/** Each measure's name for an assistant, its unit, and how its stored value converts to that unit. */
export const metricUnits: Record<TrendMetric, { field: string; unit: string; digits: number; convert?: (stored: number) => number }> = {
  recovery: { field: 'recovery_percent', unit: 'percent (WHOOP recovery score, 0–100)', digits: 0 },
  hrv: { field: 'hrv_ms', unit: 'milliseconds (RMSSD)', digits: 1 },
  'resting-hr': { field: 'resting_heart_rate_bpm', unit: 'beats per minute', digits: 1 },
  'respiratory-rate': { field: 'respiratory_rate_breaths_per_minute', unit: 'breaths per minute', digits: 1 },
  spo2: { field: 'spo2_percent', unit: 'percent (blood oxygen)', digits: 1 },
  'skin-temp': { field: 'skin_temperature_celsius', unit: 'degrees Celsius', digits: 2 },
  asleep: { field: 'asleep_hours', unit: 'hours asleep (light + deep + REM)', digits: 2, convert: (ms) => ms / 3_600_000 },
  'sleep-performance': { field: 'sleep_performance_percent', unit: 'percent of sleep need slept', digits: 0 },
  consistency: { field: 'sleep_consistency_percent', unit: 'percent', digits: 0 },
  efficiency: { field: 'sleep_efficiency_percent', unit: 'percent of time in bed asleep', digits: 0 },
  strain: { field: 'day_strain', unit: 'WHOOP strain (0–21)', digits: 1 },
  energy: { field: 'energy_kilojoules', unit: 'kilojoules burned in the day', digits: 0 },
  workouts: { field: 'workouts', unit: 'workouts (a period sums its days)', digits: 0 }
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits
const minutes = (ms: number | null) => (ms === null ? null : Math.round(ms / 60_000))

/** A stored value of `metric` in the unit an assistant is told, rounded; null stays null. */
function metricValue(metric: TrendMetric, stored: number | null): number | null {
  if (stored === null) return null
  const { convert, digits } = metricUnits[metric]
  return round(convert ? convert(stored) : stored, digits)
}

function againstBaseline({ metric, value, baseline, difference, outside }: AgainstBaseline) {
  return {
    [metricUnits[metric].field]: metricValue(metric, value),
    baseline_30_days: baseline && metricValue(metric, baseline.mean),
    usual_range: baseline && [metricValue(metric, baseline.low), metricValue(metric, baseline.high)],
    difference_from_baseline: difference === null ? null : metricValue(metric, difference),
    outside_usual_range: outside ?? 'no'
  }
}

function sleepAnswer(sleep: DaySleep) {
  const share = (ms: number | null) => (ms === null || !sleep.asleepMs ? null : Math.round((100 * ms) / sleep.asleepMs))
  return {
    state: sleep.state,
    start_local: sleep.start.local,
    end_local: sleep.end.local,
    utc_offset: sleep.start.offset,
    in_bed_minutes: minutes(sleep.inBedMs),
    asleep_minutes: minutes(sleep.asleepMs),
    awake_minutes: minutes(sleep.awakeMs),
    stages_minutes: { light: minutes(sleep.lightMs), deep: minutes(sleep.deepMs), rem: minutes(sleep.remMs) },
    stages_percent_of_asleep: { light: share(sleep.lightMs), deep: share(sleep.deepMs), rem: share(sleep.remMs) },
    need_minutes: minutes(sleep.needMs),
    need_parts_minutes: sleep.needParts && {
      baseline: minutes(sleep.needParts.baselineMs),
      sleep_debt: minutes(sleep.needParts.debtMs),
      recent_strain: minutes(sleep.needParts.strainMs),
      recent_naps: minutes(sleep.needParts.napMs)
    },
    performance_percent: sleep.performance,
    efficiency_percent: sleep.efficiency === null ? null : round(sleep.efficiency, 1),
    consistency_percent: sleep.consistency,
    respiratory_rate_breaths_per_minute: sleep.respiratoryRate === null ? null : round(sleep.respiratoryRate, 1),
    disturbances: sleep.disturbances,
    sleep_cycles: sleep.sleepCycles
  }
}

function workoutAnswer(workout: DayWorkout) {
  return {
    date: workout.date,
    sport: sportName(workout.sport),
    state: workout.state,
    start_local: workout.start.local,
    end_local: workout.end.local,
    utc_offset: workout.start.offset,
    duration_minutes: minutes(workout.durationMs),
    strain: workout.strain === null ? null : round(workout.strain, 1),
    energy_kilojoules: workout.kilojoule === null ? null : Math.round(workout.kilojoule),
    average_heart_rate_bpm: workout.averageHr,
    max_heart_rate_bpm: workout.maxHr,
    heart_rate_zone_minutes: workout.zonesMs && workout.zonesMs.map((ms) => minutes(ms)),
    distance_meters: workout.distanceMeter === null ? null : Math.round(workout.distanceMeter),
    altitude_gain_meters: workout.altitudeGainMeter === null ? null : Math.round(workout.altitudeGainMeter)
  }
}

/** One day: recovery against baseline, the night and naps, strain, workouts, journal. */
export function dayAnswer(day: DayDetail) {
  return {
    date: day.date,
    stored_history: { first_date: day.firstDate, last_date: day.lastDate },
    recovery: day.recovery && {
      state: day.recovery.state,
      calibrating: day.recovery.calibrating,
      recovery_percent: day.recovery.score,
      zone: day.recovery.score === null ? null : recoveryZone(day.recovery.score),
      measures: day.recovery.measures.map(againstBaseline)
    },
    sleep: day.sleep && sleepAnswer(day.sleep),
    naps: day.naps.map(sleepAnswer),
    strain: day.strain && {
      state: day.strain.state,
      day_strain: day.strain.strain === null ? null : round(day.strain.strain, 1),
      energy_kilojoules: day.strain.kilojoule === null ? null : Math.round(day.strain.kilojoule),
      average_heart_rate_bpm: day.strain.averageHr,
      max_heart_rate_bpm: day.strain.maxHr
    },
    workouts: day.workouts.map(workoutAnswer),
    tags: day.tags,
    journal: day.hasJournal
      ? day.journal.map((answer) => ({ question: answer.question, answered_yes: answer.answeredYes, notes: answer.notes, answered_on: answer.answeredOn }))
      : "No journal answers are stored: WHOOP's API does not give them; they come from importing WHOOP's data export in the app."
  }
}

function periodAnswer(metric: TrendMetric, figure: PeriodFigure) {
  return {
    start_date: figure.from,
    end_date: figure.to,
    [metricSpecs[metric].aggregate === 'sum' ? 'total' : 'mean_of_days']: metricValue(metric, figure.value),
    days_with_a_value: figure.days
  }
}

/** The change from `previous` to `current`, in the measure's unit and in percent of `previous`. */
function changeAnswer(metric: TrendMetric, difference: number | null, percent: number | null) {
  return { difference: difference === null ? null : metricValue(metric, difference), percent: percent === null ? null : round(percent, 1) }
}

/** One measure over a range: daily values (capped), its baseline, and the range against the one before. */
export function trendAnswer(trend: TrendFigures) {
  const { metric } = trend
  const days = trend.points.map((point) => ({ date: point.date, value: metricValue(metric, point.value) }))
  const last = trend.points.at(-1)?.baseline ?? null
  const months = new Map<string, number[]>()
  for (const point of trend.points) {
    if (point.value === null) continue
    const month = point.date.slice(0, 7)
    months.set(month, [...(months.get(month) ?? []), point.value])
  }
  const cut = days.length > DAILY_VALUES_CAP
  return {
    metric,
    unit: metricUnits[metric].unit,
    period: periodAnswer(metric, trend.current),
    previous_period: periodAnswer(metric, trend.previous),
    change_from_previous_period: changeAnswer(metric, trend.difference, trend.percent),
    baseline_30_days_at_end: last && { mean: metricValue(metric, last.mean), usual_range: [metricValue(metric, last.low), metricValue(metric, last.high)] },
    recovery_zone_days:
      trend.zoneShares &&
      trend.zoneShares.reduce((sum, share) => ({ green: sum.green + share.green, yellow: sum.yellow + share.yellow, red: sum.red + share.red }), { green: 0, yellow: 0, red: 0 }),
    daily_values: cut ? days.slice(-DAILY_VALUES_CAP) : days,
    ...(cut && {
      note: `daily_values holds the newest ${DAILY_VALUES_CAP} of the range's ${days.length} days; monthly_values covers the whole range.`,
      monthly_values: [...months].map(([month, values]) => {
        const total = values.reduce((sum, value) => sum + value, 0)
        const sum = metricSpecs[metric].aggregate === 'sum'
        return { month, [sum ? 'total' : 'mean_of_days']: metricValue(metric, sum ? total : total / values.length), days_with_a_value: values.length }
      })
    })
  }
}

/** Two periods of each measure side by side. */
export function comparisonAnswer(rows: { metric: TrendMetric; first: PeriodFigure; second: PeriodFigure; difference: number | null; percent: number | null }[]) {
  return {
    note: 'change is the second period minus the first, and in percent of the first.',
    measures: rows.map((row) => ({
      metric: row.metric,
      unit: metricUnits[row.metric].unit,
      first_period: periodAnswer(row.metric, row.first),
      second_period: periodAnswer(row.metric, row.second),
      change: changeAnswer(row.metric, row.difference, row.percent)
    }))
  }
}

/** Workouts of a range (capped, newest kept) and the totals of each sport over the whole range. */
export function workoutsAnswer(workouts: DayWorkout[], range: { from: string; to: string; sport?: string }) {
  const sports = new Map<string, { workouts: number; minutes: number; strains: number[] }>()
  for (const workout of workouts) {
    const sport = sports.get(workout.sport) ?? { workouts: 0, minutes: 0, strains: [] }
    sports.set(workout.sport, sport)
    sport.workouts++
    sport.minutes += workout.durationMs / 60_000
    if (workout.strain !== null) sport.strains.push(workout.strain)
  }
  const cut = workouts.length > WORKOUTS_CAP
  return {
    start_date: range.from,
    end_date: range.to,
    ...(range.sport && { sport: range.sport }),
    total_workouts: workouts.length,
    by_sport: [...sports]
      .sort(([, a], [, b]) => b.workouts - a.workouts)
      .map(([sport, total]) => ({
        sport: sportName(sport),
        workouts: total.workouts,
        total_minutes: Math.round(total.minutes),
        mean_strain: total.strains.length ? round(total.strains.reduce((a, b) => a + b, 0) / total.strains.length, 1) : null
      })),
    workouts: (cut ? workouts.slice(-WORKOUTS_CAP) : workouts).map(workoutAnswer),
    ...(cut && { note: `workouts lists the newest ${WORKOUTS_CAP} of ${workouts.length}; by_sport covers them all. Ask for a shorter range to see the others.` })
  }
}

/** The Insights page's figures: each question's next-morning differences with Welch's 95 % intervals and q-values. */
export function insightsAnswer(insights: Insights) {
  return {
    note:
      'An answer tells of the day before the morning it was given, and is compared with that morning; a tag the person put on a day tells of ' +
      'that day, and is compared with the next morning (tagged days against the other days since tagging began). ' +
      `For each journal question or tag with at least ${insights.minimumDays} days on each side: the next morning's measure ` +
      `after yes-days minus after no-days, with Welch's 95 % confidence interval and Hedges' g. ${insights.comparisons} comparisons were made; ` +
      `clear means the difference survives the Benjamini–Hochberg correction for them (q ≤ ${insights.falseDiscoveryRate}). ` +
      'These are associations in this person’s data, not causes.',
    comparisons: insights.comparisons,
    journal_stored: insights.hasJournal,
    ...(!insights.hasJournal && { how_to_get_a_journal: "Import WHOOP's data export in the app (Data → Import WHOOP's export)." }),
    questions: insights.questions.map((question) => ({
      kind: question.kind === 'tag' ? 'tag' : 'journal question',
      question: question.question,
      yes_days: question.yesDays,
      no_days: question.noDays,
      ...(question.effects.length === 0 && { compared: `not yet: needs at least ${insights.minimumDays} days on each side` }),
      effects: question.effects.map((effect) => ({
        next_morning: outcomeName(effect.outcome),
        difference: round(effect.difference, 2),
        confidence_interval_95: [round(effect.low, 2), round(effect.high, 2)],
        hedges_g: round(effect.hedgesG, 2),
        q_value: round(effect.q, 4),
        clear: effect.clear,
        yes_days: effect.yesDays,
        no_days: effect.noDays,
        in_words: describeEffect(question, effect, true)
      }))
    })),
    day_strain_and_next_morning_recovery: insights.strainRecovery && {
      days: insights.strainRecovery.points.length,
      recovery_points_per_strain_point: round(insights.strainRecovery.slope, 3),
      confidence_interval_95: [round(insights.strainRecovery.slopeLow, 3), round(insights.strainRecovery.slopeHigh, 3)],
      clear: insights.strainRecovery.slopeLow > 0 || insights.strainRecovery.slopeHigh < 0
    }
  }
}

/** What is stored, how far it reaches, and when it was last synced. */
export function syncStatusAnswer(summary: HistorySummary, account: { isDemo: boolean }) {
  const synced = summary.lastSynced.flatMap(({ atMs }) => (atMs === null ? [] : [atMs]))
  return {
    account: account.isDemo ? 'demo data (no WHOOP account connected)' : 'a WHOOP account',
    first_date: summary.firstDate,
    last_date: summary.lastDate,
    records: summary.records,
    sources: summary.sources,
    last_synced_with_whoop: synced.length ? new Date(Math.max(...synced)).toISOString() : null,
    each_resource_last_synced: summary.lastSynced.map(({ resource, atMs }) => ({ resource, at: atMs === null ? null : new Date(atMs).toISOString() }))
  }
}

/** The tags the person used, and the tagged days of a range. */
export function tagsAnswer(uses: TagUse[], days: TaggedDay[], range: { from: string; to: string }) {
  return {
    note: 'Tags the person put on their own days in the app (sick, travel, a late meal…). A tag tells of its day; Insights compares it with the next morning.',
    tags_used: uses.map((use) => ({ tag: use.tag, days: use.days })),
    start_date: range.from,
    end_date: range.to,
    tagged_days: days.map((day) => ({ date: day.date, tags: day.tags }))
  }
}
