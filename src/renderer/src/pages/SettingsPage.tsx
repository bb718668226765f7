import type { ReactNode } from 'react'
import type { ApiError } from '../../../shared/result'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import { Card } from '../ui/Card'

interface Choice<K extends keyof Settings> {
  key: K
  legend: string
  options: { value: Settings[K]; label: string }[]
}

const choices = [
  {
    key: 'theme',
    legend: 'Theme',
    options: [
      { value: 'system', label: 'Follow system' },
      { value: 'light', label: 'Light' },
      { value: 'dark', label: 'Dark' }
    ]
  } satisfies Choice<'theme'>,
  {
    key: 'unitSystem',
    legend: 'Units',
    options: [
      { value: 'metric', label: 'Metric (kg, m)' },
      { value: 'imperial', label: 'Imperial (lb, ft)' }
    ]
  } satisfies Choice<'unitSystem'>,
  {
    key: 'energyUnit',
    legend: 'Energy',
    options: [
      { value: 'kJ', label: 'Kilojoules (kJ)' },
      { value: 'kcal', label: 'Calories (kcal)' }
    ]
  } satisfies Choice<'energyUnit'>
]

interface SettingsPageProps {
  settings: Settings | undefined
  error: ApiError | undefined
  onChange: (patch: SettingsPatch) => void
  /** The WHOOP account section, above the settings. */
  account: ReactNode
  /** Sections below the settings (activity, diagnostics). */
  children?: ReactNode
}

export function SettingsPage({ settings, error, onChange, account, children }: SettingsPageProps) {
  return (
    <section aria-labelledby="settings-title" className="page">
      <h1 id="settings-title">Settings</h1>
      {account}
      {error && (
        <p role="alert" className="error">
          {error.message}
        </p>
      )}
      {settings && (
        <Card aria-labelledby="appearance-title" className="settings">
          <h2 id="appearance-title">Appearance and units</h2>
          {choices.map((choice) => (
            <fieldset key={choice.key} className="choice">
              <legend>{choice.legend}</legend>
              {choice.options.map((option) => (
                <label key={option.value}>
                  <input
                    type="radio"
                    name={choice.key}
                    value={option.value}
                    data-testid={`${choice.key}-${option.value}`}
                    checked={settings[choice.key] === option.value}
                    onChange={() => onChange({ [choice.key]: option.value })}
                  />
                  {option.label}
                </label>
              ))}
            </fieldset>
          ))}
        </Card>
      )}
      {children}
    </section>
  )
}
