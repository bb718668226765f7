// `npm run test:mutation`: Stryker over the core (see stryker.config.mjs), then the mutation score
// of each folder from its JSON report. Not part of `npm test`: it runs the unit tests thousands of times.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

const root = path.resolve(import.meta.dirname, '..')
const report = path.join(root, 'test-results/mutation/mutation.json')

// The tests read WHOOP's reference from `../shared` beside the repository; Stryker runs them in a
// sandbox under .stryker-tmp/, so the reference is linked beside that sandbox too.
const sandboxes = path.join(root, '.stryker-tmp')
fs.mkdirSync(sandboxes, { recursive: true })
fs.rmSync(path.join(sandboxes, 'shared'), { force: true })
fs.symlinkSync(path.join(root, '../shared'), path.join(sandboxes, 'shared'))

const run = spawnSync(path.join(root, 'node_modules/.bin/stryker'), ['run', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' })
if (run.status !== 0 || !fs.existsSync(report)) process.exit(run.status ?? 1)

/** Killed and timed-out mutants over all that ran or had no test: Stryker's own mutation score. */
const detected = new Set(['Killed', 'Timeout'])
const counted = new Set(['Killed', 'Timeout', 'Survived', 'NoCoverage'])
const folders = new Map()
for (const [file, { mutants }] of Object.entries(JSON.parse(fs.readFileSync(report, 'utf8')).files)) {
  const folder = path.dirname(path.relative(root, path.resolve(root, file)))
  const tally = folders.get(folder) ?? { mutants: 0, detected: 0, survived: 0, noCoverage: 0 }
  for (const { status } of mutants) {
    if (!counted.has(status)) continue
    tally.mutants++
    if (detected.has(status)) tally.detected++
    if (status === 'Survived') tally.survived++
    if (status === 'NoCoverage') tally.noCoverage++
  }
  folders.set(folder, tally)
}
const rows = [...folders].sort(([a], [b]) => a.localeCompare(b))
const all = rows.reduce((sum, [, t]) => ({ mutants: sum.mutants + t.mutants, detected: sum.detected + t.detected, survived: sum.survived + t.survived, noCoverage: sum.noCoverage + t.noCoverage }), { mutants: 0, detected: 0, survived: 0, noCoverage: 0 })
const score = (t) => (t.mutants ? ((100 * t.detected) / t.mutants).toFixed(1) : '–')
console.log('\nMutation score per folder (killed or timed out, of all mutants):')
console.log(['folder'.padEnd(22), 'score %'.padStart(8), 'mutants'.padStart(8), 'killed'.padStart(8), 'survived'.padStart(9), 'no test'.padStart(8)].join(''))
for (const [folder, t] of [...rows, ['all', all]]) {
  console.log([String(folder).padEnd(22), score(t).padStart(8), String(t.mutants).padStart(8), String(t.detected).padStart(8), String(t.survived).padStart(9), String(t.noCoverage).padStart(8)].join(''))
}
