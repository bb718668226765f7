import type { Api } from '../../shared/api'
import { apiMethods } from '../../shared/channels'
import { HOST_KEY_HEADER, HOST_KEY_META } from '../../shared/browserHostProtocol'
import { fail } from '../../shared/result'

/**
 * `window.api` over HTTP, for the page when it is served by the browser host. Derived from the same
 * method list as the preload, so both transports offer exactly the same API.
 */
export function createHttpApi(): Api {
  const key = document.querySelector<HTMLMetaElement>(`meta[name="${HOST_KEY_META}"]`)?.content ?? ''
  const call = async (method: string, args: unknown[]) => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', [HOST_KEY_HEADER]: key },
        body: JSON.stringify(args)
      })
      return await response.json()
    } catch {
      return fail('unavailable', 'The WHOOP Desktop host is not answering. Is `npm run dev:browser` still running?')
    }
  }
  return Object.fromEntries(apiMethods.map((method) => [method, (...args: unknown[]) => call(method, args)])) as Api
}
