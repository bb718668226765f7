/** One line saying what to install when Node `actual` is older than `required` (">=22.12"); else undefined. */
export function nodeVersionProblem(required: string, actual?: string): string | undefined
