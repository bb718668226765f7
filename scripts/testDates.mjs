// `npm run test:dates`: the unit tests and the end-to-end specs that read dates, at hard instants in
// several time zones (scripts/dateInstants.mjs), one line per instant and a summed line. With
// `--ci`, only the three instants `npm test` runs, with its smaller set of tests.
import path from 'node:path'
import { ciDateSpecs, ciDateUnitTests, ciInstants, dateSpecs, instants, yearEndSpecs } from './dateInstants.mjs'
import { describeCounts, results, runPlaywright, runVitest, sum } from './testRuns.mjs'

/** Runs the tests at each instant (`extraSpecs` too at the year's end); the counts of each, printed as they finish. */
export function testAtInstants(chosen, { unitTests, specs, extraSpecs = [], quiet }) {
  const lines = []
  const counts = chosen.map((instant, index) => {
    const env = { TZ: instant.tz, WHOOP_DESKTOP_NOW: instant.at, WHOOP_DESKTOP_NOW_SINCE: undefined }
    const report = (runner) => path.join(results, 'dates', `${index}-${runner}.json`)
    const stdio = quiet ? 'ignore' : 'inherit'
    const count = sum([
      runVitest({ files: unitTests, env, report: report('vitest'), stdio }),
      runPlaywright({ specs: instant.yearEnd ? [...new Set([...specs, ...extraSpecs])] : specs, env, report: report('playwright'), stdio })
    ])
    const line = `${instant.at ?? 'now'} ${instant.tz ?? '(TZ unset)'} — ${instant.name}: ${describeCounts(count)}`
    lines.push(line)
    console.log(line)
    return count
  })
  return { total: sum(counts), lines }
}

if (import.meta.main) {
  const ci = process.argv.includes('--ci')
  const { total, lines } = testAtInstants(ci ? ciInstants : instants, {
    unitTests: ci ? ciDateUnitTests : [],
    specs: ci ? ciDateSpecs : dateSpecs,
    extraSpecs: ci ? yearEndSpecs : [],
    quiet: process.argv.includes('--quiet')
  })
  console.log(`\n${lines.join('\n')}\n\nall ${lines.length} instants: ${describeCounts(total)}`)
  process.exit(total.failed === 0 ? 0 : 1)
}
