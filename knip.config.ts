import type { KnipConfig } from 'knip'

/**
 * No unused code: every file, export and dependency is used by something that runs. The entries are
 * what the tools start: the app's entry points, the tests and their child processes, the benchmarks
 * and the scripts.
 */
const config: KnipConfig = {
  // Electron's, the browser host's, the MCP server's, the import worker's and the page's entry points
  // come from electron.vite.config.ts.
  entry: [
    'test/**/*.{test,spec}.ts',
    // Started by tests in processes of their own.
    'test/support/harness/workerChild.ts',
    'test/support/electron/assistantModeChild.ts',
    'test/support/harness/ioRecorder.mjs',
    'test/desktop/*.spec.ts',
    'bench/**/*.{ts,tsx,mjs}',
    'scripts/*.mjs',
    'playwright.desktop.config.ts',
    'vitest.mutation.config.mts'
  ],
  project: ['src/**/*.{ts,tsx}', 'test/**/*.{ts,mjs}', 'bench/**/*.{ts,tsx,mjs}', 'scripts/**/*.mjs'],
  // Debian's poppler-utils, which .ci/run installs: the printed report is read back with them.
  ignoreBinaries: ['pdftotext', 'pdftoppm', 'pdfinfo'],
  // The security gate runs Electronegativity's runner from its dist folder, by path.
  ignoreDependencies: ['@doyensec/electronegativity']
}

export default config
