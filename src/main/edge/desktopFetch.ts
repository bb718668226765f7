import { net } from 'electron'

/**
 * Every WHOOP request of the app goes through Chromium's network stack: it follows the system's
 * proxy settings and PAC file and trusts the OS certificate store, as a corporate network expects.
 * Node's own `fetch` (tests, the browser host) knows none of these.
 */
export const desktopFetch: typeof fetch = (input, init) => net.fetch(input instanceof URL ? input.href : input, init)
