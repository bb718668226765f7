import type { ReactNode } from 'react'
import type { Settings, SettingsPatch } from '../../shared/settings'

type OnOffSetting = { [K in keyof Settings]: Settings[K] extends boolean ? K : never }[keyof Settings]

interface SettingToggleProps {
  name: OnOffSetting
  testId: string
  settings: Settings
  onChange: (patch: SettingsPatch) => void
  /** Off and greyed, where this computer cannot do it. */
  disabled?: boolean
  children: ReactNode
}

/** A checkbox that turns one on/off setting on or off, labelled by its children. */
export function SettingToggle({ name, testId, settings, onChange, disabled, children }: SettingToggleProps) {
  return (
    <label className="toggle">
      <input
        type="checkbox"
        data-testid={testId}
        disabled={disabled}
        checked={!disabled && settings[name]}
        onChange={(event) => onChange({ [name]: event.target.checked })}
      />
      {children}
    </label>
  )
}
