/** A digest of every file under `src/` of the project at `root`. */
export function sourceDigest(root: string): string
/** The file in `out/main/` that holds the digest of the sources it was built from. */
export const SOURCE_DIGEST_FILE: string
