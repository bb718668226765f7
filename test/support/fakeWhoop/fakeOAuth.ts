import { createHash, randomBytes } from 'node:crypto'
import type { Clock } from '../../../src/main/clock'

/** A developer app registered with the fake, as in WHOOP's developer dashboard. */
export interface FakeApp {
  clientId: string
  clientSecret: string
  name: string
  redirectUris: string[]
}

/** WHOOP's scopes (openapi.json, plus `offline`), kept apart from the app's own list on purpose. */
export const knownScopes = [
  'read:recovery',
  'read:cycles',
  'read:workout',
  'read:sleep',
  'read:profile',
  'read:body_measurement',
  'offline'
]

interface PendingConsent {
  app: FakeApp
  redirectUri: string
  scope: string
  state: string
  codeChallenge?: string
}

interface AuthorizationCode {
  clientId: string
  redirectUri: string
  scope: string
  codeChallenge?: string
  expiresAt: number
  used: boolean
}

interface Grant {
  clientId: string
  scope: string
  revoked: boolean
}

interface AccessToken {
  grant: Grant
  expiresAt: number
  revoked: boolean
}

interface RefreshToken {
  grant: Grant
  used: boolean
}

export interface OAuthAnswer {
  status: number
  headers?: Record<string, string>
  body?: string
}

const CODE_LIFETIME_MS = 10 * 60_000
const token = () => randomBytes(24).toString('base64url')

/**
 * WHOOP's OAuth 2.0 server as documented (WHOOP_API.md §2): a consent page, authorization codes
 * bound to client, redirect URI and (when sent) a PKCE S256 challenge, client_secret_post only,
 * `offline` for a refresh token, rotation that kills the old pair, and revocation.
 */
