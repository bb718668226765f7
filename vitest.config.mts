import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts', 'test/smoke/**/*.test.ts'],
    environment: 'node',
    // The import worker thread cannot run TypeScript sources: it is bundled once for the run.
    globalSetup: ['test/support/harness/importWorkerBundle.ts'],
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 30_000,
    // electron-store must go through Vite so that `vi.mock('electron')` reaches its `import electron`.
    server: { deps: { inline: ['electron-store'] } }
  }
})
