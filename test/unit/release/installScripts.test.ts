import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const root = path.resolve(__dirname, '../../..')

/**
 * `.npmrc` turns install scripts off, so `npm ci` needs no compiler. This keeps that safe: every
 * dependency that has an install script is listed here with the reason the app does not need it,
 * so a new one cannot slip in and silently stay half-installed.
 */
const reviewedInstallScripts: Record<string, string> = {
  // Picks the 7-Zip executable for Squirrel.Windows installers; we build NSIS installers.
  'node_modules/electron-winstaller': 'install',
  // Prints a message in some time zones; installs nothing.
  'node_modules/es5-ext': 'postinstall'
}

describe('npm ci', () => {
  it('runs no install script, so it needs no compiler or Python', () => {
    expect(fs.readFileSync(path.join(root, '.npmrc'), 'utf8')).toMatch(/^ignore-scripts=true$/m)
  })

  it('skips only install scripts that were reviewed as unneeded', () => {
    const lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8'))
    const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean }>)
      .filter(([, entry]) => entry.hasInstallScript)
      .map(([location]) => location)
    expect(withScripts.sort()).toEqual(Object.keys(reviewedInstallScripts).sort())
    for (const [location, script] of Object.entries(reviewedInstallScripts)) {
      const { scripts } = JSON.parse(fs.readFileSync(path.join(root, location, 'package.json'), 'utf8'))
      expect(Object.keys(scripts), location).toContain(script)
    }
  })

  it('uses the better-sqlite3 binary that ships in the package, not a compiled one', () => {
    const betterSqlite = path.join(root, 'node_modules/better-sqlite3')
    expect(fs.existsSync(path.join(betterSqlite, 'prebuilds', `${process.platform}-${process.arch}.node`))).toBe(true)
    expect(fs.existsSync(path.join(betterSqlite, 'build/Release/better_sqlite3.node'))).toBe(false)
  })
})
