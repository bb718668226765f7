// Run first by `npm test` and `npm run dev:browser`: stops with one line when this Node is too old.
import fs from 'node:fs'
import { nodeVersionProblem } from './nodeVersion.mjs'

const { engines } = JSON.parse(fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8'))
const problem = nodeVersionProblem(engines.node)
if (problem) {
  console.error(problem)
  process.exit(1)
}
