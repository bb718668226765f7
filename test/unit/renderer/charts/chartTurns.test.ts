import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'

/**
 * The charts' turns (`chartTurns`) with the browser's scheduling in the test's hands: idle callbacks
 * are queued here and run one period at a time, each with a long idle period (50 ms, the most a
 * browser gives), so that only the rule decides how many charts one period draws.
 */
describe('charts drawn while the page is idle', () => {
  let idleCallbacks: IdleRequestCallback[]

  beforeEach(() => {
    vi.resetModules()
    idleCallbacks = []
    vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => idleCallbacks.push(callback))
    vi.stubGlobal('requestAnimationFrame', () => 0)
  })
  afterEach(() => vi.unstubAllGlobals())

  function runIdlePeriod() {
    const callbacks = idleCallbacks.splice(0)
    for (const callback of callbacks) callback({ didTimeout: false, timeRemaining: () => 50 })
  }

  it('draw one chart per idle period, however long the period: the next one may take 70 ms', async () => {
    const { awaitIdle } = await import('../../../../src/renderer/src/charts/chartTurns')
    const drawn: string[] = []
    for (const chart of ['sleep', 'strain', 'zones']) awaitIdle(() => void drawn.push(chart))

    runIdlePeriod()
    expect(drawn).toEqual(['sleep'])
    runIdlePeriod()
    expect(drawn).toEqual(['sleep', 'strain'])
    runIdlePeriod()
    expect(drawn).toEqual(['sleep', 'strain', 'zones'])
    expect(idleCallbacks).toHaveLength(0)
  })

  it('skip a chart taken out of the queue before its period came', async () => {
    const { awaitIdle } = await import('../../../../src/renderer/src/charts/chartTurns')
    const drawn: string[] = []
    const cancel = awaitIdle(() => void drawn.push('sleep'))
    cancel()

    runIdlePeriod()
    expect(drawn).toEqual([])
    expect(idleCallbacks).toHaveLength(0)
  })
})
