import { defineConfig } from '@playwright/test'

/**
 * Launches of the real desktop app (test/desktop), for machines with an Electron binary and a display:
 * the release workflow (.github/workflows/desktop.yml) runs them on Linux, Windows and macOS. They
 * cannot run on the project's build machines, so `npm test` only typechecks them.
 */
export default defineConfig({
  testDir: 'test/desktop',
  outputDir: 'test-results/desktop',
  workers: 1,
  timeout: 120_000,
  reporter: [['list']]
})
