import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'

export interface HostDataDir {
  dataDir: string
  /** A folder made for this run, removed when the host stops. */
  temporary: boolean
}

/**
 * Where the browser host keeps its database and settings: the folder given with `--data <folder>`
 * or WHOOP_DESKTOP_DATA_DIR, else a new temporary folder, so that trying the app never touches the
 * data of the installed desktop app. Throws, naming the argument, on one it does not know.
 */
export function chooseHostDataDir(args: string[], env: NodeJS.ProcessEnv): HostDataDir {
  const { values } = parseArgs({ args, options: { data: { type: 'string' } }, strict: true, allowPositionals: false })
  const given = values.data?.trim() || env.WHOOP_DESKTOP_DATA_DIR?.trim()
  if (given) return { dataDir: path.resolve(given), temporary: false }
  return { dataDir: fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-')), temporary: true }
}
