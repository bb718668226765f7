import { createHash } from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/*
 * How the read-only MCP server tells the app that an assistant read the data, so Settings can say
 * when: a line naming the tool, over a local socket (a named pipe on Windows) that the app listens
 * on while assistant access is on. The MCP server writes no file and opens no network connection;
 * when the app is closed, nothing listens and the read goes unrecorded.
 */

/** Longest Unix socket path every system takes (macOS: 104 bytes with its terminator). */
const UNIX_SOCKET_PATH_MAX = 103
/** A notice is one tool name and a newline; anything longer is not one. */
const NOTICE_MAX_BYTES = 64
const NOTICE_TIMEOUT_MS = 2_000

/** Where the app listens for read notices for the data in `dataDir`. */
export function readNoticeAddress(dataDir: string, platform: NodeJS.Platform = process.platform): string {
  const digest = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)
  if (platform === 'win32') return `\\\\.\\pipe\\whoop-desktop-reads-${digest}`
  const inDataDir = path.join(dataDir, 'assistant-reads.sock')
  // The data folder is the person's own (0700); a path too long for a socket falls back to the
  // system's temporary folder, named after the data folder.
  return Buffer.byteLength(inDataDir) <= UNIX_SOCKET_PATH_MAX ? inDataDir : path.join(os.tmpdir(), `whoop-desktop-reads-${digest}.sock`)
}

/** Tells the app (if it is listening) that `tool` read the data; never waits, never fails. */
export function announceRead(address: string, tool: string): void {
  const socket = net.createConnection({ path: address, timeout: NOTICE_TIMEOUT_MS })
  socket.on('error', () => socket.destroy())
  socket.on('timeout', () => socket.destroy())
  socket.unref()
  socket.end(`${tool}\n`)
}

export interface ReadListener {
  close(): Promise<void>
}

/**
 * Listens for read notices, calling `onRead` with each tool named in `knownTools`; anything else a
 * local program sends is ignored.
 */
export function listenForReads(address: string, knownTools: readonly string[], onRead: (tool: string) => void): Promise<ReadListener> {
  const server = net.createServer((socket) => {
    let received = ''
    // A caller that never finishes its line is let go.
    const giveUp = setTimeout(() => socket.destroy(), NOTICE_TIMEOUT_MS)
    socket.on('close', () => clearTimeout(giveUp))
    socket.setEncoding('utf8')
    socket.on('data', (chunk: string) => {
      received += chunk
      if (received.length > NOTICE_MAX_BYTES) socket.destroy()
    })
    socket.on('end', () => {
      const tool = received.trim()
      if (knownTools.includes(tool)) onRead(tool)
    })
    socket.on('error', () => socket.destroy())
  })
  // A socket file left by an app that crashed would refuse the address.
  if (!address.startsWith('\\\\.\\pipe\\')) fs.rmSync(address, { force: true })
  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(address, () => {
      server.off('error', reject)
      resolve({ close: () => new Promise((done) => server.close(() => done())) })
    })
  })
}
