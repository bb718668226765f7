/**
 * Encryption of secrets at rest, injected: Electron's safeStorage in the app (the OS keychain,
 * DPAPI or a Linux secret service), other implementations in tests and the browser host.
 */
export interface Cipher {
  isAvailable(): Promise<boolean>
  /** The secret store behind the cipher, as Electron names it (`basic_text`, `gnome_libsecret`, ...). */
  backend(): string
  encrypt(plainText: string): Promise<Buffer>
  decrypt(cipherText: Buffer): Promise<string>
}

/**
 * Backends that do not really protect a secret: Electron's `basic_text` on Linux uses a hard-coded
 * key when no keyring is available.
 */
export function isWeakBackend(backend: string): boolean {
  return backend === 'basic_text' || backend === 'unknown'
}

/**
 * No protection at all: stands for `basic_text` where there is no OS secret store (the browser
 * host). Weak by name, so the vault keeps secrets in memory unless the person allows weak storage.
 */
export const obfuscatingCipher: Cipher = {
  isAvailable: async () => true,
  backend: () => 'basic_text',
  encrypt: async (plainText) => Buffer.from(plainText, 'utf8').reverse(),
  decrypt: async (cipherText) => Buffer.from(cipherText).reverse().toString('utf8')
}
