import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { justifications, unreadableFiles } from '../../security/justifications'
import { runElectronegativity, type Finding } from '../../security/electronegativity'
import { makeTempDir } from '../../support/harness/tempDir'

const root = path.resolve(__dirname, '../../..')
const electronVersion = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).devDependencies.electron

const justificationOf = (finding: Finding) =>
  justifications.find((j) => j.id === finding.id && (j.sample === undefined || finding.sample.includes(j.sample)))

describe('the security gate', () => {
  it('finds nothing in the built app that is not justified in test/security/justifications.ts', async () => {
    // The packaged parts of the build: main, preload and renderer, as electron-builder ships them.
    const input = makeTempDir()
    for (const part of ['main', 'preload', 'renderer']) fs.cpSync(path.join(root, 'out', part), path.join(input, part), { recursive: true })
    fs.rmSync(path.join(input, 'main/host.js'))
    fs.copyFileSync(path.join(root, 'package.json'), path.join(input, 'package.json'))

    const { findings, errors } = await runElectronegativity(input, electronVersion)
    const unexplained = errors
      .map((error) => path.relative(input, error.split(': ')[0]) + error.slice(error.indexOf(': ')))
      .filter((error) => !unreadableFiles.some((allowed) => allowed.file.test(error)))
    expect(unexplained, 'files the checks could not read').toEqual([])
    const unjustified = findings.filter((finding) => !justificationOf(finding))
    expect(unjustified, 'findings without a justification').toEqual([])
    // A justification nothing needs any more is removed, so the list stays true.
    const stale = justifications.filter((j) => !findings.some((finding) => justificationOf(finding) === j))
    expect(stale, 'justifications no finding needs').toEqual([])
  }, 120_000)

  it('is not blind: an insecure window is flagged', async () => {
    const input = makeTempDir()
    fs.copyFileSync(path.join(root, 'package.json'), path.join(input, 'package.json'))
    fs.writeFileSync(
      path.join(input, 'main.js'),
      `const { BrowserWindow } = require('electron')
new BrowserWindow({ webPreferences: { nodeIntegration: true, contextIsolation: false, sandbox: false, webSecurity: false } })`
    )
    const { findings } = await runElectronegativity(input, electronVersion)
    expect(findings.map((finding) => finding.id)).toEqual(
      expect.arrayContaining(['CONTEXT_ISOLATION_JS_CHECK', 'SANDBOX_JS_CHECK', 'WEB_SECURITY_JS_CHECK'])
    )
  }, 120_000)
})
