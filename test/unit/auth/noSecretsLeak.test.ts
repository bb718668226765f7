import fs from 'node:fs'
import { testClock } from '../../support/harness/testClock'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { invokeApi } from '../../../src/main/api/invokeApi'
import { startCoreHarness, type CoreHarness } from '../../support/harness/appCoreHarness'
import { assistantToolNames } from '../../../src/shared/assistant'
import { connectAssistant, toolArguments } from '../../support/harness/mcpClient'
import { makeTempDir } from '../../support/harness/tempDir'
import { createVirtualClock } from '../../support/harness/virtualClock'

let harness: CoreHarness | undefined
afterEach(async () => {
  await harness?.close()
  harness = undefined
})

describe('tokens and secrets', () => {
  it('appear in no log, API result, event, export, database file or backup of a full connect, sync, refresh, export run', async () => {
    const issuedTokens: string[] = []
    harness = await startCoreHarness({
      fake: { days: 45 },
      // Simulated time: the retries of the failing resource take no real time.
      clock: createVirtualClock(testClock.now()),
      fetch: async (input, init) => {
        const response = await fetch(input, init)
        if (String(input).includes('/oauth2/token') && response.ok) {
          const body = (await response.clone().json()) as { access_token: string; refresh_token: string }
          issuedTokens.push(body.access_token, body.refresh_token)
        }
        return response
      }
    })
    const h = harness
    const results: unknown[] = []
    const call = async (method: string, ...args: unknown[]) => {
      const result = await invokeApi(h.core.handlers, method, args, (m, e) => h.logs.push(`${m} ${String(e)}`))
      results.push(result)
      return result as { ok: boolean; value: any }
    }

    // A failed attempt with a wrong secret, then the real connection.
    let started = await call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: 'wrong-secret-value-123', redirect: 'custom-scheme' })
    await call('completeSignIn', { url: await h.fake.answerConsent(started.value.authorizationUrl) })
    started = await call('startSignIn', { clientId: h.fake.app.clientId, clientSecret: h.fake.app.clientSecret, redirect: 'loopback' })
    const synced = h.nextEvent('onSyncProgress', (p) => p.type === 'finished')
    await fetch(await h.fake.answerConsent(started.value.authorizationUrl))
    await synced
    // Tokens rotate mid-run, and a sync fails on one resource.
    h.fake.expireAccessTokens()
    h.fake.addFault({ kind: 'status', status: 500, times: Infinity, path: '/v2/recovery' })
    const sync = await call('syncNow', {})
    expect(sync.value.resources.find((r: { resource: string }) => r.resource === 'recovery')).toMatchObject({ status: 'failed' })
    for (const method of ['getConnection', 'getSyncStatus', 'getAppInfo', 'getSettings']) await call(method)
    await call('getDashboard', { range: '1m' })
    h.files.exportTo = path.join(makeTempDir(), 'export.json')
    await call('exportData', { format: 'json' })
    // An AI assistant, once allowed, reads every tool and the data model through the MCP server.
    await call('updateSettings', { assistantAccess: true })
    const assistant = await connectAssistant(h.dataDir)
    const answers: string[] = []
    for (const tool of assistantToolNames) {
      const answer = await assistant.call(tool, toolArguments[tool])
      expect(answer.isError, `${tool}: ${answer.text}`).toBe(false)
      answers.push(answer.text)
    }
    const { contents } = await assistant.client.readResource({ uri: 'whoop-desktop://data-model' })
    answers.push(JSON.stringify(contents))
    const { log: assistantLog } = await assistant.close()
    const backup = (await call('backUpNow')).value.backups[0].name
    await call('startSignIn', { clientId: h.fake.app.clientId, redirect: 'custom-scheme' })
    await call('disconnect', { deleteData: false })

    expect(issuedTokens.length).toBeGreaterThanOrEqual(4)
    const secrets = [...issuedTokens, h.fake.app.clientSecret, 'wrong-secret-value-123']
    const places = {
      logs: h.logs.join('\n'),
      logFile: fs.readFileSync(path.join(h.dataDir, 'logs', 'whoop-desktop.log'), 'utf8'),
      apiResults: JSON.stringify(results),
      events: JSON.stringify(h.events),
      export: fs.readFileSync(h.files.exportTo, 'utf8'),
      database: ['whoop-desktop.sqlite', 'whoop-desktop.sqlite-wal']
        .map((file) => path.join(h.dataDir, file))
        .filter((file) => fs.existsSync(file))
        .map((file) => fs.readFileSync(file).toString('latin1'))
        .join(''),
      settings: fs.readFileSync(path.join(h.dataDir, 'config.json'), 'utf8'),
      backup: fs.readFileSync(path.join(h.dataDir, 'backups', backup)).toString('latin1'),
      assistantAnswers: answers.join('\n'),
      assistantLog
    }
    expect(places.export.length).toBeGreaterThan(10_000)
    expect(places.logFile).toContain('Sync')
    for (const [place, text] of Object.entries(places)) {
      for (const secret of secrets) expect(text.includes(secret), `${place} contains a secret`).toBe(false)
    }
  })
})
