// `npm test`: typecheck, build, unit and smoke tests (Vitest), end-to-end tests (Playwright in
// Chromium). Every step runs even when an earlier one failed, so one run shows everything that is
// wrong; the last line sums the tests of all runners as `N passed, N failed` for CI.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const results = path.join(root, 'test-results')
fs.mkdirSync(results, { recursive: true })

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined)

/** Steps whose only outcome is success or failure count as one check each. */
const plainStep = (exitCode) => ({ passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 })

const steps = [
  { name: 'typecheck', command: ['npm', 'run', '--silent', 'typecheck'], count: plainStep },
  { name: 'build', command: ['npm', 'run', '--silent', 'build'], count: plainStep },
  {
    name: 'vitest',
    output: path.join(results, 'vitest.json'),
    command: [bin('vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile=${path.join(results, 'vitest.json')}`],
    count(exitCode, report) {
      const passed = report?.numPassedTests ?? 0
      const failed = report?.numFailedTests ?? 0
      const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0)
      // A file that fails to load fails no test but still fails the run.
      return { passed, failed: exitCode !== 0 && failed === 0 ? Math.max(1, report?.numFailedTestSuites ?? 0) : failed, skipped }
    }
  },
  {
    name: 'playwright',
    output: path.join(results, 'playwright.json'),
    command: [bin('playwright'), 'test'],
    count(exitCode, report) {
      const stats = report?.stats ?? {}
      const passed = (stats.expected ?? 0) + (stats.flaky ?? 0)
      const failed = stats.unexpected ?? 0
      return { passed, failed: exitCode !== 0 && failed === 0 ? 1 : failed, skipped: stats.skipped ?? 0 }
    }
  }
]

const totals = { passed: 0, failed: 0, skipped: 0 }
const summary = []
for (const step of steps) {
  if (step.output) fs.rmSync(step.output, { force: true })
  console.log(`\n=== ${step.name} ===`)
  const started = Date.now()
  const run = spawnSync(step.command[0], step.command.slice(1), { cwd: root, stdio: 'inherit' })
  const exitCode = run.status ?? 1
  const counts = step.count(exitCode, step.output && readJson(step.output))
  for (const key of Object.keys(totals)) totals[key] += counts[key]
  summary.push(`${step.name}: ${counts.passed} passed, ${counts.failed} failed (${((Date.now() - started) / 1000).toFixed(1)} s)`)
}

console.log(`\n${summary.join('\n')}\n`)
console.log(`${totals.passed} passed, ${totals.failed} failed${totals.skipped ? `, ${totals.skipped} skipped` : ''}`)
process.exit(totals.failed === 0 ? 0 : 1)
