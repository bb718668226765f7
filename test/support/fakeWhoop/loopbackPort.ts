import net from 'node:net'
import Conf from 'conf'
import { loopbackRedirectUri } from '../../../src/shared/connection'
import { settingsBackendOptions } from '../../../src/main/settings/settingsStore'
import type { FakeWhoop } from './fakeWhoopServer'

/** A port nothing listens on now, as the system hands them out. */
export async function freePort(): Promise<number> {
  const server = net.createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as net.AddressInfo
  await new Promise((resolve) => server.close(resolve))
  return port
}

/**
 * Sets the app in `dataDir` to a loopback port of its own (tests run side by side, and beside a
 * running app), and registers its redirect URI in the fake's app, as the person does at WHOOP.
 */
export async function ownLoopbackPort(dataDir: string, fake: FakeWhoop): Promise<number> {
  const port = await freePort()
  new Conf(settingsBackendOptions(dataDir)).set('loopbackPort', port)
  fake.app.redirectUris.push(loopbackRedirectUri(port))
  return port
}
