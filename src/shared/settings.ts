import { z } from 'zod'

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
    assistantAccess: z.boolean()
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
  assistantAccess: false
}

/** A partial update: at least one known setting, nothing else. */
export const settingsPatchSchema = settingsSchema
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'names no setting to change' })

export type SettingsPatch = z.infer<typeof settingsPatchSchema>
