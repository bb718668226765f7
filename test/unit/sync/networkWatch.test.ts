import { describe, expect, it } from 'vitest'
import { watchNetwork } from '../../../src/main/sync/networkWatch'
import { createManualClock } from '../../support/harness/manualClock'

describe('watching the network', () => {
  it('tells each time the computer comes back online, within 30 seconds, and never while it stays up or down', async () => {
    const clock = createManualClock()
    let online = true
    let cameBack = 0
    const stop = watchNetwork({ clock, isOnline: () => online, cameBack: () => cameBack++ })
    await clock.advance(10 * 60_000)
    expect(cameBack).toBe(0)
    online = false
    await clock.advance(5 * 60_000)
    expect(cameBack).toBe(0)
    online = true
    await clock.advance(30_000)
    expect(cameBack).toBe(1)
    online = false
    await clock.advance(30_000)
    online = true
    await clock.advance(30_000)
    expect(cameBack).toBe(2)
    stop()
    online = false
    await clock.advance(30_000)
    online = true
    await clock.advance(60_000)
    expect(cameBack).toBe(2)
    expect(clock.pending()).toEqual([])
  })
})
