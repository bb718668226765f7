// Running Vitest and Playwright from a script, and counting what passed from their JSON reports,
// for `npm test` and `npm run test:dates`.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const root = path.resolve(import.meta.dirname, '..')
export const results = path.join(root, 'test-results')
const bin = (name) => path.join(root, 'node_modules', '.bin', name)
const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined)

/** Runs a command with the terminal as its output, with `env` over this process's (undefined: unset); its exit code. */
export function run(command, args, env = {}, stdio = 'inherit') {
  const merged = { ...process.env, ...env }
  for (const [name, value] of Object.entries(merged)) if (value === undefined) delete merged[name]
  return spawnSync(command, args, { cwd: root, stdio, env: merged }).status ?? 1
}

/** A step whose only outcome is success or failure counts as one check. */
export const plainCount = (exitCode) => ({ passed: exitCode === 0 ? 1 : 0, failed: exitCode === 0 ? 0 : 1, skipped: 0 })

/** Vitest over `files` (all of its tests when none), its report written to `report`. */
export function runVitest({ files = [], env = {}, report, stdio }) {
  fs.mkdirSync(path.dirname(report), { recursive: true })
  fs.rmSync(report, { force: true })
  const exitCode = run(bin('vitest'), ['run', ...files, '--reporter=default', '--reporter=json', `--outputFile=${report}`], env, stdio)
  const json = readJson(report)
  const passed = json?.numPassedTests ?? 0
  const failed = json?.numFailedTests ?? 0
  // A file that fails to load fails no test but still fails the run.
  return { passed, failed: exitCode !== 0 && failed === 0 ? Math.max(1, json?.numFailedTestSuites ?? 0) : failed, skipped: (json?.numPendingTests ?? 0) + (json?.numTodoTests ?? 0) }
}

/** Playwright over `specs` (every spec when none), its report written to `report`. */
export function runPlaywright({ specs = [], env = {}, report, stdio }) {
  fs.mkdirSync(path.dirname(report), { recursive: true })
  fs.rmSync(report, { force: true })
  const exitCode = run(bin('playwright'), ['test', ...specs], { ...env, PLAYWRIGHT_JSON_OUTPUT_FILE: report }, stdio)
  const stats = readJson(report)?.stats ?? {}
  const failed = stats.unexpected ?? 0
  return { passed: (stats.expected ?? 0) + (stats.flaky ?? 0), failed: exitCode !== 0 && failed === 0 ? 1 : failed, skipped: stats.skipped ?? 0 }
}

export const sum = (counts) =>
  counts.reduce((total, count) => ({ passed: total.passed + count.passed, failed: total.failed + count.failed, skipped: total.skipped + count.skipped }), { passed: 0, failed: 0, skipped: 0 })

export const describeCounts = ({ passed, failed, skipped }) => `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`
