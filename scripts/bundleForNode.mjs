// Bundles a TypeScript entry (and everything it imports from src/ and test/) into one ES module
// that plain Node can run, with packages left as imports. Used by `npm run bench` and by tests that
// need a separate process (for example to kill it mid-sync).
import path from 'node:path'
import { build } from 'vite'

// The repository root, where npm, Vitest and the benchmarks run (this file may itself be bundled).
const root = process.cwd()

/** @param {string} entry @param {string} outDir @returns {Promise<string>} the bundle's path */
export async function bundleForNode(entry, outDir) {
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: path.resolve(root, entry),
      outDir,
      emptyOutDir: true,
      target: 'node22',
      rollupOptions: { output: { entryFileNames: 'index.mjs' } }
    }
  })
  return path.join(outDir, 'index.mjs')
}
