import type { Api } from '../../shared/api'
import { HOST_KEY_HEADER, HOST_KEY_META } from '../../shared/browserHostProtocol'
import { apiEvents, apiMethods } from '../../shared/channels'
import { fail } from '../../shared/result'

const RECONNECT_DELAY_MS = 2000

/**
 * `window.api` over HTTP, for the page when it is served by the browser host. Derived from the same
 * method and event lists as the preload, so both transports offer exactly the same API.
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
  const events = createEventStream(key)
  return Object.fromEntries([
    ...apiMethods.map((method) => [method, (...args: unknown[]) => call(method, args)]),
    ...apiEvents.map((event) => [event, (listener: (payload: unknown) => void) => events.subscribe(event, listener)])
  ]) as Api
}

/**
 * One server-sent-event stream from the host, opened on the first subscription and reopened if it
 * drops. Read with fetch rather than EventSource, which cannot send the key header.
 */
function createEventStream(key: string) {
  const listeners = new Map<string, Set<(payload: unknown) => void>>()
  let opened = false

  const dispatch = (block: string) => {
    const event = /^event: (.*)$/m.exec(block)?.[1]
    const data = /^data: (.*)$/m.exec(block)?.[1]
    if (!event || data === undefined) return
    for (const listener of listeners.get(event) ?? []) listener(JSON.parse(data))
  }

  async function listen(): Promise<void> {
    for (;;) {
      try {
        const response = await fetch('/api/events', { headers: { [HOST_KEY_HEADER]: key } })
        const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
        let buffer = ''
        for (;;) {
          const { value, done } = await reader.read()
          if (done) break
          buffer += value
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            dispatch(buffer.slice(0, end))
            buffer = buffer.slice(end + 2)
          }
        }
      } catch {
        // The host went away; try again shortly.
      }
      await new Promise((resolve) => setTimeout(resolve, RECONNECT_DELAY_MS))
    }
  }

  return {
    subscribe(event: string, listener: (payload: unknown) => void): () => void {
      if (!opened) {
        opened = true
        void listen()
      }
      if (!listeners.has(event)) listeners.set(event, new Set())
      listeners.get(event)!.add(listener)
      return () => void listeners.get(event)!.delete(listener)
    }
  }
}
