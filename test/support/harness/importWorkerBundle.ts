import path from 'node:path'
import { bundleForNode } from '../../../scripts/bundleForNode.mjs'

/** The import worker, bundled from the sources for the core the tests run (see appCoreHarness). */
export const IMPORT_WORKER_BUNDLE = path.resolve(__dirname, '../../../test-results/import-worker/index.mjs')

/** Vitest global setup: bundles the worker before any test starts a core. */
export default async function bundleImportWorker() {
  await bundleForNode('src/main/exchange/importWorker.ts', path.dirname(IMPORT_WORKER_BUNDLE))
}
