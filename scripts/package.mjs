// `npm run package`: electron-builder with this project's signing rules (scripts/signingArguments.mjs).
// Extra arguments pass on, e.g. `npm run package -- --dir`.
import { spawnSync } from 'node:child_process'
import { createRequire } from 'node:module'
import { signingArguments } from './signingArguments.mjs'

// Its CLI run by this Node, not through a shell, so no path or argument needs quoting on Windows.
const builderCli = createRequire(import.meta.url).resolve('electron-builder/cli.js')
const args = [...process.argv.slice(2), ...signingArguments(process.env)]
const run = spawnSync(process.execPath, [builderCli, ...args], { stdio: 'inherit' })
process.exit(run.status ?? 1)
