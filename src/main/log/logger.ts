import fs from 'node:fs'
import path from 'node:path'
import type { Clock } from '../clock'

export interface Logger {
  info(message: string): void
  warn(message: string, error?: unknown): void
  error(message: string, error?: unknown): void
  /** The folder the log files are in (for "open logs folder"). */
  folder: string
}

export interface LoggerOptions {
  dataDir: string
  clock: Clock
  /** Secrets known right now (tokens, the client secret), blanked wherever they appear. */
  secrets: () => readonly string[]
  maxFileBytes?: number
  keptFiles?: number
  /** Where lines also go (the terminal in development); default nowhere. */
  echo?: (line: string) => void
}

const LOG_FILE_NAME = 'whoop-desktop.log'

/** Secrets that have a recognisable shape, blanked even when the logger was not told their value. */
const secretPatterns: [RegExp, string][] = [
  [/(Bearer\s+)[\w.~+/-]+=*/gi, '$1[redacted]'],
  [/((?:access_token|refresh_token|id_token|client_secret|code|code_verifier)["']?\s*[=:]\s*["']?)[^\s&"',}]+/gi, '$1[redacted]']
]

/**
 * The app's log: a file in the data folder for bug reports, rotated by size so it never grows without
 * bound, with every secret blanked before a line is written.
 */
export function createLogger(options: LoggerOptions): Logger {
  const folder = path.join(options.dataDir, 'logs')
  const file = path.join(folder, LOG_FILE_NAME)
  const maxFileBytes = options.maxFileBytes ?? 1024 * 1024
  const keptFiles = options.keptFiles ?? 3
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 })

  const redact = (text: string): string => {
    let result = text
    for (const secret of options.secrets()) if (secret.length >= 6) result = result.split(secret).join('[redacted]')
    for (const [pattern, replacement] of secretPatterns) result = result.replace(pattern, replacement)
    return result
  }

  const rotate = () => {
    for (let index = keptFiles - 1; index >= 1; index--) {
      const from = index === 1 ? file : `${file}.${index - 1}`
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${index}`)
    }
  }

  const write = (level: string, message: string, error?: unknown) => {
    const detail = error === undefined ? '' : ` | ${describeError(error)}`
    const line = redact(`${new Date(options.clock.now()).toISOString()} ${level} ${message}${detail}`).replace(/\n/g, '\n    ')
    try {
      if (fs.existsSync(file) && fs.statSync(file).size + line.length > maxFileBytes) rotate()
      fs.appendFileSync(file, `${line}\n`, { mode: 0o600 })
    } catch {
      // A log that cannot be written must not take the app down with it.
    }
    options.echo?.(line)
  }

  return {
    folder,
    info: (message) => write('INFO', message),
    warn: (message, error) => write('WARN', message, error),
    error: (message, error) => write('ERROR', message, error)
  }
}

/** An error's stack, then what caused it, down the chain: the cause is often the useful part. */
function describeError(error: unknown, depth = 0): string {
  if (!(error instanceof Error)) return String(error)
  const own = depth === 0 ? (error.stack ?? error.message) : error.message
  return error.cause === undefined || depth >= 4 ? own : `${own}\ncaused by: ${describeError(error.cause, depth + 1)}`
}
