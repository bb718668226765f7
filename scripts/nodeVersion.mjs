// The app's SQLite library (better-sqlite3 13) needs Node.js 22.12 or newer: on Node 20 it crashes
// when it opens a database, with nothing but "Segmentation fault". So every entry point that runs
// under a person's own Node checks first: `npm test` and `npm run dev:browser` (scripts/checkNode.mjs),
// and the built `out/main/host.js` and `out/main/mcp.js`. The minimum is package.json's engines.node.

/**
 * One line saying what to install when Node `actual` (such as "20.20.2") is older than `required`
 * (package.json's engines.node, ">=22.12"); undefined when it is recent enough.
 */
export function nodeVersionProblem(required, actual = process.versions.node) {
  const minimum = /^>=\s*(\d+)\.(\d+)$/.exec(required.trim())
  if (!minimum) throw new Error(`package.json's engines.node must read ">=major.minor", not "${required}".`)
  const [wantMajor, wantMinor] = minimum.slice(1).map(Number)
  const [major, minor] = actual.split('.').map(Number)
  if (major > wantMajor || (major === wantMajor && minor >= wantMinor)) return undefined
  return (
    `WHOOP Desktop needs Node.js ${wantMajor}.${wantMinor} or newer, and this is Node.js ${actual}: ` +
    `install Node.js ${wantMajor} (https://nodejs.org, or \`nvm install ${wantMajor}\`) and run the command again.`
  )
}
