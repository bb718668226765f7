import fs from 'node:fs'
import path from 'node:path'
import { DATABASE_FILE_NAME } from '../../../src/main/database/openDatabase'

/**
 * Which of `needles` can still be read, byte for byte, in the database file, its write-ahead log or
 * its shared-memory index: what someone with the disk in hand would find with `grep -a`.
 */
export function tracesOnDisk(dataDir: string, needles: readonly string[]): string[] {
  const database = path.join(dataDir, DATABASE_FILE_NAME)
  const files = [database, `${database}-wal`, `${database}-shm`].filter((file) => fs.existsSync(file))
  return files.flatMap((file) => {
    const bytes = fs.readFileSync(file)
    return needles.filter((needle) => bytes.includes(Buffer.from(needle, 'utf8'))).map((needle) => `${path.basename(file)}: ${needle}`)
  })
}

/** What identifies a member's records on disk: a sleep's id, a recovery's HRV as its JSON says it, their email. */
export function memberNeedles(history: {
  profile: { email: string }
  sleeps: { id: string }[]
  recoveries: { score?: { hrv_rmssd_milli: number } | null }[]
}): string[] {
  const scored = history.recoveries.find((recovery) => recovery.score)!
  return [history.sleeps[3].id, `"hrv_rmssd_milli":${scored.score!.hrv_rmssd_milli}`, history.profile.email]
}
