import { describe, expect, it } from 'vitest'
import type { SportTotal } from '../../../../src/shared/dashboard'
import { sportRows } from '../../../../src/renderer/src/dashboard/sportGroups'

/** A sport's total from its workouts' strains (`null`: a workout WHOOP could not score). */
function total(sport: string, strains: (number | null)[]): SportTotal {
  const scored = strains.filter((strain) => strain !== null)
  return {
    sport,
    workouts: strains.length,
    scoredWorkouts: scored.length,
    averageStrain: scored.length ? scored.reduce((sum, strain) => sum + strain, 0) / scored.length : null,
    durationMs: strains.length * 3_600_000,
    kilojoule: strains.length * 1000,
    distanceMeter: 0
  }
}

describe('sport rows', () => {
  it('group the sports past the top seven as "Other", whose strain is the mean over its scored workouts', () => {
    const strains: Record<string, (number | null)[]> = {
      a: [10, 10, 10, 10, 10, 10, 10, 10], b: [9, 9, 9, 9, 9, 9, 9], c: [8, 8, 8, 8, 8, 8], d: [7, 7, 7, 7, 7],
      e: [6, 6, 6, 6], f: [5, 5, 5], g: [4, 4, 4],
      // The rest: two sports, one with an unscored workout.
      h: [12, null, null], i: [3]
    }
    const rows = sportRows(Object.entries(strains).map(([sport, list]) => total(sport, list)), (sport) => sport.toUpperCase())
    expect(rows.map((row) => row.label)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'Other'])
    const other = rows.at(-1)!
    expect(other).toMatchObject({ workouts: 4, scoredWorkouts: 2, durationMs: 4 * 3_600_000, kilojoule: 4000 })
    expect(other.averageStrain).toBeCloseTo((12 + 3) / 2, 9)
    expect(other.others.map((sport) => sport.sport)).toEqual(['h', 'i'])
  })

  it('keep every sport as its own row when there are eight or fewer', () => {
    const rows = sportRows([total('running', [8]), total('yoga', [null])], (sport) => sport)
    expect(rows.map((row) => [row.label, row.averageStrain])).toEqual([['running', 8], ['yoga', null]])
  })
})
