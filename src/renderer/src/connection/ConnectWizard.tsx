import { useState, type FormEvent } from 'react'
import {
  CUSTOM_SCHEME_REDIRECT_URI,
  whoopScopes,
  type SignInStarted
} from '../../../shared/connection'
import { api } from '../api'
import { CopyButton } from '../CopyButton'
import type { ConnectionState } from './useConnection'
import { Button } from '../ui/Button'
import { Card } from '../ui/Card'

type Redirect = 'custom-scheme' | 'loopback'

/**
 * Connecting a WHOOP account with the person's own WHOOP developer app: how to create it, the
 * redirect URI to register, the Client ID and Secret, then WHOOP's consent page in the browser.
 */
export function ConnectWizard({ connection }: { connection: ConnectionState }) {
  const { status, lastOutcome, setLastOutcome, refresh } = connection
  // Until the app has said whether whoop-desktop:// links reach it, the redirect that always works.
  const supportsDeepLinks = status?.deepLinks.reachesApp ?? false
  const [clientId, setClientId] = useState(status?.clientId ?? '')
  const [clientSecret, setClientSecret] = useState('')
  const [chosenRedirect, setRedirect] = useState<Redirect>('custom-scheme')
  // Where whoop-desktop:// links cannot arrive, the loopback redirect is the only one.
  const redirect: Redirect = supportsDeepLinks ? chosenRedirect : 'loopback'
  const [started, setStarted] = useState<SignInStarted>()
  const [error, setError] = useState<string>()
  const [pasted, setPasted] = useState('')
  const reuseSecret = status?.hasClientSecret && clientId === status.clientId && clientSecret === ''
  const waiting = started !== undefined && status?.signIn.pending
  const loopbackUri = status?.loopbackRedirectUri ?? ''
  const redirectUri = redirect === 'custom-scheme' ? CUSTOM_SCHEME_REDIRECT_URI : loopbackUri

  async function connect(event: FormEvent) {
    event.preventDefault()
    setError(undefined)
    setLastOutcome(undefined)
    const result = await api.startSignIn({ clientId, clientSecret: clientSecret || undefined, redirect })
    if (!result.ok) return setError(result.error.message)
    setStarted(result.value)
    // Where the app cannot open the system browser (the browser host), the page opens WHOOP itself.
    if (!result.value.openedExternally) window.open(result.value.authorizationUrl, '_blank')
    await refresh()
  }

  async function submitPasted(event: FormEvent) {
    event.preventDefault()
    const result = await api.completeSignIn({ url: pasted })
    if (!result.ok) return setError(result.error.message)
    setLastOutcome(result.value)
    await refresh()
  }

  async function cancel() {
    await api.cancelSignIn()
    setStarted(undefined)
    await refresh()
  }

  return (
    <div className="wizard">
      <ol className="steps">
        <li>
          <h3>Create your WHOOP developer app</h3>
          <p>
            WHOOP lets personal apps read your data through an app you register yourself. Open the{' '}
            <a href="https://developer-dashboard.whoop.com/" target="_blank" rel="noreferrer">
              WHOOP Developer Dashboard
            </a>
            , sign in with your WHOOP account, create an app and tick these scopes:
          </p>
          <p className="scopes">
            {whoopScopes.filter((scope) => scope !== 'offline').map((scope) => (
              <code key={scope}>{scope}</code>
            ))}
          </p>
          <p>Add this Redirect URL to the app:</p>
          <div className="copy-row">
            <code data-testid="redirect-uri">{redirectUri}</code>
            <CopyButton
              text={redirectUri}
              label="Copy the redirect URL"
              testId="copy-redirect-uri"
            />
          </div>
        </li>
        <li>
          <h3>Enter the app’s credentials</h3>
          <form className="form" onSubmit={connect}>
            <label>
              Client ID
              <input
                data-testid="client-id-input"
                value={clientId}
                onChange={(event) => setClientId(event.target.value)}
                autoComplete="off"
                spellCheck={false}
                required
              />
            </label>
            <label>
              Client Secret
              <input
                data-testid="client-secret-input"
                type="password"
                value={clientSecret}
                onChange={(event) => setClientSecret(event.target.value)}
                placeholder={status?.hasClientSecret && clientId === status.clientId ? 'Saved — leave empty to reuse' : ''}
                autoComplete="off"
                required={!reuseSecret}
              />
            </label>
            {/* A choice only where there are two ways back; else the note below says which one. */}
            {supportsDeepLinks && (
              <fieldset className="choice">
                <legend>How WHOOP sends you back</legend>
                <label>
                  <input type="radio" name="redirect" checked={redirect === 'custom-scheme'} onChange={() => setRedirect('custom-scheme')} />
                  To the app (<code>{CUSTOM_SCHEME_REDIRECT_URI}</code>)
                </label>
                <label>
                  <input type="radio" name="redirect" data-testid="redirect-loopback" checked={redirect === 'loopback'} onChange={() => setRedirect('loopback')} />
                  Through this computer, if WHOOP refuses the first
                </label>
              </fieldset>
            )}
            {status && !supportsDeepLinks && (
              <p className="hint" data-testid="deep-link-note">
                WHOOP sends you back through this computer: links to <code>{CUSTOM_SCHEME_REDIRECT_URI}</code> do not reach WHOOP
                Desktop here ({status.deepLinks.reason ?? 'the system did not register the app for them'}).
              </p>
            )}
            <p className="hint">The secret stays on this computer, encrypted where the system allows, and is only ever sent to WHOOP.</p>
            <Button type="submit" variant="primary" data-testid="connect-button">
              {status?.state === 'reconnect-needed' ? 'Connect again' : 'Connect WHOOP'}
            </Button>
          </form>
        </li>
      </ol>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {waiting && (
        <Card as="div" className="waiting" role="status" data-testid="sign-in-waiting">
          <p>
            Approve WHOOP Desktop on WHOOP’s page in your browser. This waits for 10 minutes.{' '}
            <Button size="small" onClick={() => void cancel()} data-testid="cancel-sign-in">
              Cancel
            </Button>
          </p>
          <p className="hint" data-testid="redirect-refused-hint">
            If WHOOP’s page says the redirect URL does not match, your app in WHOOP’s developer dashboard needs exactly{' '}
            <code>{started.redirectUri}</code> among its Redirect URLs: add it, then connect again.
          </p>
          <form className="form inline" onSubmit={submitPasted}>
            <label>
              Browser did not come back? Paste the address it ended on:
              <input data-testid="paste-redirect-input" value={pasted} onChange={(event) => setPasted(event.target.value)} />
            </label>
            <Button type="submit" size="small">
              Finish
            </Button>
          </form>
        </Card>
      )}
      {lastOutcome && !lastOutcome.ok && (
        <p role="alert" className="error" data-testid="sign-in-error">
          {lastOutcome.message}
        </p>
      )}
    </div>
  )
}
