import type { ReactNode } from 'react'
import type { Settings, SettingsPatch } from '../../shared/settings'

type OnOffSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings]

interface SettingToggleProps {
  name: OnOffSetting
  testId: string
  settings: Settings
  onChange: (patch: SettingsPatch) => void
  children: ReactNode
}

/** A checkbox that turns one on/off setting on or off, labelled by its children. */
export function SettingToggle({ name, testId, settings, onChange, children }: SettingToggleProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        data-testid={testId}
        checked={settings[name]}
        onChange={(event) => onChange({ [name]: event.target.checked })}
      />
      {children}
    </label>
  )
}
