import { faultKinds, faultScenario, killScenarios, revocationScenario, type Outcome } from '../test/support/harness/reliabilityScenarios'
import { report } from './report'

/** The reliability proof's counts: faults injected, kills survived, records compared and lost. */
export async function benchReliability(): Promise<void> {
  const outcomes: Outcome[] = []
  for (const kind of faultKinds) outcomes.push(await faultScenario(kind, 3 * 365))
  outcomes.push(await revocationScenario(3 * 365))
  outcomes.push(await killScenarios(20, 3 * 365))
  for (const outcome of outcomes) {
    report('reliability-records-lost', outcome.recordsLost, 'records', {
      scenario: outcome.scenario,
      faultsInjected: outcome.faultsInjected,
      kills: outcome.kills,
      recordsCompared: outcome.recordsCompared,
      integrity: outcome.integrity
    })
  }
  const total = (key: 'faultsInjected' | 'kills' | 'recordsCompared' | 'recordsLost') => outcomes.reduce((sum, o) => sum + o[key], 0)
  report('reliability-total-records-lost', total('recordsLost'), 'records', {
    faultsInjected: total('faultsInjected'),
    killsSurvived: total('kills'),
    recordsCompared: total('recordsCompared'),
    integrityChecksOk: outcomes.filter((o) => o.integrity === 'ok').length,
    scenarios: outcomes.length
  })
}
