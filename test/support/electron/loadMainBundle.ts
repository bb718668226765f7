import fs from 'node:fs'
import Module, { createRequire } from 'node:module'
import path from 'node:path'
import type { FakeElectron } from './fakeElectron'

// The repository root is where npm, Vitest and the child processes of tests run.
export const outDir = path.resolve(process.cwd(), 'out')
export const mainBundle = path.join(outDir, 'main/index.js')
export const APP_PAGE = 'app://whoop-desktop/index.html'

/**
 * Loads the built `out/main/index.js` under plain Node, the way Electron would start it, with
 * `require('electron')` answered by the fake. Everything else it requires is real.
 */
export function loadMainBundle(fake: FakeElectron): void {
  if (!fs.existsSync(mainBundle)) throw new Error(`${mainBundle} is missing: run \`npm run build\` first.`)
  const nodeRequire = createRequire(mainBundle)
  for (const file of Object.keys(nodeRequire.cache)) {
    if (file.startsWith(outDir)) delete nodeRequire.cache[file]
  }
  const moduleInternals = Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown }
  const originalLoad = moduleInternals._load
  moduleInternals._load = function (request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.electron : originalLoad.call(this, request, ...rest)
  }
  try {
    nodeRequire(mainBundle)
  } finally {
    moduleInternals._load = originalLoad
  }
}

