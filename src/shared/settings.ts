import { z } from 'zod'

/** How often the app syncs on its own while it runs, in minutes; 0 is never. */
export const backgroundSyncIntervals = [0, 30, 60, 180, 360] as const

export const settingsSchema = z
  .object({
    /** Start an incremental sync when the app opens. */
    syncOnLaunch: z.boolean(),
    /** Units for body measurements and distances. */
    unitSystem: z.enum(['metric', 'imperial']),
    /** Energy shown as kilojoules (WHOOP's unit) or kilocalories. */
    energyUnit: z.enum(['kJ', 'kcal']),
    /** `system` follows the operating system's light/dark preference. */
    theme: z.enum(['system', 'light', 'dark']),
    /** Store the WHOOP sign-in even where the OS only offers weak protection (Linux `basic_text`). */
    allowWeakTokenStorage: z.boolean(),
    /**
     * The port of the loopback redirect (`http://127.0.0.1:<port>/oauth/callback`). Fixed, because
     * WHOOP matches a redirect URI exactly, port included: it is the one registered in the app.
     */
    loopbackPort: z.number().int().min(1024).max(65535),
    /**
     * Let AI assistants on this computer read the data through the app's read-only MCP server
     * (`--mcp`). Off until the person turns it on.
     */
    assistantAccess: z.boolean(),
    /** Sync with WHOOP on its own while the app runs and is connected: every so many minutes, 0 for never. */
    backgroundSyncMinutes: z.literal(backgroundSyncIntervals),
    /**
     * Closing the window leaves the app running in the tray (menu bar). `null` until decided: the
     * platform's convention then holds (on for macOS; Windows and Linux ask at the first close).
     */
    keepRunningInBackground: z.boolean().nullable(),
    /** Tell the person once a morning when that morning's recovery is scored. Off until turned on. */
    morningNotification: z.boolean(),
    /** Start when the person logs in to the computer, hidden in the tray. Off until turned on. */
    openAtLogin: z.boolean(),
    /** A copy of the database each day, made while the app runs. */
    dailyBackups: z.boolean(),
    /** Where the backups go; `null` for `backups` in the data folder. */
    backupFolder: z.string().min(1).max(4096).nullable(),
    /** How many backups are kept; older ones are removed after each new one. */
    backupsKept: z.number().int().min(1).max(365)
  })
  .strict()

export type Settings = z.infer<typeof settingsSchema>

export const defaultSettings: Settings = {
  syncOnLaunch: true,
  unitSystem: 'metric',
  energyUnit: 'kJ',
  theme: 'system',
  allowWeakTokenStorage: false,
  loopbackPort: 47823,
  assistantAccess: false,
  backgroundSyncMinutes: 60,
  keepRunningInBackground: null,
  morningNotification: false,
  openAtLogin: false,
  dailyBackups: true,
  backupFolder: null,
  backupsKept: 14
}

/** A partial update: at least one known setting, nothing else. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'names no setting to change' })

export type SettingsPatch = z.infer<typeof settingsPatchSchema>
