import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  cycleSchema,
  pageSchema,
  recoverySchema,
  sleepSchema,
  userBasicProfileSchema,
  userBodyMeasurementSchema,
  workoutSchema
} from '../../../src/main/whoop/whoopSchemas'
import { startFakeWhoop, type FakeWhoop } from '../../support/fakeWhoop/fakeWhoopServer'
import { openApiResponseValidator, readReference } from '../../support/fakeWhoop/whoopReference'

const validate = openApiResponseValidator()
let fake: FakeWhoop
let token: string

beforeAll(async () => {
  fake = await startFakeWhoop({ days: 120, rateLimit: false })
  token = fake.grantTokens().access_token
})
afterAll(() => fake.close())

async function get(path: string): Promise<any> {
  const response = await fetch(`${fake.endpoints.apiBaseUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } })
  expect(response.status, path).toBe(200)
  return response.json()
}

const collections = [
  ['getCycleCollection', '/v2/cycle'],
  ['getRecoveryCollection', '/v2/recovery'],
  ['getSleepCollection', '/v2/activity/sleep'],
  ['getWorkoutCollection', '/v2/activity/workout']
] as const

describe("the fake WHOOP server against WHOOP's OpenAPI document", () => {
  it.each(collections)('%s: first, middle and last pages match the schema', async (operationId, path) => {
    let body = await get(`${path}?limit=25`)
    let pages = 1
    expect(validate(operationId, body)).toEqual([])
    expect(body.records).toHaveLength(25)
    while (body.next_token) {
      body = await get(`${path}?limit=25&nextToken=${body.next_token}`)
      expect(validate(operationId, body), `page ${++pages}`).toEqual([])
    }
    expect(pages).toBeGreaterThan(2)
  })

  it('single-record and user endpoints match the schema', async () => {
    const cycle = fake.history.cycles[5]
    const sleep = fake.history.sleeps.find((s) => s.score_state === 'SCORED')!
    const workout = fake.history.workouts[0]
    const answers: [string, string][] = [
      ['getProfileBasic', '/v2/user/profile/basic'],
      ['getBodyMeasurement', '/v2/user/measurement/body'],
      ['getCycleById', `/v2/cycle/${cycle.id}`],
      ['getRecoveryForCycle', `/v2/cycle/${cycle.id}/recovery`],
      ['getSleepForCycle', `/v2/cycle/${cycle.id}/sleep`],
      ['getSleepById', `/v2/activity/sleep/${sleep.id}`],
      ['getWorkoutById', `/v2/activity/workout/${workout.id}`]
    ]
    for (const [operationId, path] of answers) expect(validate(operationId, await get(path)), operationId).toEqual([])
  })

  it('is a validator that can fail: a record with a wrong type or a missing field is reported', () => {
    const example = readReference('examples/cycle-collection.json')
    expect(validate('getCycleCollection', example)).toEqual([])
    const wrongType = structuredClone(example)
    wrongType.records[0].score.strain = 'high'
    expect(validate('getCycleCollection', wrongType)).toEqual(['/records/0/score/strain must be number'])
    const missing = structuredClone(example)
    delete missing.records[0].start
    expect(validate('getCycleCollection', missing).join()).toContain("must have required property 'start'")
  })

  it('sends a score exactly when score_state is SCORED, as the reference says', () => {
    const all = [...fake.history.cycles, ...fake.history.recoveries, ...fake.history.sleeps, ...fake.history.workouts]
    for (const record of all) expect(record.score !== undefined, JSON.stringify(record)).toBe(record.score_state === 'SCORED')
    expect(all.some((record) => record.score_state === 'PENDING_SCORE')).toBe(true)
  })
})

describe("the client's schemas accept every documented example", () => {
  it.each([
    ['user-profile-basic.json', userBasicProfileSchema],
    ['user-measurement-body.json', userBodyMeasurementSchema],
    ['cycle.json', cycleSchema],
    ['cycle-collection.json', pageSchema(cycleSchema)],
    ['recovery-for-cycle.json', recoverySchema],
    ['recovery-collection.json', pageSchema(recoverySchema)],
    ['sleep.json', sleepSchema],
    ['sleep-collection.json', pageSchema(sleepSchema)],
    ['workout.json', workoutSchema],
    ['workout-collection.json', pageSchema(workoutSchema)]
  ] as const)('%s', (file, schema) => {
    const example = readReference(`examples/${file}`)
    const parsed = schema.safeParse(example)
    expect(parsed.error?.issues).toBeUndefined()
    // Loose objects: everything WHOOP sent is kept for storage, unknown fields included.
    expect(parsed.data).toEqual(example)
  })
})
