import { describe, expect, it } from 'vitest'
import { faultKinds, faultScenario, killScenarios, revocationScenario } from '../../support/harness/reliabilityScenarios'

describe('reliability', () => {
  it.each(faultKinds)('a sync meeting $name ends, after a clean retry, with exactly the data of a clean run', async (kind) => {
    const outcome = await faultScenario(kind, 150)
    expect(outcome.faultsInjected).toBeGreaterThan(0)
    expect(outcome).toMatchObject({ recordsLost: 0, integrity: 'ok' })
    expect(outcome.recordsCompared).toBeGreaterThan(500)
  })

  it('survives access revoked in the middle of a sync, once connected again', async () => {
    const outcome = await revocationScenario(150)
    expect(outcome).toMatchObject({ faultsInjected: 1, recordsLost: 0, integrity: 'ok' })
  })

  it('survives SIGKILL at random points of sync, export and restore', async () => {
    const outcome = await killScenarios(6, 400)
    expect(outcome.kills).toBe(6)
    expect(outcome).toMatchObject({ recordsLost: 0, integrity: 'ok', partialFiles: 0 })
    expect(outcome.recordsCompared).toBeGreaterThan(6 * 1500)
  }, 120_000)
})