export function createFakeOAuth(options: { apps: FakeApp[]; clock: Clock; accessTokenTtlSeconds: number; issuer?: () => string | undefined }) {
  const consents = new Map<string, PendingConsent>()
  const codes = new Map<string, AuthorizationCode>()
  const grants: Grant[] = []
  const accessTokens = new Map<string, AccessToken>()
  const refreshTokens = new Map<string, RefreshToken>()
  let tokenRequests = 0
  // Scopes the member unticks on the consent page (or the app's registration lacks).
  let unticked: string[] = []

  const findApp = (clientId: string | null) => options.apps.find((app) => app.clientId === clientId)

  /** Exact match, port included, as WHOOP does: a loopback redirect on another port is refused. */
  const redirectAllowed = (app: FakeApp, redirectUri: string) => app.redirectUris.includes(redirectUri)

  function redirectTo(redirectUri: string, params: Record<string, string>): OAuthAnswer {
    const url = new URL(redirectUri)
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value)
    return { status: 302, headers: { Location: url.toString() } }
  }

  function issueTokens(grant: Grant) {
    const access = token()
    accessTokens.set(access, { grant, expiresAt: options.clock.now() + options.accessTokenTtlSeconds * 1000, revoked: false })
    const body: Record<string, unknown> = {
      access_token: access,
      expires_in: options.accessTokenTtlSeconds,
      scope: grant.scope,
      token_type: 'bearer'
    }
    if (grant.scope.split(' ').includes('offline')) {
      const refresh = token()
      refreshTokens.set(refresh, { grant, used: false })
      body.refresh_token = refresh
    }
    return body as { access_token: string; refresh_token?: string; expires_in: number; scope: string; token_type: 'bearer' }
  }

  const tokenError = (status: number, error: string, description: string): OAuthAnswer => ({
    status,
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ error, error_description: description })
  })

  return {
    get tokenRequests() {
      return tokenRequests
    },

    authorize(query: URLSearchParams): OAuthAnswer {
      const app = findApp(query.get('client_id'))
      const redirectUri = query.get('redirect_uri') ?? ''
      if (!app) return errorPage('invalid_client', 'The OAuth 2.0 Client does not exist.')
      if (!redirectAllowed(app, redirectUri)) {
        return errorPage(
          'invalid_request',
          `The "redirect_uri" parameter does not match any of the OAuth 2.0 Client's pre-registered redirect urls.`
        )
      }
      const state = query.get('state') ?? ''
      const fail = (error: string, description: string) =>
        redirectTo(redirectUri, { error, error_description: description, ...(state ? { state } : {}) })
      if (query.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only code is supported.')
      if (state.length < 8) return fail('invalid_state', 'The state is missing or has less than 8 characters.')
      const scope = query.get('scope') ?? ''
      if (!scope || scope.split(' ').some((item) => !knownScopes.includes(item))) {
        return fail('invalid_scope', 'The requested scope is invalid or unknown.')
      }
      const method = query.get('code_challenge_method')
      const codeChallenge = query.get('code_challenge') ?? undefined
      if (codeChallenge && method !== 'S256') return fail('invalid_request', 'Only S256 code challenges are accepted.')
      const consentId = token()
      consents.set(consentId, { app, redirectUri, scope, state, codeChallenge })
      return { status: 200, headers: { 'Content-Type': 'text/html; charset=utf-8' }, body: consentPage(app, scope, consentId) }
    },

    decide(form: URLSearchParams): OAuthAnswer {
      const consent = consents.get(form.get('consent') ?? '')
      if (!consent) return errorPage('invalid_request', 'This consent request is unknown or already answered.')
      consents.delete(form.get('consent')!)
      if (form.get('decision') !== 'approve') {
        return redirectTo(consent.redirectUri, {
          error: 'access_denied',
          error_description: 'The resource owner denied the request',
          state: consent.state
        })
      }
      const code = token()
      const scope = consent.scope.split(' ').filter((item) => !unticked.includes(item)).join(' ')
      codes.set(code, {
        clientId: consent.app.clientId,
        redirectUri: consent.redirectUri,
        scope,
        codeChallenge: consent.codeChallenge,
        expiresAt: options.clock.now() + CODE_LIFETIME_MS,
        used: false
      })
      // RFC 9207: the issuer names itself in the redirect, when it is set up to.
      const issuer = options.issuer?.()
      return redirectTo(consent.redirectUri, { code, scope, state: consent.state, ...(issuer ? { iss: issuer } : {}) })
    },

    token(form: URLSearchParams, authorization: string | undefined): OAuthAnswer {
      tokenRequests += 1
      const app = findApp(form.get('client_id'))
      if (!app || form.get('client_secret') !== app.clientSecret) {
        const hint = authorization ? ' Credentials must be sent in the request body.' : ''
        return tokenError(401, 'invalid_client', `Client authentication failed.${hint}`)
      }
      const grantType = form.get('grant_type')
      if (grantType === 'authorization_code') {
        const code = codes.get(form.get('code') ?? '')
        if (!code || code.used || code.expiresAt < options.clock.now() || code.clientId !== app.clientId) {
          return tokenError(400, 'invalid_grant', 'The authorization code is invalid, expired or already used.')
        }
        if (form.get('redirect_uri') !== code.redirectUri) {
          return tokenError(400, 'invalid_grant', 'The redirect_uri does not match the authorization request.')
        }
        if (code.codeChallenge) {
          const verifier = form.get('code_verifier') ?? ''
          if (createHash('sha256').update(verifier).digest('base64url') !== code.codeChallenge) {
            return tokenError(400, 'invalid_grant', 'The PKCE code_verifier does not match the code_challenge.')
          }
        }
        code.used = true
        const grant: Grant = { clientId: app.clientId, scope: code.scope, revoked: false }
        grants.push(grant)
        return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(issueTokens(grant)) }
      }
      if (grantType === 'refresh_token') {
        const refresh = refreshTokens.get(form.get('refresh_token') ?? '')
        if (!refresh || refresh.used || refresh.grant.revoked || refresh.grant.clientId !== app.clientId) {
          return tokenError(400, 'invalid_grant', 'The refresh token is invalid, revoked or was already used.')
        }
        // RFC 6749 §6: a refresh may name scopes, all of them granted before; the new token has only those.
        const requested = form.get('scope')
        const granted = refresh.grant.scope.split(' ')
        if (requested && requested.split(' ').some((item) => !granted.includes(item))) {
          return tokenError(400, 'invalid_scope', 'The requested scope exceeds the scope granted by the resource owner.')
        }
        // Rotation: the used refresh token and every access token of the grant stop working.
        refresh.used = true
        for (const access of accessTokens.values()) if (access.grant === refresh.grant) access.revoked = true
        if (requested) refresh.grant.scope = requested
        return { status: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(issueTokens(refresh.grant)) }
      }
      return tokenError(400, 'unsupported_grant_type', 'Only authorization_code and refresh_token are supported.')
    },

    /** The grant behind a bearer token that may call the API now, if any. */
    authenticate(authorization: string | undefined): Grant | undefined {
      const access = accessTokens.get(authorization?.replace(/^Bearer /, '') ?? '')
      if (!access || access.revoked || access.grant.revoked || access.expiresAt <= options.clock.now()) return undefined
      return access.grant
    },

    revoke(grant: Grant): void {
      grant.revoked = true
    },

    /** Tokens for the first app without the browser round trip, for tests that start signed in. */
    grantDirectly(scope = knownScopes.join(' ')) {
      const grant: Grant = { clientId: options.apps[0].clientId, scope, revoked: false }
      grants.push(grant)
      return issueTokens(grant)
    },

    /** Every grant loses `scopes`, as when the member's WHOOP account or the app registration changes. */
    narrowGrants(scopes: string[]): void {
      for (const grant of grants) grant.scope = grant.scope.split(' ').filter((item) => !scopes.includes(item)).join(' ')
    },

    /** From now on the consent page grants every scope asked for but these. */
    untickScopes(scopes: string[]): void {
      unticked = scopes
    },

    expireAccessTokens(): void {
      for (const access of accessTokens.values()) access.expiresAt = Math.min(access.expiresAt, options.clock.now())
    },

    revokeAll(): void {
      for (const grant of grants) grant.revoked = true
    }
  }
}

function consentPage(app: FakeApp, scope: string, consentId: string): string {
  const items = scope
    .split(' ')
    .map((item) => `<li>${item}</li>`)
    .join('')
  return `<!doctype html><html><head><meta charset="utf-8"><title>Authorize ${app.name} – WHOOP (fake)</title></head>
<body style="font-family: sans-serif; max-width: 32rem; margin: 3rem auto">
<h1>Authorize ${app.name}</h1><p>${app.name} would like to access your WHOOP account:</p><ul>${items}</ul>
<form method="post" action="/oauth/oauth2/auth/decision">
<input type="hidden" name="consent" value="${consentId}">
<button type="submit" name="decision" value="approve" data-testid="fake-whoop-approve">Approve</button>
<button type="submit" name="decision" value="deny" data-testid="fake-whoop-deny">Deny</button>
</form></body></html>`
}

function errorPage(error: string, description: string): OAuthAnswer {
  return {
    status: 400,
    headers: { 'Content-Type': 'text/html; charset=utf-8' },
    body: `<!doctype html><html><body><h1>${error}</h1><p>${description}</p></body></html>`
  }
}
