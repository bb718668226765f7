/** The redirect WHOOP sends the person back to after approving, registered in their developer app. */
export const CUSTOM_SCHEME_REDIRECT_URI = 'whoop-desktop://oauth/callback'
/** The loopback form for registrations that refuse custom schemes, on the port set in Settings. */
export const loopbackRedirectUri = (port: number) => `http://127.0.0.1:${port}/oauth/callback`

/** Every WHOOP scope the app reads, plus `offline` for a refresh token. */
export const whoopScopes = [
  'read:recovery',
  'read:cycles',
  'read:workout',
  'read:sleep',
  'read:profile',
  'read:body_measurement',
  'offline'
] as const

/**
 * The scopes the app needs that a grant lacks. A token response without `scope` has the scopes
 * asked for (RFC 6749 §5.1).
 */
export function missingScopes(granted: string | undefined): string[] {
  if (granted === undefined) return []
  const have = new Set(granted.split(' '))
  return whoopScopes.filter((scope) => !have.has(scope))
}

export interface SignInStarted {
  authorizationUrl: string
  redirectUri: string
  expiresAt: number
  /** False where the app cannot open the system browser itself (the browser host): the page opens it. */
  openedExternally: boolean
}

export type SignInFailure =
  | 'no-pending'
  | 'expired'
  | 'wrong-redirect'
  | 'state-mismatch'
  | 'denied'
  | 'missing-code'
  | 'wrong-secret'
  | 'code-rejected'
  | 'missing-scopes'
  | 'offline'
  | 'whoop-error'
  | 'malformed'

export type SignInOutcome =
  | { ok: true; account: ConnectedAccount }
  | { ok: false; reason: SignInFailure; message: string }

export interface ConnectedAccount {
  userId: number
  firstName: string
  lastName: string
  email: string
}

export interface TokenStorageStatus {
  /** Whether the sign-in survives a restart (encrypted on disk). */
  persistent: boolean
  /** The operating system's secret store behind it, as Electron names it. */
  backend: string
  /** Said to the person when storage is weak or missing. */
  warning?: string
}

export interface ConnectionStatus {
  state: 'not-connected' | 'connected' | 'reconnect-needed'
  account?: ConnectedAccount
  /** The Client ID of the person's WHOOP app, if one was entered (it is not a secret). */
  clientId?: string
  hasClientSecret: boolean
  storage: TokenStorageStatus
  signIn: { pending: boolean; redirectUri?: string; expiresAt?: number }
  /**
   * Set while an approved sign-in is being finished (the member fetched), with the end of a wait
   * for WHOOP's rate limit, if there is one.
   */
  finishing?: { waitingUntil?: number }
  /** Whether `whoop-desktop://` links reach this app; the Connect wizard offers that redirect only then. */
  deepLinks: DeepLinkSupport
  /** The loopback redirect URI with the port set in Settings: the one to register. */
  loopbackRedirectUri: string
}

export interface DeepLinkSupport {
  reachesApp: boolean
  /** Why they do not, in words for the person (the wizard then uses the loopback redirect). */
  reason?: string
}

export interface DisconnectResult {
  /** Whether WHOOP confirmed the app's access was revoked. */
  revoked: boolean
  dataDeleted: boolean
  message: string
}
