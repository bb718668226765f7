// A digest of the app's sources (every file under src/), written into the build by
// electron.vite.config.ts, so a test can tell whether `out/` was built from the sources as they are.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export function sourceDigest(root) {
  const sources = path.join(root, 'src')
  const hash = crypto.createHash('sha256')
  const files = fs.readdirSync(sources, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(sources, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'))
    .sort()
  for (const file of files) hash.update(`${file}\0`).update(fs.readFileSync(path.join(sources, file))).update('\0')
  return hash.digest('hex')
}

/** The file in `out/main/` that holds the digest of the sources it was built from. */
export const SOURCE_DIGEST_FILE = 'source-digest.txt'
