import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import type { Cipher } from '../../../src/main/auth/cipher'

/** A real cipher (AES-256-GCM) with a key held in memory, standing in for the OS keyring. */
export function createTestCipher(options: { key?: Buffer; backend?: string; available?: boolean } = {}): Cipher & { key: Buffer } {
  const key = options.key ?? randomBytes(32)
  return {
    key,
    isAvailable: async () => options.available ?? true,
    backend: () => options.backend ?? 'gnome_libsecret',
    async encrypt(plainText) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plainText, 'utf8'), cipher.final()])
      return Buffer.concat([iv, cipher.getAuthTag(), body])
    },
    async decrypt(data) {
      const decipher = createDecipheriv('aes-256-gcm', key, data.subarray(0, 12))
      decipher.setAuthTag(data.subarray(12, 28))
      return Buffer.concat([decipher.update(data.subarray(28)), decipher.final()]).toString('utf8')
    }
  }
}
