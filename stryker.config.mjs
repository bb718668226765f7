// @ts-check
/**
 * Mutation testing of the core (`npm run test:mutation`, not part of `npm test`): Stryker changes
 * the code one small way at a time and checks that some unit test fails. Prints a score per folder.
 * @type {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
const config = {
  mutate: ['src/main/{sync,store,exchange,auth,whoop}/**/*.ts'],
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.mts' },
  coverageAnalysis: 'perTest',
  // Mutants in module-level constants would need a fresh process per mutant; they are left out.
  ignoreStatic: true,
  concurrency: 2,
  // A mutant that loops forever is stopped this long after the time its tests normally take.
  timeoutMS: 5_000,
  reporters: ['progress', 'json', 'html'],
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  htmlReporter: { fileName: 'test-results/mutation/mutation.html' },
  // Stryker would rewrite tsconfig.json's paths for its sandbox with TypeScript's JS API, which
  // TypeScript 7 no longer has; Vite runs the tests without reading those paths, so none is named.
  tsconfigFile: '',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
export default config
