import fs from 'node:fs'
import path from 'node:path'
import Conf from 'conf'
import { describe, expect, it } from 'vitest'
import { createSettingsStore, settingsBackendOptions, type SettingsBackend } from '../../../src/main/settings/settingsStore'
import { defaultSettings, settingsPatchSchema } from '../../../src/shared/settings'
import { makeTempDir } from '../../support/harness/tempDir'

const openStore = (dir: string) =>
  createSettingsStore(new Conf(settingsBackendOptions(dir)) as unknown as SettingsBackend)

describe('settings', () => {
  it('starts from the defaults', () => {
    expect(openStore(makeTempDir()).get()).toEqual(defaultSettings)
  })

  it('keeps an update across restarts, in the data folder', () => {
    const dir = makeTempDir()
    openStore(dir).update({ theme: 'dark', energyUnit: 'kcal' })
    expect(openStore(dir).get()).toEqual({ ...defaultSettings, theme: 'dark', energyUnit: 'kcal' })
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))).toMatchObject({ theme: 'dark' })
  })

  it('refuses values outside the schema and leaves the stored settings as they were', () => {
    const dir = makeTempDir()
    const store = openStore(dir)
    store.update({ unitSystem: 'imperial' })
    expect(() => store.update({ theme: 'purple' } as never)).toThrow()
    expect(openStore(dir).get()).toEqual({ ...defaultSettings, unitSystem: 'imperial' })
  })

  it('resets a settings file that no longer matches the schema instead of failing to start', () => {
    const dir = makeTempDir()
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ theme: 'neon', syncOnLaunch: 'yes' }))
    expect(openStore(dir).get()).toEqual(defaultSettings)
    fs.writeFileSync(path.join(dir, 'config.json'), '{ truncated')
    expect(openStore(dir).get()).toEqual(defaultSettings)
  })

  it('accepts only patches that name at least one known setting', () => {
    expect(settingsPatchSchema.safeParse({ theme: 'light' }).success).toBe(true)
    expect(settingsPatchSchema.safeParse({}).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ theme: 'light', apiToken: 'x' }).success).toBe(false)
    expect(settingsPatchSchema.safeParse({ syncOnLaunch: 'true' }).success).toBe(false)
  })
})
