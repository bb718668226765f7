import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { invokeApi } from '../../../src/main/api/invokeApi'
import { apiArgumentSchemas, type ApiHandlers } from '../../../src/shared/api'
import { apiMethods } from '../../../src/shared/channels'
import { seededRandom } from '../../../src/main/demo/seededRandom'

/** Handlers that fail the test if a malformed call ever reaches them. */
const untouchable = Object.fromEntries(
  apiMethods.map((method) => [
    method,
    () => {
      throw new Error(`${method} ran with malformed arguments`)
    }
  ])
) as unknown as ApiHandlers

const random = seededRandom(99)
const hostile: unknown[] = [
  undefined,
  null,
  NaN,
  -1,
  1e308,
  '',
  'x'.repeat(100_000),
  true,
  [],
  [[[[[[[[[[]]]]]]]]]],
  {},
  JSON.parse('{"__proto__": {"polluted": true}}'),
  { constructor: { prototype: { polluted: true } } },
  new Date(0),
  () => 'function',
  Symbol('s')
]

/**
 * Malformed calls built from each method's own argument schema: a valid-looking call with one
 * argument replaced, one too many, one missing, and fields of the wrong type or unknown.
 */
function malformedCalls(method: (typeof apiMethods)[number]): unknown[] {
  const schema = apiArgumentSchemas[method] as z.ZodTuple
  const arity = schema.def.items.length
  const calls: unknown[] = ['not a list', { 0: 'object, not list' }, Array(arity + 1).fill({}), Array(arity + 3).fill(null)]
  for (let position = 0; position < arity; position++) {
    for (const value of hostile) {
      const call = Array(arity).fill({})
      call[position] = value
      calls.push(call)
    }
    const item = schema.def.items[position]
    if (item instanceof z.ZodObject) {
      for (const key of Object.keys(item.shape)) {
        for (let i = 0; i < 6; i++) calls.push(Object.assign(Array(arity).fill({}), { [position]: { [key]: random.pick(hostile) } }))
      }
      calls.push(Object.assign(Array(arity).fill({}), { [position]: { unknownField: 1 } }))
    }
  }
  if (arity > 0) calls.push([])
  return calls
}

describe('every API method', () => {
  it.each(apiMethods)('%s refuses malformed arguments with a typed error, never running, never crashing', async (method) => {
    const calls = malformedCalls(method)
    expect(calls.length).toBeGreaterThan(3)
    for (const args of calls) {
      const result = await invokeApi(untouchable, method, args, () => {})
      // A call that happens to be valid (a method with only optional fields) must at least not crash.
      if (result.ok || result.error.code !== 'invalid-argument') {
        expect(apiArgumentSchemas[method].safeParse(args).success, `${method} ${String(JSON.stringify(args)).slice(0, 80)}`).toBe(true)
      } else {
        expect(result.error.message).toMatch(/^Invalid arguments for /)
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
