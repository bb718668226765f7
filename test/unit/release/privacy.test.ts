import net from 'node:net'
import { testClock } from '../../support/harness/testClock'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { generateMemberHistory } from '../../../src/main/demo/memberHistory'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { makeTempDir } from '../../support/harness/tempDir'
import { whoopExportZip } from '../../support/fixtures/whoopExportZip'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('privacy', () => {
  it('contacts only WHOOP (here, its stand-in) over a full connect, sync, diagnostics, import, export, disconnect run', async () => {
    // Every outgoing TCP connection of this process, whoever opens it (fetch, http, tls, a library).
    const contacted: string[] = []
    const connect = net.Socket.prototype.connect
    net.Socket.prototype.connect = function (this: net.Socket, ...args: unknown[]) {
      // Node's own callers hand over their arguments already normalised, as one array.
      const [first, second] = (Array.isArray(args[0]) ? args[0] : args) as [unknown, unknown]
      const target = typeof first === 'object' && first !== null ? (first as net.TcpNetConnectOpts) : { port: first as number, host: second as string }
      const socketPath = (target as Partial<net.IpcNetConnectOpts>).path
      contacted.push(socketPath ? `socket ${socketPath}` : `${target.host ?? 'localhost'}:${target.port}`)
      return connect.apply(this, args as Parameters<typeof connect>)
    } as typeof connect
    try {
      harness = await startCoreHarness({ fake: { days: 20 } })
      const h = harness
      await h.call('getDiagnostics', { reachWhoop: true })
      const started = await h.call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret, redirect: 'custom-scheme' })
      const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
      await h.call('completeSignIn', { url: await h.fake.answerConsent(started.authorizationUrl) })
      await synced
      await h.call('syncNow', {})
      const diagnostics = await h.call('getDiagnostics', { reachWhoop: true })
      expect(diagnostics.whoop).toMatchObject({ reachable: true })
      h.files.importFrom = whoopExportZip(generateMemberHistory({ days: 30, now: testClock.now() - 90 * 86_400_000 }))
      await h.call('importData', { kind: 'whoop-export' })
      h.files.exportTo = path.join(makeTempDir(), 'export.json')
      await h.call('exportData', { format: 'json' })
      h.files.importFrom = h.files.exportTo
      await h.call('importData', { kind: 'json-backup' })
      await h.call('getDashboard', { range: 'all' })
      await h.call('disconnect', { deleteData: false })

      // Connections are kept alive and reused, so a handful carry the whole run.
      const whoop = `${new URL(h.fake.origin).hostname}:${new URL(h.fake.origin).port}`
      expect(new Set(contacted)).toEqual(new Set([whoop]))
      // And the only page the app opened is WHOOP's sign-in.
      expect(h.opened.map((url) => new URL(url).host)).toEqual([new URL(h.fake.origin).host])
    } finally {
      net.Socket.prototype.connect = connect
    }
  })
})
