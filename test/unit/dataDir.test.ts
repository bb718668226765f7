import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { defaultUserDataDir, resolveDataDir } from '../../src/main/dataDir'

describe('the data folder', () => {
  it('is WHOOP_DESKTOP_DATA_DIR when set, made absolute', () => {
    expect(resolveDataDir({ WHOOP_DESKTOP_DATA_DIR: '/tmp/whoop' }, '/home/me/.config/WHOOP Desktop')).toBe('/tmp/whoop')
    expect(resolveDataDir({ WHOOP_DESKTOP_DATA_DIR: 'rel' }, '/x')).toBe(path.resolve('rel'))
  })

  it("is otherwise Electron's userData folder", () => {
    expect(resolveDataDir({}, '/home/me/.config/WHOOP Desktop')).toBe('/home/me/.config/WHOOP Desktop')
    expect(resolveDataDir({ WHOOP_DESKTOP_DATA_DIR: '  ' }, '/u')).toBe('/u')
  })

  it('matches where Electron puts userData on each system', () => {
    expect(defaultUserDataDir('linux', {}, '/home/me')).toBe('/home/me/.config/WHOOP Desktop')
    expect(defaultUserDataDir('linux', { XDG_CONFIG_HOME: '/xdg' }, '/home/me')).toBe('/xdg/WHOOP Desktop')
    expect(defaultUserDataDir('darwin', {}, '/Users/me')).toBe('/Users/me/Library/Application Support/WHOOP Desktop')
    expect(defaultUserDataDir('win32', { APPDATA: 'C:\\Users\\me\\AppData\\Roaming' }, 'C:\\Users\\me')).toBe(
      path.join('C:\\Users\\me\\AppData\\Roaming', 'WHOOP Desktop')
    )
  })
})
