import { spawn } from 'node:child_process'
import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { zipSync } from 'fflate'
import { afterEach, describe, expect, it } from 'vitest'
import { makeTempDir } from '../../support/harness/tempDir'

const root = path.resolve(__dirname, '../../..')
const realModules = path.join(root, 'node_modules')
const electronVersion: string = JSON.parse(fs.readFileSync(path.join(realModules, 'electron/package.json'), 'utf8')).version
const archiveName = `electron-v${electronVersion}-linux-x64.zip`
const binaryContent = '#!/bin/sh\necho stand-in electron\n'

/**
 * A project whose `electron` package is a fresh copy of the real one (its install.js, version and
 * checksums), with Electron's download libraries linked from this project, so that installing the
 * binary there leaves this project's own `node_modules/electron` untouched.
 */
function projectWithFreshElectron(): string {
  const project = makeTempDir()
  const electronDir = path.join(project, 'node_modules/electron')
  fs.mkdirSync(electronDir, { recursive: true })
  for (const file of ['package.json', 'install.js', 'index.js', 'checksums.json']) {
    fs.copyFileSync(path.join(realModules, 'electron', file), path.join(electronDir, file))
  }
  for (const scope of ['@electron', '@electron-internal']) {
    fs.symlinkSync(path.join(realModules, scope), path.join(project, 'node_modules', scope), 'dir')
  }
  fs.writeFileSync(path.join(project, 'package.json'), '{"name":"project"}')
  return project
}

const servers: http.Server[] = []
afterEach(() => servers.splice(0).forEach((server) => server.close()))

/** An Electron release mirror on 127.0.0.1 with one small archive and its SHASUMS256.txt. */
async function serveMirror() {
  const archive = Buffer.from(zipSync({ electron: new TextEncoder().encode(binaryContent) }))
  const sha256 = crypto.createHash('sha256').update(archive).digest('hex')
  const requested: string[] = []
  const server = http.createServer((request, response) => {
    requested.push(request.url!)
    if (request.url === `/v${electronVersion}/${archiveName}`) return response.end(archive)
    if (request.url === `/v${electronVersion}/SHASUMS256.txt`) return response.end(`${sha256} *${archiveName}\n`)
    response.writeHead(404).end()
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, requested }
}

/** Runs `scripts/ensureElectron.mjs` as `npm start` does, in `project`. */
function runEnsureElectron(project: string, env: Record<string, string>) {
  const child = spawn(process.execPath, [path.join(root, 'scripts/ensureElectron.mjs')], {
    cwd: project,
    env: {
      PATH: process.env.PATH!,
      HOME: project,
      electron_config_cache: path.join(project, 'download-cache'),
      ELECTRON_INSTALL_PLATFORM: 'linux',
      ELECTRON_INSTALL_ARCH: 'x64',
      ...env
    }
  })
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', (chunk) => (stdout += chunk))
  child.stderr.on('data', (chunk) => (stderr += chunk))
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  )
}

describe('the Electron binary on first start', () => {
  it('is downloaded from the mirror, checked against its checksum and placed where electron-vite starts it', async () => {
    const project = projectWithFreshElectron()
    const mirror = await serveMirror()
    const run = await runEnsureElectron(project, { ELECTRON_MIRROR: mirror.url, electron_use_remote_checksums: '1' })

    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(mirror.requested).toEqual(expect.arrayContaining([`/v${electronVersion}/SHASUMS256.txt`, `/v${electronVersion}/${archiveName}`]))
    // electron-vite's getElectronPath(): <electron package>/dist/<contents of path.txt>.
    const electronDir = path.join(project, 'node_modules/electron')
    const executable = fs.readFileSync(path.join(electronDir, 'path.txt'), 'utf8')
    expect(executable).toBe('electron')
    expect(fs.readFileSync(path.join(electronDir, 'dist', executable), 'utf8')).toBe(binaryContent)

    // A second start finds it and downloads nothing.
    mirror.requested.length = 0
    expect((await runEnsureElectron(project, { ELECTRON_MIRROR: mirror.url })).code).toBe(0)
    expect(mirror.requested).toEqual([])
  })

  it('refuses an archive that does not match its checksum, installing nothing', async () => {
    const project = projectWithFreshElectron()
    const mirror = await serveMirror()
    // Without remote checksums the package's own checksums.json is used: the stand-in cannot match it.
    const run = await runEnsureElectron(project, { ELECTRON_MIRROR: mirror.url })
    expect(run.code).toBe(1)
    expect(run.stderr).toMatch(/checksum/i)
    expect(fs.existsSync(path.join(project, 'node_modules/electron/path.txt'))).toBe(false)
  })

  it('without a network, says in one plain line what is missing and how to fix it, and exits non-zero', async () => {
    const project = projectWithFreshElectron()
    const closed = http.createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const port = (closed.address() as AddressInfo).port
    await new Promise((resolve) => closed.close(resolve))

    const run = await runEnsureElectron(project, { ELECTRON_MIRROR: `http://127.0.0.1:${port}/` })
    expect(run.code).toBe(1)
    const lines = run.stderr.trim().split('\n')
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(`needs the Electron ${electronVersion} binary`)
    // The network error in words, not install.js's "TypeError: fetch failed".
    expect(lines[0]).toContain(`could not be downloaded: 127.0.0.1:${port} refused the connection.`)
    expect(lines[0]).toContain('Connect to the internet and run the command again')
    expect(lines[0]).toMatch(/To look at the app without Electron: npm run dev:browser$/)
    expect(run.stderr).not.toMatch(/^\s+at |Electron uninstall|TypeError|fetch failed/m)
  })
})
