import fs from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import yaml from 'js-yaml'
import { describe, expect, it } from 'vitest'
import { signingArguments } from '../../../scripts/signingArguments.mjs'

const root = path.resolve(__dirname, '../../..')
const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'))

describe('the packaging configuration', () => {
  it("is valid against electron-builder's own schema", () => {
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8'))
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema)
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true)
  })

  it('builds AppImage and deb, a universal dmg and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb'])
    expect(config.mac.target).toEqual([{ target: 'dmg', arch: ['universal'] }])
    expect(config.win.target).toEqual(['nsis'])
  })

  it('registers whoop-desktop:// on every system', () => {
    expect(config.protocols).toEqual([{ name: expect.any(String), schemes: ['whoop-desktop'] }])
    expect(config.linux.desktop.entry.MimeType).toBe('x-scheme-handler/whoop-desktop;')
    expect(config.mac.extendInfo.CFBundleURLTypes[0].CFBundleURLSchemes).toEqual(['whoop-desktop'])
    expect(packageJson.desktopName).toBe(`${config.linux.executableName}.desktop`)
    // The AppImage writes its own .desktop file under this name (src/main/edge/linkScheme.ts).
    expect(fs.readFileSync(path.join(root, 'src/main/edge/linkScheme.ts'), 'utf8')).toContain(`DESKTOP_FILE_NAME = '${packageJson.desktopName}'`)
  })

  it('turns off the Electron features an attacker could use and ships only the app', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true
    })
    expect(config.asarUnpack).toContain('**/*.node')
    expect(config.files).toContain('!out/main/host.js')
    // One source for every target's icons: electron-builder converts it to icns, ico and Linux sizes.
    for (const target of [config.linux, config.mac, config.win]) {
      const png = fs.readFileSync(path.join(root, target.icon))
      expect(png.subarray(1, 4).toString()).toBe('PNG')
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024])
    }
  })

  it('signs the macOS app ad hoc when no certificate is configured, and with the certificate when one is', () => {
    expect(signingArguments({})).toEqual(['--config.mac.identity=-'])
    expect(signingArguments({ CSC_LINK: 'file:///certificate.p12', CSC_KEY_PASSWORD: 'secret' })).toEqual([])
    expect(signingArguments({ CSC_NAME: 'Developer ID Application: Someone (TEAMID)' })).toEqual([])
    expect(packageJson.scripts.package).toContain('node scripts/package.mjs')
  })
})
