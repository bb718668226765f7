// Loaded with `node --import` into a process under test (the MCP server): reports on stderr, as
// `io {json}` lines, every outgoing connection, every fetch, and every file the process's own code
// opens, reads or writes through node:fs (SQLite's own files are opened by SQLite, not by fs).
import fs from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'
import net from 'node:net'

const report = (kind, target, extra = {}) => process.stderr.write(`io ${JSON.stringify({ kind, target: String(target), ...extra })}\n`)

const connect = net.Socket.prototype.connect
net.Socket.prototype.connect = function (...args) {
  // net.createConnection hands over its arguments already normalised, as an array.
  const options = Array.isArray(args[0]) ? args[0][0] : args[0]
  report('connect', typeof options === 'object' ? (options.path ?? `${options.host}:${options.port}`) : options)
  return connect.apply(this, args)
}

const realFetch = globalThis.fetch
globalThis.fetch = (input, init) => {
  report('fetch', input instanceof Request ? input.url : input)
  return realFetch(input, init)
}

const watched = ['openSync', 'readFileSync', 'writeFileSync', 'appendFileSync', 'createWriteStream', 'mkdirSync', 'rmSync', 'unlinkSync', 'renameSync', 'copyFileSync', 'chmodSync']
for (const name of watched) {
  const real = fs[name]
  fs[name] = function (target, ...rest) {
    report(name, target, name === 'openSync' ? { flags: String(rest[0] ?? 'r') } : {})
    return real.call(this, target, ...rest)
  }
}
for (const name of ['open', 'readFile', 'writeFile', 'appendFile', 'mkdir', 'rm', 'unlink', 'rename']) {
  const real = fs.promises[name]
  fs.promises[name] = function (target, ...rest) {
    report(`promises.${name}`, target, name === 'open' ? { flags: String(rest[0] ?? 'r') } : {})
    return real.call(this, target, ...rest)
  }
}
syncBuiltinESMExports()
