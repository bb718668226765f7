import { z } from 'zod'
import { apiArgumentSchemas, type ApiHandlers } from '../../shared/api'
import type { ApiMethod } from '../../shared/channels'
import { fail, type Result } from '../../shared/result'
import { toApiError } from './apiErrors'

export type InternalErrorLog = (method: string, error: unknown) => void

/**
 * Runs one API call from outside the main process (IPC or the browser host): the method must exist,
 * its arguments must match the contract, and whatever happens the caller gets a `Result`, never an
 * exception. This is the single place both transports go through.
 */
export async function invokeApi(
  handlers: ApiHandlers,
  method: string,
  args: unknown,
  logInternalError: InternalErrorLog
): Promise<Result<unknown>> {
  if (!Object.hasOwn(apiArgumentSchemas, method)) {
    return fail('invalid-argument', `There is no API method called ${JSON.stringify(method.slice(0, 64))}.`)
  }
  const name = method as ApiMethod
  const parsed = apiArgumentSchemas[name].safeParse(args)
  if (!parsed.success) {
    return fail('invalid-argument', `Invalid arguments for ${name}: ${describeIssues(parsed.error)}.`)
  }
  try {
    const handler = handlers[name] as (...values: unknown[]) => unknown
    return { ok: true, value: await handler(...parsed.data) }
  } catch (error) {
    const apiError = toApiError(error)
    if (apiError.code === 'internal') logInternalError(name, error)
    return { ok: false, error: apiError }
  }
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length ? `argument ${issue.path.join('.')}` : 'arguments'}: ${issue.message}`)
    .join('; ')
}
