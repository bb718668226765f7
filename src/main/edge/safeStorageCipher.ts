import { safeStorage } from 'electron'
import type { Cipher } from '../auth/cipher'

/** The OS secret store through Electron's safeStorage. Usable only after the app is ready. */
export const safeStorageCipher: Cipher = {
  isAvailable: () => safeStorage.isAsyncEncryptionAvailable(),
  // Only Linux has a choice of backends; macOS uses the Keychain and Windows DPAPI.
  backend: () =>
    process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : process.platform === 'darwin' ? 'keychain' : 'dpapi',
  encrypt: (plainText) => safeStorage.encryptStringAsync(plainText),
  decrypt: async (cipherText) => (await safeStorage.decryptStringAsync(cipherText)).result
}
