import { describe, expect, it } from 'vitest'
import { AppError } from '../../../src/main/api/apiErrors'
import { invokeApi } from '../../../src/main/api/invokeApi'
import { defaultSettings } from '../../../src/shared/settings'
import { handlersWith, testAppInfo } from '../../support/harness/apiHandlers'

const appInfo = testAppInfo

describe('invokeApi', () => {
  const logged: unknown[] = []
  const log = (_method: string, error: unknown) => void logged.push(error)

  it('returns the handler value for valid arguments', async () => {
    expect(await invokeApi(handlersWith(), 'getAppInfo', [], log)).toEqual({ ok: true, value: appInfo })
    expect(await invokeApi(handlersWith(), 'updateSettings', [{ theme: 'dark' }], log)).toEqual({
      ok: true,
      value: { ...defaultSettings, theme: 'dark' }
    })
  })

  it.each([
    ['not an array', 'getAppInfo', 'hello'],
    ['too many arguments', 'getAppInfo', [1]],
    ['missing argument', 'updateSettings', []],
    ['wrong type', 'updateSettings', ['dark']],
    ['unknown setting', 'updateSettings', [{ theme: 'dark', token: 'x' }]],
    ['prototype pollution attempt', 'updateSettings', [JSON.parse('{"__proto__": {"theme": "dark"}}')]]
  ])('answers %s with a typed invalid-argument error and never runs the handler', async (_case, method, args) => {
    let ran = false
    const handlers = handlersWith({ updateSettings: () => ((ran = true), defaultSettings) })
    const result = await invokeApi(handlers, method, args, log)
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } })
    expect(ran).toBe(false)
  })

  it('refuses methods that are not in the contract, including inherited names', async () => {
    for (const method of ['deleteEverything', 'toString', '__proto__', 'constructor']) {
      expect(await invokeApi(handlersWith(), method, [], log)).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument', message: expect.stringContaining('no API method') }
      })
    }
  })

  it('passes an AppError through as its typed error', async () => {
    const handlers = handlersWith({
      getSettings: () => {
        throw new AppError('unavailable', 'Settings are being moved; try again.')
      }
    })
    expect(await invokeApi(handlers, 'getSettings', [], log)).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'Settings are being moved; try again.' }
    })
  })

  it('keeps an unexpected error in the log and tells the caller only that it happened', async () => {
    logged.length = 0
    const secretPath = '/home/someone/.config/secret-token-abc123'
    const handlers = handlersWith({
      getAppInfo: async () => {
        throw new Error(`ENOENT ${secretPath}`)
      }
    })
    const result = await invokeApi(handlers, 'getAppInfo', [], log)
    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } })
    expect(JSON.stringify(result)).not.toContain(secretPath)
    expect(String(logged[0])).toContain(secretPath)
  })
})
