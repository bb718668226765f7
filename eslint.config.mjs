// The boundaries of the house, kept by the linter (docs/ARCHITECTURE.md says why each exists):
// Electron only at the edge and in the preload, the page only on shared code and itself, the core
// never reaching up to the edge or the browser host, and the page reading no clock of its own.
import js from '@eslint/js'
import reactHooks from 'eslint-plugin-react-hooks'
import globals from 'globals'
import tseslint from 'typescript-eslint'

const electron = { name: 'electron', message: 'Electron lives in src/main/edge and src/preload only; the core is plain Node.' }
const nodeBuiltins = { group: ['node:*'], message: 'The page runs in a sandbox without Node: use the API from src/shared.' }
const layer = (folders, message) => ({ group: folders.map((folder) => `**/${folder}/**`), message })

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', '.tools/**', 'test-results/**', '.stryker-tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      // A `let` read before its one assignment (an event sink wired before what it sends to exists) stays a `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Tests and stand-ins cast WHOOP's loose JSON and the fakes on purpose; the app's own code does not need `any`.
      '@typescript-eslint/no-explicit-any': 'off'
    }
  },
  {
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/main/edge/**', 'src/preload/**', 'src/main/index.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [electron] }] }
  },
  {
    files: ['src/main/**/*.ts'],
    // index.ts is Electron's entry point: it only chooses which part of the edge to start.
    ignores: ['src/main/edge/**', 'src/main/index.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [layer(['edge', 'host', 'renderer', 'preload'], 'The core is used by the edge and the browser host, never the other way round.')] }]
    }
  },
  {
    files: ['src/host/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [layer(['edge', 'renderer', 'preload'], 'The browser host runs the core without Electron.')] }]
    }
  },
  {
    files: ['src/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, layer(['main', 'host', 'renderer', 'preload'], 'src/shared is the contract both processes read; it imports nothing of theirs.')] }]
    }
  },
  {
    files: ['src/renderer/**/*.ts', 'src/renderer/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { paths: [electron], patterns: [nodeBuiltins, layer(['main', 'host', 'preload'], 'The page reaches the app through window.api and src/shared only.')] }],
      // Every date the page shows is the app's (the core's clock, which tests can pin), never the browser's.
      'no-restricted-properties': ['error', { object: 'Date', property: 'now', message: 'The page reads no clock: dates come from the app core.' }],
      'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'The page reads no clock: dates come from the app core.' }]
    }
  }
)
