// `npm run package`: electron-builder with this project's signing rules (extra arguments pass on,
// e.g. `npm run package -- --dir`).
// - macOS: with a Developer ID certificate (CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME for one in the
//   keychain) electron-builder signs, and notarizes when APPLE_API_KEY, APPLE_API_KEY_ID and
//   APPLE_API_ISSUER (or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID) are set. Without
//   one it would leave the app unsigned after flipping its fuses, which breaks Electron's own
//   signature, and Apple Silicon refuses to start it: so it is signed ad hoc instead.
// - Windows: signed when CSC_LINK (or WIN_CSC_LINK) and CSC_KEY_PASSWORD are set.
import { spawnSync } from 'node:child_process'
import path from 'node:path'

/** The electron-builder arguments that the signing environment calls for. */
export function signingArguments(env) {
  const macCertificate = env.CSC_LINK || env.CSC_NAME
  return macCertificate ? [] : ['--config.mac.identity=-']
}

if (import.meta.filename === process.argv[1]) {
  const builder = path.resolve(import.meta.dirname, '../node_modules/.bin/electron-builder')
  const args = [...process.argv.slice(2), ...signingArguments(process.env)]
  const run = spawnSync(builder, args, { stdio: 'inherit', shell: process.platform === 'win32' })
  process.exit(run.status ?? 1)
}
