import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { extractAll, listPackage } from '@electron/asar'
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses'
import { makeUniversalApp } from '@electron/universal'
import { Arch, build, Platform } from 'electron-builder'
import yaml from 'js-yaml'
import { beforeAll, describe, expect, it } from 'vitest'
import { mainBundle } from '../../support/electron/mainBundle'
import { icnsFromPng, layOutLinuxElectron, layOutMacElectron } from '../../support/electron/standInElectron'
import { makeTempDir } from '../../support/harness/tempDir'

/**
 * The real electron-builder with the real electron-builder.yml, packing the built app around
 * stand-in Electron distributions (nothing is downloaded), then what the packages hold.
 */
const root = path.resolve(__dirname, '../../..')
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>
const electronVersion: string = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8')).version

async function pack(platform: Platform, arch: Arch, electronDist: string, extra: Record<string, unknown> = {}): Promise<string> {
  const output = makeTempDirKept()
  await build({
    projectDir: root,
    targets: platform.createTarget('dir', arch),
    publish: 'never',
    config: { electronDist, electronVersion, directories: { output }, ...extra }
  })
  return output
}

// The packages are shared by the tests below, so their folders outlive each test.
const keptDirs: string[] = []
function makeTempDirKept(): string {
  const dir = fs.mkdtempSync(path.join(path.dirname(makeTempDir()), 'whoop-desktop-pack-'))
  keptDirs.push(dir)
  return dir
}

/** Every file under `dir`, relative to it, with `/` separators. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
}

/** Fuse states as bytes in the binary: '1' is on, '0' off. */
const FUSE_ENABLED = '1'.charCodeAt(0)
const fuseNames = (wire: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(wire)
      .filter(([key]) => key !== 'version')
      .map(([index, state]) => [FuseV1Options[Number(index)], state === FUSE_ENABLED])
  )

const expectedFuses = {
  RunAsNode: false,
  EnableCookieEncryption: true,
  EnableNodeOptionsEnvironmentVariable: false,
  EnableNodeCliInspectArguments: false,
  EnableEmbeddedAsarIntegrityValidation: true,
  OnlyLoadAppFromAsar: true,
  // Left as Electron ships it: off.
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: false
}

describe('the installers, packed by electron-builder around a stand-in Electron', () => {
  let linuxApp: string
  let macX64App: string
  let macArm64App: string

  beforeAll(async () => {
    expect(fs.existsSync(mainBundle), 'run `npm run build` first').toBe(true)
    const linuxElectron = makeTempDirKept()
    layOutLinuxElectron(linuxElectron, electronVersion)
    linuxApp = path.join(await pack(Platform.LINUX, Arch.x64, linuxElectron), 'linux-unpacked')

    const macElectron = makeTempDirKept()
    layOutMacElectron(macElectron, electronVersion)
    const icns = path.join(macElectron, 'icon.icns')
    icnsFromPng(path.join(root, config.mac.icon), icns)
    const macExtra = { mac: { icon: icns } }
    macX64App = path.join(await pack(Platform.MAC, Arch.x64, macElectron, macExtra), 'mac/WHOOP Desktop.app')
    macArm64App = path.join(await pack(Platform.MAC, Arch.arm64, macElectron, macExtra), 'mac-arm64/WHOOP Desktop.app')
    return () => keptDirs.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true }))
  }, 180_000)

  it('Linux: unpacks only the linux-x64 better-sqlite3 binary, with no C sources, beside an asar of the app', () => {
    const resources = path.join(linuxApp, 'resources')
    const unpacked = filesUnder(path.join(resources, 'app.asar.unpacked'))
    expect(unpacked.filter((file) => file.endsWith('.node'))).toEqual(['node_modules/better-sqlite3/prebuilds/linux-x64.node'])
    const archived = listPackage(path.join(resources, 'app.asar'), { isPack: false }).map((file) => file.split(path.sep).join('/'))
    for (const files of [unpacked.map((file) => `/${file}`), archived]) {
      expect(files.filter((file) => /better-sqlite3\/(deps|src|build|binding\.gyp)/.test(file))).toEqual([])
      expect(files.filter((file) => /prebuilds\/(?!linux-x64\.node$)/.test(file))).toEqual([])
    }
    expect(archived).toEqual(expect.arrayContaining(['/out/main/index.js', '/out/preload/index.js', '/out/renderer/index.html', '/package.json']))
    // The browser host is a development tool, and source maps are not shipped.
    expect(archived.filter((file) => file === '/out/main/host.js' || file.endsWith('.map'))).toEqual([])
    const unpackedBytes = unpacked.reduce((sum, file) => sum + fs.statSync(path.join(resources, 'app.asar.unpacked', file)).size, 0)
    expect(unpackedBytes).toBeLessThan(4 * 1024 * 1024)
  })

  it("Linux: better-sqlite3 from the app's files (the asar with its unpacked binary) loads and runs a query", () => {
    // What Electron's asar support shows the app: the archive's files, with unpacked ones read from disk.
    const appFiles = makeTempDir()
    extractAll(path.join(linuxApp, 'resources/app.asar'), appFiles)
    const Database = createRequire(path.join(appFiles, 'package.json'))('better-sqlite3')
    const db = new Database(':memory:')
    expect(db.prepare('SELECT 6 * 7 AS answer').get()).toEqual({ answer: 42 })
    db.close()
  })

  it('flips the fuses in the packed Linux binary and in the macOS framework', async () => {
    expect(fuseNames(await getCurrentFuseWire(path.join(linuxApp, 'whoop-desktop')))).toEqual(expectedFuses)
    expect(fuseNames(await getCurrentFuseWire(macArm64App))).toEqual(expectedFuses)
  })

  it('macOS: keeps both darwin binaries in each half, so the x64 and arm64 apps merge into one universal app', async () => {
    for (const app of [macX64App, macArm64App]) {
      const unpacked = filesUnder(path.join(app, 'Contents/Resources/app.asar.unpacked'))
      expect(unpacked.filter((file) => file.endsWith('.node'))).toEqual([
        'node_modules/better-sqlite3/prebuilds/darwin-arm64.node',
        'node_modules/better-sqlite3/prebuilds/darwin-x64.node'
      ])
    }
    // @electron/universal runs only on macOS; the merge itself is plain file work and `file`.
    const platform = Object.getOwnPropertyDescriptor(process, 'platform')!
    Object.defineProperty(process, 'platform', { value: 'darwin' })
    try {
      const merge = (x64ArchFiles: string | undefined) =>
        makeUniversalApp({ x64AppPath: macX64App, arm64AppPath: macArm64App, outAppPath: path.join(makeTempDirKept(), 'WHOOP Desktop.app'), x64ArchFiles })
      // Without the rule, the identical binaries in both halves stop the merge (as in electron-builder 26.17).
      await expect(merge(undefined)).rejects.toThrow(/darwin-arm64\.node" that's the same in both x64 and arm64 builds/)
      await expect(merge(config.mac.x64ArchFiles)).resolves.toBeUndefined()
    } finally {
      Object.defineProperty(process, 'platform', platform)
    }
  })
})
