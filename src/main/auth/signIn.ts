import * as oidc from 'openid-client'
import {
  CUSTOM_SCHEME_REDIRECT_URI,
  missingScopes,
  whoopScopes,
  type ConnectedAccount,
  type SignInFailure,
  type SignInOutcome,
  type SignInStarted
} from '../../shared/connection'
import type { Clock } from '../clock'
import type { TokenSet } from '../whoop/tokenSession'
import type { WhoopEndpoints } from '../whoop/whoopEndpoints'
import { WhoopOfflineError } from '../whoop/whoopErrors'
import { tokenEndpointError, tokenSetFromResponse, whoopOAuthConfiguration, type WhoopAppCredentials } from '../whoop/whoopOAuth'
import { startLoopbackListener } from './loopbackListener'

/** How long a started sign-in waits for WHOOP's redirect. */
const SIGN_IN_LIFETIME_MS = 10 * 60_000

export interface SignInOptions {
  endpoints: WhoopEndpoints
  clock: Clock
  fetch?: typeof fetch
  /** Opens a URL in the person's own browser; undefined where the page must do it (browser host). */
  openExternal?: (url: string) => Promise<void>
  /** Stores the approved connection and fetches the member; resolves with who signed in. */
  onApproved: (credentials: WhoopAppCredentials, tokens: TokenSet) => Promise<ConnectedAccount>
  /** Told how every sign-in ended, however its redirect arrived. */
  onOutcome: (outcome: SignInOutcome) => void
  /** The loopback redirect's port, as set now. */
  loopbackPort: () => number
  /** Why a sign-in failed, for the log (the person sees a plain message). */
  logError: (message: string, error: unknown) => void
}

interface Pending {
  credentials: WhoopAppCredentials
  redirectUri: string
  state: string
  codeVerifier: string
  expiresAt: number
  stopListening?: () => void
}

const messages: Record<SignInFailure, string> = {
  'no-pending': 'There is no sign-in waiting for this answer. Start connecting again from WHOOP Desktop.',
  expired: 'The sign-in took longer than 10 minutes and has expired. Start connecting again.',
  'wrong-redirect': 'This link is not the sign-in redirect WHOOP Desktop is waiting for.',
  'state-mismatch': 'This sign-in answer does not belong to the sign-in WHOOP Desktop started, so it was ignored.',
  denied: 'You declined access on WHOOP’s page, so nothing was connected. Start again to connect.',
  'missing-code': 'WHOOP’s answer had no authorization code. Start connecting again.',
  'wrong-secret': 'WHOOP did not accept the Client ID and Client Secret. Copy both again from your app in WHOOP’s developer dashboard.',
  'code-rejected': 'WHOOP did not accept the sign-in code (it may have been used already, or the redirect URI does not match your app’s). Start connecting again.',
  'missing-scopes':
    'WHOOP granted less access than WHOOP Desktop needs, so nothing was kept. Connect again and leave every box ticked on WHOOP’s page; if a box is not offered, tick that scope for your app in WHOOP’s developer dashboard (developer-dashboard.whoop.com → your app → Scopes).',
  offline: 'WHOOP could not be reached to finish signing in. Check the internet connection and try again.',
  'whoop-error': 'WHOOP reported an error while signing in. Try again in a moment.',
  malformed: 'That is not a sign-in address WHOOP Desktop can read. Paste the whole address from the browser’s address bar.'
}

const failure = (reason: SignInFailure, detail?: string): SignInOutcome => ({
  ok: false,
  reason,
  message: detail ? `${messages[reason]} (${detail})` : messages[reason]
})

/**
 * Connecting a WHOOP account with OAuth 2.0's authorization code flow and PKCE (S256), through
 * openid-client, in the person's own browser. WHOOP's answer comes back as a `whoop-desktop://`
 * link, to a loopback listener, or pasted by hand; all three end in `complete`. One sign-in is
 * pending at a time and expires after ten minutes. An answer that does not match it (another state,
 * another redirect, no code) changes nothing; only an answer for it ends it, and nothing is stored
 * unless WHOOP issued tokens.
 */
