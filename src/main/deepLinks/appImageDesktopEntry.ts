import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { DEEP_LINK_SCHEME } from './deepLinks'

/**
 * An AppImage installs nothing, so no `.desktop` file tells the desktop that `whoop-desktop://`
 * links open this app. On its first run (and whenever the AppImage was moved) the app writes one
 * into the person's applications folder, pointing at the AppImage file itself.
 */
export function writeAppImageDesktopEntry(options: {
  appImageFile: string
  desktopFileName: string
  env: NodeJS.ProcessEnv
  home?: string
}): string {
  const dataHome = options.env.XDG_DATA_HOME || path.join(options.home ?? os.homedir(), '.local', 'share')
  const file = path.join(dataHome, 'applications', options.desktopFileName)
  const entry = [
    '[Desktop Entry]',
    'Type=Application',
    'Name=WHOOP Desktop',
    'Comment=Your WHOOP history, offline',
    `Exec=${quoteExecArgument(options.appImageFile)} %u`,
    `MimeType=x-scheme-handler/${DEEP_LINK_SCHEME};`,
    // It exists to receive sign-in links; the person starts the AppImage as they always do.
    'NoDisplay=true',
    'Terminal=false',
    ''
  ].join('\n')
  if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === entry) return file
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, entry, { mode: 0o644 })
  return file
}

/** Quoting of the Desktop Entry Specification: double quotes, with ", `, $ and \ escaped, and % doubled. */
export function quoteExecArgument(argument: string): string {
  return `"${argument.replace(/["`$\\]/g, (c) => `\\${c}`).replace(/%/g, '%%')}"`
}
