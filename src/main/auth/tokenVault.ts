import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import type { TokenStorageStatus } from '../../shared/connection'
import type { TokenSet } from '../whoop/tokenSession'
import type { WhoopAppCredentials } from '../whoop/whoopOAuth'
import { isWeakBackend, type Cipher } from './cipher'

export const VAULT_FILE_NAME = 'whoop-vault.json'

/** On disk: the backend that encrypted the secrets beside their ciphertext (base64). */
const vaultFileSchema = z.object({
  version: z.literal(1),
  backend: z.string(),
  clientId: z.string().optional(),
  clientSecret: z.string().optional(),
  tokens: z.string().optional()
})
type VaultFile = z.infer<typeof vaultFileSchema>

const tokenSetSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string().optional(),
  expiresAt: z.number(),
  lifetimeMs: z.number().optional(),
  scope: z.string().optional()
})

export interface TokenVaultOptions {
  dataDir: string
  cipher: Cipher
  /** The person's choice to store secrets even when the OS offers only weak protection. */
  allowWeakStorage: () => boolean
}

/**
 * The WHOOP client secret and tokens: encrypted on disk by the injected cipher when the OS offers
 * real protection, otherwise in memory only (the person reconnects after a restart) unless they
 * allow weak storage. A file that can no longer be decrypted (a changed keyring) does not crash the
 * app: the vault reports it as unreadable and the app asks the person to connect again.
 */
export function createTokenVault(options: TokenVaultOptions) {
  const file = path.join(options.dataDir, VAULT_FILE_NAME)
  let credentials: WhoopAppCredentials | undefined
  let clientId: string | undefined
  let tokens: TokenSet | undefined
  let available = false
  let unreadable = false

  const persists = () => available && (!isWeakBackend(options.cipher.backend()) || options.allowWeakStorage())

  async function write(): Promise<void> {
    const contents: VaultFile = { version: 1, backend: options.cipher.backend(), clientId }
    if (persists()) {
      if (credentials) contents.clientSecret = (await options.cipher.encrypt(credentials.clientSecret)).toString('base64')
      if (tokens) contents.tokens = (await options.cipher.encrypt(JSON.stringify(tokens))).toString('base64')
    }
    // Written whole and renamed into place: a crash leaves the old file or the new one, never half.
    const temporary = `${file}.${process.pid}.tmp`
    fs.mkdirSync(options.dataDir, { recursive: true })
    fs.writeFileSync(temporary, JSON.stringify(contents), { mode: 0o600 })
    fs.renameSync(temporary, file)
  }

  return {
    /** Reads the vault file; call once the cipher can be used (after Electron's `ready`). */
    async open(): Promise<void> {
      available = await options.cipher.isAvailable()
      if (!fs.existsSync(file)) return
      try {
        const stored = vaultFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')))
        clientId = stored.clientId
        if (stored.clientSecret && clientId) {
          credentials = { clientId, clientSecret: await options.cipher.decrypt(Buffer.from(stored.clientSecret, 'base64')) }
        }
        if (stored.tokens) {
          tokens = tokenSetSchema.parse(JSON.parse(await options.cipher.decrypt(Buffer.from(stored.tokens, 'base64'))))
        }
      } catch {
        credentials = undefined
        tokens = undefined
        unreadable = true
      }
    },

    status(): TokenStorageStatus & { unreadable: boolean } {
      const backend = options.cipher.backend()
      let warning: string | undefined
      if (!available) {
        warning = 'This computer offers no secure storage for secrets, so your WHOOP sign-in is kept in memory only: you will need to connect again after restarting the app.'
      } else if (isWeakBackend(backend)) {
        warning = options.allowWeakStorage()
          ? 'Your sign-in is stored with weak protection, as you allowed: this computer has no system keyring, so anyone with access to your files could read it.'
          : 'This computer has no system keyring, so your WHOOP sign-in is kept in memory only: you connect again after each restart. To stay signed in, tick “Keep me signed in with weak protection” below (anyone with access to your files could then read the sign-in).'
      }
      return { persistent: persists(), backend, warning, unreadable }
    },

    clientId: () => clientId,
    credentials: () => credentials,
    tokens: () => tokens,

    /** A new connection: the app's credentials and its first tokens, replacing anything before. */
    async saveConnection(next: WhoopAppCredentials, nextTokens: TokenSet): Promise<void> {
      credentials = next
      clientId = next.clientId
      tokens = nextTokens
      unreadable = false
      await write()
    },

    /** Rotated tokens, saved before they are used. */
    async saveTokens(next: TokenSet): Promise<void> {
      tokens = next
      await write()
    },

    async forgetTokens(): Promise<void> {
      tokens = undefined
      unreadable = false
      await write()
    },

    /** Re-applies the storage policy after the person changed the weak-storage setting. */
    reconsider: () => write(),

    async clear(): Promise<void> {
      credentials = undefined
      clientId = undefined
      tokens = undefined
      unreadable = false
      fs.rmSync(file, { force: true })
    }
  }
}

export type TokenVault = ReturnType<typeof createTokenVault>
