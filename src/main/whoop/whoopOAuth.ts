import * as oidc from 'openid-client'
import { missingScopes, whoopScopes } from '../../shared/connection'
import type { Clock } from '../clock'
import type { TokenSet } from './tokenSession'
import { isLoopbackUrl, type WhoopEndpoints } from './whoopEndpoints'
import { ReconnectNeededError, UnexpectedResponseError, WhoopHttpError, WhoopOfflineError } from './whoopErrors'

/** The person's own WHOOP developer app (WHOOP forbids shipping a client secret with an app). */
export interface WhoopAppCredentials {
  clientId: string
  clientSecret: string
}

/**
 * openid-client's view of WHOOP's OAuth server. WHOOP is plain OAuth 2.0 (no discovery document),
 * so the endpoints are given; the secret goes in the form body, the only method WHOOP accepts.
 */
export function whoopOAuthConfiguration(
  endpoints: WhoopEndpoints,
  credentials: WhoopAppCredentials,
  fetchImpl: typeof fetch = fetch
): oidc.Configuration {
  const config = new oidc.Configuration(
    {
      issuer: endpoints.oauthBaseUrl,
      authorization_endpoint: `${endpoints.oauthBaseUrl}/oauth2/auth`,
      token_endpoint: `${endpoints.oauthBaseUrl}/oauth2/token`
    },
    credentials.clientId,
    { client_secret: credentials.clientSecret },
    oidc.ClientSecretPost(credentials.clientSecret)
  )
  // A fake WHOOP on this machine speaks http; whoopEndpointsFromEnv allows nothing else unencrypted.
  if (isLoopbackUrl(new URL(endpoints.oauthBaseUrl))) oidc.allowInsecureRequests(config)
  config[oidc.customFetch] = (url, options) => fetchImpl(url, options as RequestInit)
  return config
}

export function tokenSetFromResponse(response: oidc.TokenEndpointResponse, clock: Clock): TokenSet {
  const lifetimeMs = (response.expires_in ?? 3600) * 1000
  return {
    accessToken: response.access_token,
    refreshToken: response.refresh_token,
    expiresAt: clock.now() + lifetimeMs,
    lifetimeMs,
    scope: response.scope
  }
}

/**
 * Trades a refresh token for a new pair; a refusal means the person must connect again. It asks for
 * every scope the app needs, `offline` among them: a server that follows RFC 6749 §6 narrows the new
 * token to the scopes a refresh names, so naming fewer would lose them. A pair that lacks some all
 * the same cannot sync, and the person must connect again.
 */
export async function refreshWhoopTokens(config: oidc.Configuration, refreshToken: string, clock: Clock): Promise<TokenSet> {
  let tokens: TokenSet
  try {
    tokens = tokenSetFromResponse(await oidc.refreshTokenGrant(config, refreshToken, { scope: whoopScopes.join(' ') }), clock)
  } catch (error) {
    throw tokenEndpointError(error)
  }
  const missing = missingScopes(tokens.scope)
  if (missing.length) throw new ReconnectNeededError(`WHOOP renewed the sign-in without ${missing.join(', ')}`)
  return tokens
}

const TOKEN_ENDPOINT = 'POST /oauth2/token'

/** What a failed token request means for the person. */
export function tokenEndpointError(error: unknown): Error {
  if (error instanceof oidc.ResponseBodyError) {
    if (error.error === 'invalid_grant') return new ReconnectNeededError('WHOOP no longer accepts the saved sign-in')
    if (error.error === 'invalid_client') return new ReconnectNeededError('WHOOP did not accept the client id and secret')
    if (error.error === 'invalid_scope') return new ReconnectNeededError('WHOOP no longer grants every scope WHOOP Desktop needs')
    return new WhoopHttpError(error.status, TOKEN_ENDPOINT)
  }
  // openid-client's own checks of the answer (missing access_token, an HTML error page, ...).
  if (error instanceof oidc.ClientError) return new UnexpectedResponseError(TOKEN_ENDPOINT, '(body)', error.message)
  return new WhoopOfflineError(TOKEN_ENDPOINT, error)
}
