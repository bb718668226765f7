// `npm run bench`: runs bench/index.ts under Node. Benchmarks print one JSON line per figure; they
// assert nothing.
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { bundleForNode } from './bundleForNode.mjs'

const bundle = await bundleForNode('bench/index.ts', path.resolve(import.meta.dirname, '../test-results/bench'))
await import(pathToFileURL(bundle).href)
