import { ipcMain } from 'electron'
import type { ApiHandlers } from '../../shared/api'
import { apiChannels, apiMethods } from '../../shared/channels'
import { fail } from '../../shared/result'
import { invokeApi, type InternalErrorLog } from '../api/invokeApi'
import { isTrustedSender } from './trustedSender'

/** One `ipcMain.handle` per API method, each checking who is calling before anything else. */
export function registerApiHandlers(
  handlers: ApiHandlers,
  devServerUrl: string | undefined,
  logInternalError: InternalErrorLog
): void {
  for (const method of apiMethods) {
    ipcMain.handle(apiChannels[method], (event, ...args: unknown[]) => {
      if (!isTrustedSender(event.senderFrame, devServerUrl)) {
        return fail('forbidden', 'This request did not come from the WHOOP Desktop window.')
      }
      return invokeApi(handlers, method, args, logInternalError)
    })
  }
}
