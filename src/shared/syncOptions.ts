import { z } from 'zod'
import { collectionResources } from './sync'

/**
 * What a sync the person starts may cover, as the API checks it: in a file of its own so that the
 * page, which reads the rest of `sync.ts`, does not load zod.
 */
export const syncOptionsSchema = z
  .object({
    /** Only these collections (profile and body measurement are always refreshed). */
    resources: z.array(z.enum(collectionResources)).min(1).max(4).optional(),
    /** A window to re-read instead of the normal incremental sync (ISO 8601, end exclusive). */
    start: z.iso.datetime({ offset: true }).optional(),
    end: z.iso.datetime({ offset: true }).optional(),
    /** Re-read the whole history now, instead of the week's share of it. */
    wholeHistory: z.boolean().optional()
  })
  .strict()
  .refine((options) => !options.wholeHistory || (!options.start && !options.end), { message: 'wholeHistory reads everything: no start or end' })
  .refine((options) => !options.start || !options.end || Date.parse(options.start) < Date.parse(options.end), {
    message: 'start must be before end'
  })
export type SyncOptions = z.infer<typeof syncOptionsSchema>
