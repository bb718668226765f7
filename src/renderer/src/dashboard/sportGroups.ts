import type { SportTotal } from '../../../shared/dashboard'

/** A row of the sports chart: one sport, or "Other" with the sports it stands for. */
export interface SportRow extends SportTotal {
  label: string
  /** For "Other": the sports it adds up, most workouts first. */
  others: SportTotal[]
}

/**
 * At most `rows` bars (the list comes most workouts first): the top sports, and every sport past
 * them added up as "Other", so no sport silently drops out of the chart.
 */
export function sportRows(sports: SportTotal[], label: (sport: string) => string, rows = 8): SportRow[] {
  const own = (sport: SportTotal): SportRow => ({ ...sport, label: label(sport.sport), others: [] })
  if (sports.length <= rows) return sports.map(own)
  const others = sports.slice(rows - 1)
  const sum = (pick: (sport: SportTotal) => number) => others.reduce((total, sport) => total + pick(sport), 0)
  const scoredWorkouts = sum((sport) => sport.scoredWorkouts)
  return [
    ...sports.slice(0, rows - 1).map(own),
    {
      sport: 'other',
      label: 'Other',
      workouts: sum((sport) => sport.workouts),
      scoredWorkouts,
      durationMs: sum((sport) => sport.durationMs),
      kilojoule: sum((sport) => sport.kilojoule),
      distanceMeter: sum((sport) => sport.distanceMeter),
      // Each sport's mean weighted by its scored workouts: the mean over the workouts themselves.
      averageStrain: scoredWorkouts ? sum((sport) => (sport.averageStrain ?? 0) * sport.scoredWorkouts) / scoredWorkouts : null,
      others
    }
  ]
}
