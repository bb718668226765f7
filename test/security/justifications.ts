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
    sample: 'setAsDefaultProtocolClient("whoop-desktop", ...launch)',
    why:
      'whoop-desktop:// carries the OAuth redirect. Links are parsed and refused unless their route is known ' +
      '(src/main/deepLinks/deepLinks.ts); the only route completes a pending sign-in whose state matches, tested ' +
      'with hostile links. The registration is src/main/edge/linkScheme.ts, packaged and development forms.'
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
    sample: 'await electron.shell.openExternal(url);',
    why:
      'openInBrowser (src/main/edge/osShell.ts) is given only WHOOP’s sign-in page, built by the app from the ' +
      'configured WHOOP OAuth server, which must be https (or a server on 127.0.0.1), and links from the page that are ' +
      'https and on an allow-listed WHOOP host (src/main/edge/guards.ts, src/main/web/externalLinks.ts, tested).'
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
