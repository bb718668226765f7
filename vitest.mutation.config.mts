import { configDefaults, defineConfig } from 'vitest/config'
import unit from './vitest.config.mts'

/**
 * The unit tests Stryker runs against each mutant: all but the smoke tests and the MCP server's
 * (they run the built bundle, which holds no mutants), the release checks (whole-app scenarios in child processes) and
 * the hostile-file measurements (instrumented code needs more memory than the limits they check).
 * Imports run on the tests' own thread, where Stryker's active mutant is seen (it is not in a worker
 * thread), so the one test that shows a restore leaves the thread free is left out too.
 */
export default defineConfig({
  ...unit,
  test: {
    ...unit.test,
    include: ['test/unit/**/*.test.ts'],
    exclude: [...configDefaults.exclude, 'test/unit/release/**', 'test/unit/mcp/**', 'test/unit/exchange/hostileFiles.test.ts', 'test/unit/exchange/restoreOffMainThread.test.ts'],
    env: { ...unit.test?.env, WHOOP_TEST_IMPORT_IN_PROCESS: '1' }
  }
})
