// `npm test`: typecheck, lint (ESLint keeps the house's boundaries), build, unit and smoke tests (Vitest), end-to-end tests (Playwright in
// Chromium), then the tests most bound to the calendar again at three pinned instants in other time
// zones (scripts/dateInstants.mjs; `npm run test:dates` runs the whole sweep). Every step runs even
// when an earlier one failed, so one run shows everything that is wrong; the last line sums the tests
// of all runners as `N passed, N failed` for CI.
import './checkNode.mjs'
import path from 'node:path'
import { ciDateSpecs, ciDateUnitTests, ciInstants, yearEndSpecs } from './dateInstants.mjs'
import { testAtInstants } from './testDates.mjs'
import { describeCounts, plainCount, results, run, runPlaywright, runVitest, sum } from './testRuns.mjs'

const steps = [
  { name: 'typecheck', run: () => plainCount(run('npm', ['run', '--silent', 'typecheck'])) },
  { name: 'lint', run: () => plainCount(run('npm', ['run', '--silent', 'lint'])) },
  { name: 'build', run: () => plainCount(run('npm', ['run', '--silent', 'build'])) },
  { name: 'vitest', run: () => runVitest({ report: path.join(results, 'vitest.json') }) },
  { name: 'playwright', run: () => runPlaywright({ report: path.join(results, 'playwright.json') }) },
  {
    name: `dates (${ciInstants.length} pinned instants)`,
    run: () => testAtInstants(ciInstants, { unitTests: ciDateUnitTests, specs: ciDateSpecs, extraSpecs: yearEndSpecs }).total
  }
]

const summary = []
const counts = steps.map((step) => {
  console.log(`\n=== ${step.name} ===`)
  const started = Date.now()
  const count = step.run()
  summary.push(`${step.name}: ${describeCounts(count)} (${((Date.now() - started) / 1000).toFixed(1)} s)`)
  return count
})
const total = sum(counts)

console.log(`\n${summary.join('\n')}\n`)
console.log(describeCounts(total))
process.exit(total.failed === 0 ? 0 : 1)
