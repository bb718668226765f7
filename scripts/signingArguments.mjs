// Signing rules of `npm run package` (scripts/package.mjs).
// - macOS: with a Developer ID certificate (CSC_LINK and CSC_KEY_PASSWORD, or CSC_NAME for one in the
//   keychain) electron-builder signs, and notarizes when APPLE_API_KEY, APPLE_API_KEY_ID and
//   APPLE_API_ISSUER (or APPLE_ID, APPLE_APP_SPECIFIC_PASSWORD and APPLE_TEAM_ID) are set. Without
//   one it would leave the app unsigned after flipping its fuses, which breaks Electron's own
//   signature, and Apple Silicon refuses to start it: so it is signed ad hoc instead.
// - Windows: electron-builder signs when CSC_LINK (or WIN_CSC_LINK) and CSC_KEY_PASSWORD are set.

/** The electron-builder arguments that the signing environment calls for. */
export function signingArguments(env) {
  const macCertificate = env.CSC_LINK || env.CSC_NAME
  return macCertificate ? [] : ['--config.mac.identity=-']
}
