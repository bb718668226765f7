/**
 * Every Electronegativity finding the security gate accepts, and why. A finding not listed here
 * fails `npm test`; an entry no finding needs fails it too.
 */
export interface Justification {
  id: string
  /** Part of the flagged source, when the check can fire in places that differ. */
  sample?: string
  why: string
}

export const justifications: Justification[] = [
  {
    id: 'CSP_GLOBAL_CHECK',
    why:
      'The Content-Security-Policy is sent as a response header by the app:// protocol handler ' +
      '(src/main/web/rendererFiles.ts), which the check cannot see; the smoke test reads it from the built app ' +
      'and the Playwright specs show it blocking inline and remote scripts in Chromium.'
  },
  {
    id: 'PROTOCOL_HANDLER_JS_CHECK',
    sample: 'setAsDefaultProtocolClient(DEEP_LINK_SCHEME, process.execPath',
    why:
      'whoop-desktop:// carries the OAuth redirect. Links are parsed and refused unless their route is known ' +
      '(src/main/deepLinks/deepLinks.ts); the only route completes a pending sign-in whose state matches, tested ' +
      'with hostile links. This is the development form of the registration.'
  },
  {
    id: 'PROTOCOL_HANDLER_JS_CHECK',
    sample: 'setAsDefaultProtocolClient(DEEP_LINK_SCHEME)',
    why: 'The packaged form of the same registration; see above.'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'if (isAllowedExternalUrl(url))',
    why: 'Links from the page open outside only when https and on an allow-listed WHOOP host (src/main/web/externalLinks.ts, tested).'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'await options.openExternal(authorizationUrl)',
    why: 'The sign-in flow hands WHOOP’s authorization URL, which it built itself, to the function below.'
  },
  {
    id: 'ELECTRON_VERSION_JSON_CHECK',
    why:
      'Informational: comparing the Electron version with the latest releases needs the internet, which the checks ' +
      'do not use. Electron is pinned (package.json) and raised deliberately.'
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    sample: 'openExternal: (url) =>',
    why:
      'Opens WHOOP’s sign-in page, built by the app from the configured WHOOP OAuth server, which must be https ' +
      '(or a server on 127.0.0.1); the page cannot choose the URL.'
  }
]

/** Built files the checks may fail to read, and why that leaves no gap. */
export const unreadableFiles: { file: RegExp; why: string }[] = [
  {
    file: /^main\/chunks\/vendor-[\w-]+\.js: Unknown node type Class/,
    why:
      'Packages bundled from npm (zod, conf, electron-store, openid-client), kept in their own chunk by ' +
      'electron.vite.config.ts. They use class private fields, which the checks cannot parse. The app’s own code, ' +
      'where every window, IPC and protocol setting lives, is in the files the checks do read.'
  }
]
