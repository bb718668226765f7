import type { Api } from '../../shared/api'
import { createHttpApi } from './httpApi'

/** The app's API: the preload's in the desktop app, HTTP in the browser host. */
export const api: Api = window.api ?? createHttpApi()
