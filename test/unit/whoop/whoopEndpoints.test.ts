import { describe, expect, it } from 'vitest'
import { productionWhoopEndpoints, whoopEndpointsFromEnv } from '../../../src/main/whoop/whoopEndpoints'

describe('WHOOP endpoints', () => {
  it("are WHOOP's production hosts by default", () => {
    expect(whoopEndpointsFromEnv({})).toEqual(productionWhoopEndpoints)
  })

  it('follow WHOOP_API_BASE_URL and WHOOP_OAUTH_BASE_URL, without a trailing slash', () => {
    expect(
      whoopEndpointsFromEnv({
        WHOOP_API_BASE_URL: 'http://127.0.0.1:4010/developer/',
        WHOOP_OAUTH_BASE_URL: 'https://auth.example.test/oauth'
      })
    ).toEqual({ apiBaseUrl: 'http://127.0.0.1:4010/developer', oauthBaseUrl: 'https://auth.example.test/oauth' })
    // Pasted with spaces around, or with more than one slash at the end.
    expect(whoopEndpointsFromEnv({ WHOOP_API_BASE_URL: '  https://api.example.test/developer//  ' }).apiBaseUrl).toBe('https://api.example.test/developer')
  })

  it('refuse plain http anywhere but this machine, and non-URLs, with a clear message', () => {
    expect(() => whoopEndpointsFromEnv({ WHOOP_API_BASE_URL: 'http://api.example.test' })).toThrow(
      'WHOOP_API_BASE_URL must be an https:// URL (plain http only on 127.0.0.1): http://api.example.test'
    )
    expect(() => whoopEndpointsFromEnv({ WHOOP_OAUTH_BASE_URL: 'not a url' })).toThrow('WHOOP_OAUTH_BASE_URL is not a URL')
    expect(() => whoopEndpointsFromEnv({ WHOOP_OAUTH_BASE_URL: 'file:///etc' })).toThrow('must be an https:// URL')
    expect(() => whoopEndpointsFromEnv({ WHOOP_OAUTH_BASE_URL: 'ftp://127.0.0.1/oauth' })).toThrow('must be an https:// URL')
  })
})
