import Module from 'node:module'
import path from 'node:path'

/**
 * Electronegativity, run programmatically (its command line always exits 0) on the built app.
 * Two adaptations, both at load time: its TypeScript parser loads TypeScript 4's compiler API, which
 * the project's TypeScript 7 does not have and which reading built JavaScript never uses, so it gets
 * an inert stand-in; and its network lookups (translations, Electron releases) are refused, because
 * checks must not reach the internet.
 */

/** Any property is another stand-in; used as a value it is a number of its own; `version` is 4's. */
function inertModule(): unknown {
  let next = 1000
  const handler: ProxyHandler<object> = {
    get: (_target, property) =>
      property === 'version' ? '4.2.4' : property === Symbol.toPrimitive ? () => next++ : new Proxy(() => undefined, handler)
  }
  return new Proxy(() => undefined, handler)
}
export interface Finding {
  id: string
  file: string
  line: number
  severity: string
  sample: string
}

export async function runElectronegativity(input: string, electronVersion: string): Promise<{ findings: Finding[]; errors: string[] }> {
  const internals = Module as unknown as {
    _load: (request: string, parent: { filename?: string } | undefined, ...rest: unknown[]) => unknown
  }
  const originalLoad = internals._load
  const fromPackage = (parent: { filename?: string } | undefined, name: string) =>
    parent?.filename?.includes(`${path.sep}${name}${path.sep}`) === true
  internals._load = function (request, parent, ...rest) {
    if (request === 'typescript' && fromPackage(parent, '@typescript-eslint')) return inertModule()
    if (request === 'got' && fromPackage(parent, 'electronegativity')) {
      return () => Promise.reject(new Error('no network during checks'))
    }
    return originalLoad.call(this, request, parent, ...rest)
  }
  try {
    const runner = Module.createRequire(__filename)('@doyensec/electronegativity/dist/runner.js')
    const run = (runner.default ?? runner) as (options: Record<string, unknown>) => Promise<{ issues: any[]; errors: any[] }>
    const result = await run({
      input,
      electronVersionOverride: electronVersion,
      isRelative: true,
      parserPlugins: ['classPrivateProperties', 'classPrivateMethods', 'classProperties', 'topLevelAwait'],
      // Needs Electron's release list from the internet.
      excludeFromScan: ['AvailableSecurityFixesGlobalCheck']
    })
    return {
      findings: result.issues.map((issue) => ({
        id: issue.id,
        file: issue.file,
        line: issue.location?.line ?? 0,
        severity: issue.severity?.name ?? '',
        sample: String(issue.sample ?? '').trim()
      })),
      errors: result.errors.filter((error) => !error.tolerable).map((error) => `${error.file}: ${error.message}`)
    }
  } finally {
    internals._load = originalLoad
  }
}
