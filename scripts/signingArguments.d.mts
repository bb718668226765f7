/** The electron-builder arguments that the signing environment calls for. */
export function signingArguments(env: Record<string, string | undefined>): string[]
