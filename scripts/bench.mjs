// `npm run bench`: bundles bench/index.ts (TypeScript, importing the app's core and the fake WHOOP
// server) with Vite and runs it under Node. Benchmarks print one JSON line per figure; they assert
// nothing.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { build } from 'vite'

const root = path.resolve(import.meta.dirname, '..')
const outDir = path.join(root, 'out/bench')
await build({
  root,
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: path.join(root, 'bench/index.ts'),
    outDir,
    emptyOutDir: true,
    target: 'node22',
    rollupOptions: { output: { entryFileNames: 'index.mjs' } }
  }
})
await import(pathToFileURL(path.join(outDir, 'index.mjs')).href)
