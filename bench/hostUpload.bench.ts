import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { HOST_KEY_HEADER, UPLOAD_NAME_HEADER } from '../src/shared/browserHostProtocol'
import { startHostProcess } from '../test/support/harness/browserHostProcess'
import { report } from './report'

const UPLOAD_MIB = 150
const TARGET_MIB = 64

/** A process's resident memory now and at its peak (Linux's /proc), in MiB. */
function memoryOf(pid: number): { rss: number; peak: number } {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)![1])
  return { rss: kib('VmRSS') / 1024, peak: kib('VmHWM') / 1024 }
}

/**
 * The browser host receiving a 150 MB upload (a large backup) as the page sends it: how far its
 * peak memory rises above its idle size. The host writes the upload to disk as it arrives.
 */
export async function benchHostUpload(): Promise<void> {
  if (process.platform !== 'linux') return report('host-upload-peak', NaN, 'MiB', { note: 'measured from /proc: Linux only' })
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'whoop-desktop-bench-upload-'))
  const host = await startHostProcess(dataDir)
  try {
    const key = new URL(host.url).searchParams.get('key')!
    const idle = memoryOf(host.pid)
    const chunk = Buffer.alloc(1024 * 1024, 0x7b)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ === UPLOAD_MIB) return controller.close()
        controller.enqueue(chunk)
      }
    })
    const started = performance.now()
    const response = await fetch(`${host.origin}/api/uploads`, {
      method: 'POST',
      headers: { [HOST_KEY_HEADER]: key, [UPLOAD_NAME_HEADER]: 'backup.json' },
      body,
      duplex: 'half'
    } as RequestInit)
    if (!response.ok) throw new Error(`the upload was refused: ${response.status}`)
    const seconds = (performance.now() - started) / 1000
    const after = memoryOf(host.pid)
    report('host-upload-peak-above-idle', after.peak - idle.rss, 'MiB', { upload: `${UPLOAD_MIB} MiB`, target: `≤ ${TARGET_MIB} MiB`, idleRss: Math.round(idle.rss), peak: Math.round(after.peak), seconds: Math.round(seconds * 10) / 10 })
  } finally {
    await host.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}
