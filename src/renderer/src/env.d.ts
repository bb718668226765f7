/// <reference types="vite/client" />
import type { Api } from '../../shared/api'

declare global {
  interface Window {
    /** Set by the preload in the desktop app; absent in the browser host, where `httpApi` stands in. */
    api?: Api
  }
}
