import { useState, type FormEvent } from 'react'
import { loopbackRedirectUri } from '../../../shared/connection'
import type { Settings, SettingsPatch } from '../../../shared/settings'
import { CopyButton } from '../CopyButton'

const validPort = (text: string) => /^\d+$/.test(text) && Number(text) >= 1024 && Number(text) <= 65535

/**
 * The port of the "Through this computer" redirect. WHOOP accepts only the exact URI registered in
 * the person's app, so the port is fixed; it changes only here, when another program needs it.
 */
export function LoopbackPortSetting({ settings, onChange }: { settings: Settings; onChange: (patch: SettingsPatch) => void }) {
  const [text, setText] = useState(String(settings.loopbackPort))
  const valid = validPort(text)

  function save(event: FormEvent) {
    event.preventDefault()
    if (valid) onChange({ loopbackPort: Number(text) })
  }

  return (
    <form className="form loopback-port" onSubmit={save}>
      <label>
        Port for “Through this computer”
        <input
          type="number"
          min={1024}
          max={65535}
          data-testid="loopback-port-input"
          value={text}
          aria-invalid={!valid}
          aria-describedby="loopback-port-help"
          onChange={(event) => setText(event.target.value)}
          onBlur={save}
        />
      </label>
      <p className="hint" id="loopback-port-help">
        {valid ? 'Register exactly this Redirect URL in your WHOOP app:' : 'A port is a whole number from 1024 to 65535.'}
      </p>
      <div className="copy-row">
        <code data-testid="loopback-uri">{loopbackRedirectUri(settings.loopbackPort)}</code>
        <CopyButton text={loopbackRedirectUri(settings.loopbackPort)} label="Copy the loopback redirect URL" testId="copy-loopback-uri" />
      </div>
    </form>
  )
}
