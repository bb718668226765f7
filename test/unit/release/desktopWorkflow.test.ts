import fs from 'node:fs'
import path from 'node:path'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'

/** The release workflow cannot run here; what it relies on in this repository can be checked. */
const root = path.resolve(__dirname, '../../..')
const workflow = yaml.load(fs.readFileSync(path.join(root, '.github/workflows/desktop.yml'), 'utf8')) as Record<string, any>
const builder = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>
const job = workflow.jobs.launch
const steps: { name: string; run?: string }[] = job.steps

describe('the desktop release workflow', () => {
  it('launches the app on Linux, Windows and macOS', () => {
    expect(job.strategy.matrix.include.map((entry: { os: string }) => entry.os)).toEqual(['ubuntu-latest', 'windows-latest', 'macos-latest'])
  })

  it('runs launch specs that exist, built and then packaged, and checks the macOS signature', () => {
    const specs = steps.flatMap((step) => [...(step.run ?? '').matchAll(/test\/desktop\/\S+\.spec\.ts/g)].map((match) => match[0]))
    expect(specs).toEqual(['test/desktop/built.spec.ts', 'test/desktop/packaged.spec.ts', 'test/desktop/packedAppCode.spec.ts'])
    for (const spec of specs) expect(fs.existsSync(path.join(root, spec)), spec).toBe(true)
    expect(steps.map((step) => step.run ?? '').join('\n')).toMatch(/codesign --verify --deep --strict/)
  })

  it('finds the packed executables where electron-builder puts them', () => {
    const product = builder.productName
    expect(job.strategy.matrix.include.map((entry: { packaged: string }) => entry.packaged)).toEqual([
      `dist/linux-unpacked/${builder.linux.executableName}`,
      `dist/win-unpacked/${product}.exe`,
      `dist/mac-universal/${product}.app/Contents/MacOS/${product}`
    ])
    // app.asar where electron-builder puts it (packaging.test.ts finds it there in a Linux and a macOS pack).
    expect(job.strategy.matrix.include.map((entry: { asar: string }) => entry.asar)).toEqual([
      'dist/linux-unpacked/resources/app.asar',
      'dist/win-unpacked/resources/app.asar',
      `dist/mac-universal/${product}.app/Contents/Resources/app.asar`
    ])
  })

  it('proves on every system what only real Electron can: the import worker inside app.asar, --mcp over stdio, safeStorage, printToPDF', () => {
    const read = (spec: string) => fs.readFileSync(path.join(root, spec), 'utf8')
    const packed = read('test/desktop/packedAppCode.spec.ts')
    expect(packed).toMatch(/importData', \{ kind: 'whoop-export' \}/)
    expect(packed).toMatch(/saveReportPdf/)
    expect(packed).toMatch(/whoop-vault\.json/)
    expect(read('test/desktop/packaged.spec.ts')).toMatch(/args: \['--mcp'\]/)
    const asarStep = steps.find((step) => step.run?.includes('packedAppCode.spec.ts')) as { env?: Record<string, string> }
    expect(asarStep.env?.PACKED_ASAR).toBe('${{ github.workspace }}/${{ matrix.asar }}')
  })
})
