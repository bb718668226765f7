import { resolve } from 'node:path'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'electron-vite'
import { SOURCE_DIGEST_FILE, sourceDigest } from './scripts/sourceDigest.mjs'

export default defineConfig({
  main: {
    plugins: [
      {
        name: 'source-digest',
        // Beside the main bundle: what the smoke tests compare with the sources before trusting the build.
        generateBundle() {
          this.emitFile({ type: 'asset', fileName: SOURCE_DIGEST_FILE, source: sourceDigest(__dirname) })
        }
      }
    ],
    build: {
      // ESM-only packages (electron-store, openid-client, d3-array) are bundled into the CommonJS main bundle, and the MCP SDK too (only its stdio
      // server is used, not the web servers it depends on); better-sqlite3 (native) stays external.
      externalizeDeps: { exclude: ['electron-store', 'openid-client', '@modelcontextprotocol/sdk', 'd3-array'] },
      rollupOptions: {
        // Bundled packages in a chunk of their own, apart from the app's code that the security gate reads;
        // electron-store stays with the app, as it loads Electron, which the browser host must never do.
        output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](?!electron-store[\\/])/ }] } },
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The browser host (`npm run dev:browser`, end-to-end tests); excluded from packages.
          host: resolve(__dirname, 'src/host/index.ts'),
          // Imports run in a worker thread of their own (appCore finds it beside the bundle).
          importWorker: resolve(__dirname, 'src/main/exchange/importWorker.ts'),
          // The read-only MCP server under plain Node (`node out/main/mcp.js`); the app runs it with --mcp.
          mcp: resolve(__dirname, 'src/main/mcp/mcpEntry.ts')
        }
      }
    }
  },
  preload: {
    build: {
      rollupOptions: { input: { index: resolve(__dirname, 'src/preload/index.ts') } }
    }
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    build: {
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/renderer/index.html') },
        // What the opening page loads, in two files (and the bundler's runtime) rather than seven: the
        // packages and the app's own code, parsed side by side. Split by default into a chunk per module
        // a lazy page shares, the packages' file queued behind five small ones, and the page started
        // later. The lazy pages keep chunks of their own.
        output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules/, tags: ['$initial'], priority: 1 }, { name: 'app', tags: ['$initial'] }] } }
      }
    },
    plugins: [react()]
  }
})
