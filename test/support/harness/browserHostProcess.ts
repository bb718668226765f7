import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'

export interface RunningHost {
  /** The address with this launch's key, as `npm run dev:browser` prints it. */
  url: string
  origin: string
  dataDir: string
  pid: number
  stop(): Promise<void>
}

/** Relative to the repository root, where npm, Vitest, Playwright and the benchmarks all run. */
const hostBundle = path.resolve('out/main/host.js')

/** Starts the built browser host as its own process, as a person would with `npm run dev:browser`. */
export function startHostProcess(dataDir: string, env: NodeJS.ProcessEnv = {}): Promise<RunningHost> {
  const child = spawn(process.execPath, [hostBundle], {
    env: { ...process.env, ...env, PORT: '0', WHOOP_DESKTOP_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk
      const match = /browser host: (http:\/\/\S+)/.exec(output)
      if (!match) return
      child.stdout!.off('data', onData)
      const url = match[1]
      resolve({ url, origin: new URL(url).origin, dataDir, pid: child.pid!, stop: () => stopProcess(child) })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk) => (output += chunk))
    child.once('exit', (code) => reject(new Error(`browser host exited with ${code}:\n${output}`)))
  })
}

function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve()
  return new Promise((resolve) => {
    child.once('exit', () => resolve())
    child.kill('SIGTERM')
  })
}
