import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { nodeVersionProblem } from '../../scripts/nodeVersion.mjs'
import { DATABASE_FILE_NAME } from '../../src/main/database/openDatabase'
import { makeTempDir } from '../support/harness/tempDir'

/*
 * The entry points a person runs under their own Node: `npm test` and `npm run dev:browser` begin
 * with scripts/checkNode.mjs; the built browser host and MCP server check for themselves.
 */

const root = path.resolve(__dirname, '../..')
const { engines } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { engines: { node: string } }
const [minimumMajor, minimumMinor] = /(\d+)\.(\d+)/.exec(engines.node)!.slice(1)

/** Runs `node <args>` from the repository root; `--require` a preload to pose as another Node. */
function runNode(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, PORT: '0', ...env }, stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })))
  /** Resolves with stdout once it matches `pattern`. */
  const printed = (pattern: RegExp) =>
    new Promise<RegExpExecArray>((resolve, reject) => {
      const look = () => {
        const match = pattern.exec(stdout)
        if (match) resolve(match)
      }
      child.stdout.on('data', look)
      child.once('close', () => reject(new Error(`exited without printing ${pattern}:\n${stdout}\n${stderr}`)))
    })
  return { child, exited, printed }
}

/** A preload that makes this Node report itself as Node 20, where better-sqlite3 crashes. */
function poseAsNode20(): string {
  const preload = path.join(makeTempDir(), 'node20.cjs')
  fs.writeFileSync(preload, "Object.defineProperty(process.versions, 'node', { value: '20.20.2' })\n")
  return preload
}

describe('the entry points that run under a person’s own Node', () => {
  it.each([['scripts/checkNode.mjs'], ['out/main/host.js'], ['out/main/mcp.js']])(
    '%s, on Node 20, says in one line which Node to install, and touches no data',
    async (entry) => {
      const dataDir = path.join(makeTempDir(), 'data')
      const { exited } = runNode(['--require', poseAsNode20(), entry], { WHOOP_DESKTOP_DATA_DIR: dataDir })
      const { code, stdout, stderr } = await exited
      expect(code).toBe(1)
      expect(stdout).toBe('')
      expect(stderr.trim().split('\n')).toEqual([
        expect.stringMatching(new RegExp(`needs Node\\.js ${minimumMajor}\\.${minimumMinor} or newer, and this is Node\\.js 20\\.20\\.2: install Node\\.js ${minimumMajor} `))
      ])
      expect(fs.existsSync(dataDir)).toBe(false)
    }
  )

  it('the browser host, given no data folder, makes a temporary one, says so last, and removes it when stopped', async () => {
    const host = runNode(['out/main/host.js'], { WHOOP_DESKTOP_DATA_DIR: '' })
    const [, dataDir] = await host.printed(/^Data folder: (.+) \(temporary, removed when you stop/m)
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))).toBe(true)
    host.child.kill('SIGTERM')
    const { code, stdout } = await host.exited
    expect(code).toBe(0)
    // The address and the folder are the last two lines a person reads.
    expect(stdout.trim().split('\n').slice(-2)).toEqual([expect.stringMatching(/^WHOOP Desktop browser host: http:\/\/127\.0\.0\.1:\d+\/\?key=/), expect.stringMatching(/^Data folder: /)])
    expect(fs.existsSync(dataDir)).toBe(false)
  })

  it('the browser host keeps the folder given with --data', async () => {
    const dataDir = path.join(makeTempDir(), 'kept')
    const host = runNode(['out/main/host.js', '--data', dataDir], { WHOOP_DESKTOP_DATA_DIR: '' })
    await host.printed(new RegExp(`^Data folder: ${dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'))
    host.child.kill('SIGTERM')
    expect((await host.exited).code).toBe(0)
    expect(fs.existsSync(path.join(dataDir, DATABASE_FILE_NAME))).toBe(true)
  })

  it('the browser host refuses an argument it does not know, naming it', async () => {
    const { code, stderr } = await runNode(['out/main/host.js', '--date', '/tmp/x'], { WHOOP_DESKTOP_DATA_DIR: '' }).exited
    expect(code).toBe(1)
    expect(stderr).toContain("'--date'")
  })
})

describe('which Node is recent enough', () => {
  it.each([
    ['20.20.2', false],
    ['22.11.0', false],
    ['22.12.0', true],
    ['22.23.3', true],
    ['23.0.0', true],
    ['21.99.0', false]
  ])('Node %s: %s', (version, enough) => {
    expect(nodeVersionProblem('>=22.12', version) === undefined).toBe(enough)
  })
})
