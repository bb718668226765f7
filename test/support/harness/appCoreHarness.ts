import path from 'node:path'
import Conf from 'conf'
import { mcpBundle } from './mcpClient'
import type { ApiEvent } from '../../../src/shared/channels'
import type { ApiEventPayloads } from '../../../src/shared/api'
import type { Cipher } from '../../../src/main/auth/cipher'
import type { Clock } from '../../../src/main/clock'
import { startAppCore, type AppCore } from '../../../src/main/appCore'
import type { Notice } from '../../../src/main/glance/morningNotice'
import { settingsBackendOptions, type SettingsBackend } from '../../../src/main/settings/settingsStore'
import { startFakeWhoop, type FakeWhoop, type FakeWhoopOptions } from '../fakeWhoop/fakeWhoopServer'
import { importWithOwnConnection } from '../../../src/main/exchange/importFile'
import { importInWorker } from '../../../src/main/exchange/importInWorker'
import { IMPORT_WORKER_BUNDLE } from './importWorkerBundle'
import { ownLoopbackPort } from '../fakeWhoop/loopbackPort'
import { makeTempDir } from './tempDir'
import { createTestCipher } from './testCipher'
import { testClock } from './testClock'

export interface CoreHarness {
  core: AppCore
  fake: FakeWhoop
  dataDir: string
  cipher: Cipher
  /** Every event the core pushed, in order. */
  events: { event: ApiEvent; payload: unknown }[]
  /** Everything the core wrote to its log. */
  logs: string[]
  /** URLs the core asked the system browser to open. */
  opened: string[]
  /** Notifications the core showed, in order. */
  notices: Notice[]
  /** What the next save dialog answers (a path, or undefined for Cancel), and the next open dialog. */
  files: { exportTo?: string; importFrom?: string }
  /** Calls a handler the way a transport would and returns its result (throws if it failed). */
  call<M extends keyof AppCore['handlers']>(method: M, ...args: Parameters<AppCore['handlers'][M]>): Promise<Awaited<ReturnType<AppCore['handlers'][M]>>>
  nextEvent<E extends ApiEvent>(event: E, where?: (payload: ApiEventPayloads[E]) => boolean): Promise<ApiEventPayloads[E]>
  /** Connects the fake's member as a person would (the consent page approved), and waits for the first sync to end. */
  connect(): Promise<void>
  restart(options?: { cipher?: Cipher }): Promise<void>
  close(): Promise<void>
}

/** The whole app core, as the desktop app runs it, against a fake WHOOP in a fresh data folder. */
export async function startCoreHarness(
  options: {
    fake?: FakeWhoopOptions
    cipher?: Cipher
    dataDir?: string
    fetch?: typeof fetch
    existingFake?: FakeWhoop
    clock?: Clock
    /** Runs the background schedules on `clock` (a manual clock the test moves) instead of holding them. */
    runSchedules?: boolean
  } = {}
): Promise<CoreHarness> {
  const fake = options.existingFake ?? (await startFakeWhoop({ days: 30, rateLimit: false, ...options.fake }))
  const dataDir = options.dataDir ?? makeTempDir()
  const events: CoreHarness['events'] = []
  const logs: string[] = []
  const opened: string[] = []
  const notices: Notice[] = []
  const files: CoreHarness['files'] = {}
  const waiters: (() => void)[] = []
  let cipher = options.cipher ?? createTestCipher()
  await ownLoopbackPort(dataDir, fake)

  const start = () =>
    startAppCore({
      appName: 'WHOOP Desktop',
      appVersion: '0.0.0-test',
      dataDir,
      settingsBackend: new Conf(settingsBackendOptions(dataDir)) as unknown as SettingsBackend,
      whoopEndpoints: fake.endpoints,
      cipher,
      openExternal: async (url) => void opened.push(url),
      deepLinks: { reachesApp: true },
      files: {
        chooseExportTarget: async () => (files.exportTo ? { path: files.exportTo } : undefined),
        chooseImportSource: async () => (files.importFrom ? { path: files.importFrom, name: path.basename(files.importFrom) } : undefined)
      },
      emit: (event, payload) => {
        events.push({ event, payload })
        for (const wake of waiters.splice(0)) wake()
      },
      echoLog: (line) => logs.push(line),
      assistantCommand: { command: process.execPath, args: [mcpBundle] },
      notify: (notice) => void notices.push(notice),
      fetch: options.fetch,
      // Mutation runs import on this thread: Stryker's active mutant is not seen in a worker thread.
      runImport: process.env.WHOOP_TEST_IMPORT_IN_PROCESS ? importWithOwnConnection : importInWorker(IMPORT_WORKER_BUNDLE),
      clock: options.clock ? (options.runSchedules ? options.clock : holdingScheduleSleeps(options.clock)) : testClock
    })

  const harness: CoreHarness = {
    core: await start(),
    fake,
    dataDir,
    cipher,
    events,
    logs,
    opened,
    notices,
    files,
    async call(method, ...args) {
      const handler = harness.core.handlers[method] as (...values: unknown[]) => unknown
      return (await handler(...args)) as never
    },
    nextEvent(event, where = () => true) {
      const seen = events.length
      return new Promise((resolve) => {
        const check = () => {
          const found = events.slice(seen).find((e) => e.event === event && where(e.payload as never))
          if (found) resolve(found.payload as never)
          else waiters.push(check)
        }
        check()
      })
    },
    async connect() {
      const started = await harness.call('startSignIn', { clientId: fake.app.clientId, clientSecret: fake.app.clientSecret, redirect: 'custom-scheme' })
      const synced = harness.nextEvent('onSyncProgress', (progress) => progress.type === 'finished')
      const outcome = await harness.call('completeSignIn', { url: await fake.answerConsent(started.authorizationUrl) })
      if (!outcome.ok) throw new Error(`the sign-in failed: ${outcome.message}`)
      await synced
    },
    async restart(next = {}) {
      harness.core.close()
      if (next.cipher) cipher = next.cipher
      harness.core = await start()
    },
    async close() {
      harness.core.close()
      if (!options.existingFake) await fake.close()
    }
  }
  return harness
}

/**
 * The core's own waits are shorter than 30 minutes (a longer rate-limit wait ends in an error); its
 * schedules sleep for an hour or more (the next background sync, the next backup). A virtual clock
 * jumps through every sleep at once, which would run the schedules in a loop: those sleeps are held
 * until aborted instead. Tests of the schedules use `manualClock`.
 */
function holdingScheduleSleeps(clock: Clock): Clock {
  return {
    now: () => clock.now(),
    sleep: (ms, signal) =>
      ms < 30 * 60_000
        ? clock.sleep(ms, signal)
        : new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(signal.reason), { once: true }))
  }
}