export function createSignInFlow(options: SignInOptions) {
  let pending: Pending | undefined

  function end(): void {
    pending?.stopListening?.()
    pending = undefined
  }

  async function complete(rawUrl: string): Promise<SignInOutcome> {
    let url: URL
    try {
      url = new URL(rawUrl)
    } catch {
      return failure('malformed')
    }
    const current = pending
    if (!current) return failure('no-pending')
    const expected = new URL(current.redirectUri)
    if (url.protocol !== expected.protocol || url.host !== expected.host || url.pathname !== expected.pathname) {
      return failure('wrong-redirect')
    }
    if (url.searchParams.get('state') !== current.state) return failure('state-mismatch')
    if (options.clock.now() > current.expiresAt) {
      end()
      return failure('expired')
    }
    const error = url.searchParams.get('error')
    if (error) {
      end()
      return failure(error === 'access_denied' ? 'denied' : 'whoop-error', error === 'access_denied' ? undefined : error)
    }
    if (!url.searchParams.get('code')) return failure('missing-code')

    // From here the answer is the one this sign-in waits for: it ends, whatever WHOOP says next.
    end()
    // RFC 9207: an `iss` naming WHOOP's issuer but for a trailing slash is WHOOP's.
    const issuer = options.endpoints.oauthBaseUrl
    const iss = url.searchParams.get('iss')
    if (iss !== null && iss.replace(/\/+$/, '') === issuer.replace(/\/+$/, '')) url.searchParams.set('iss', issuer)
    let tokens: TokenSet
    try {
      const config = whoopOAuthConfiguration(options.endpoints, current.credentials, options.fetch)
      const response = await oidc.authorizationCodeGrant(
        config,
        url,
        { pkceCodeVerifier: current.codeVerifier, expectedState: current.state },
        { redirect_uri: current.redirectUri }
      )
      tokens = tokenSetFromResponse(response, options.clock)
    } catch (caught) {
      options.logError('Sign-in: WHOOP’s answer or the code exchange was refused', caught)
      return failure(codeExchangeFailure(caught))
    }
    // A partial grant cannot sync: keep nothing, and say which scopes are missing.
    const missing = missingScopes(tokens.scope)
    if (missing.length) return failure('missing-scopes', `missing: ${missing.join(', ')}`)
    try {
      return { ok: true, account: await options.onApproved(current.credentials, tokens) }
    } catch (caught) {
      options.logError('Sign-in: fetching the member after approval failed', caught)
      return failure(caught instanceof WhoopOfflineError ? 'offline' : 'whoop-error')
    }
  }

  /** Completes the pending sign-in with WHOOP's redirect, and tells whoever listens how it ended. */
  async function handleRedirect(rawUrl: string): Promise<SignInOutcome> {
    const outcome = await complete(rawUrl)
    options.onOutcome(outcome)
    return outcome
  }

  /**
   * A request to the loopback listener. Any page the person visits can send it requests: one that
   * does not carry this sign-in's state is answered and forgotten, not reported, so a flood of
   * forged callbacks leaves no trace in the activity log and the page.
   */
  async function handleLoopbackRedirect(rawUrl: string): Promise<SignInOutcome> {
    if (new URL(rawUrl).searchParams.get('state') !== pending?.state) return failure('state-mismatch')
    return handleRedirect(rawUrl)
  }

  return {
    /** Starts a sign-in, replacing any pending one, and opens WHOOP's consent page. */
    async start(credentials: WhoopAppCredentials, redirect: 'custom-scheme' | 'loopback'): Promise<SignInStarted> {
      end()
      const codeVerifier = oidc.randomPKCECodeVerifier()
      const state = oidc.randomState()
      let redirectUri = CUSTOM_SCHEME_REDIRECT_URI
      let stopListening: (() => void) | undefined
      if (redirect === 'loopback') {
        const listener = await startLoopbackListener(options.loopbackPort(), handleLoopbackRedirect)
        redirectUri = listener.redirectUri
        stopListening = listener.stop
      }
      const expiresAt = options.clock.now() + SIGN_IN_LIFETIME_MS
      pending = { credentials, redirectUri, state, codeVerifier, expiresAt, stopListening }
      const authorizationUrl = oidc
        .buildAuthorizationUrl(whoopOAuthConfiguration(options.endpoints, credentials, options.fetch), {
          redirect_uri: redirectUri,
          scope: whoopScopes.join(' '),
          state,
          code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
          code_challenge_method: 'S256'
        })
        .toString()
      if (options.openExternal) await options.openExternal(authorizationUrl)
      return { authorizationUrl, redirectUri, expiresAt, openedExternally: options.openExternal !== undefined }
    },

    /** A redirect from a deep link, the loopback listener or pasted by the person. */
    complete: handleRedirect,

    cancel(): boolean {
      const wasPending = pending !== undefined
      end()
      return wasPending
    },

    status: () =>
      pending && options.clock.now() <= pending.expiresAt
        ? { pending: true, redirectUri: pending.redirectUri, expiresAt: pending.expiresAt }
        : { pending: false }
  }
}

/** What a refused code exchange means for the person. */
function codeExchangeFailure(error: unknown): SignInFailure {
  if (error instanceof oidc.ResponseBodyError) {
    if (error.error === 'invalid_client') return 'wrong-secret'
    if (error.error === 'invalid_grant') return 'code-rejected'
    return 'whoop-error'
  }
  return tokenEndpointError(error) instanceof WhoopOfflineError ? 'offline' : 'whoop-error'
}
