import { z } from 'zod'
import { MAX_TAG_LENGTH } from './tags'

/* A tag request as the API checks it: in a file of its own so that the page, which reads `tags.ts`, does not load zod. */

/** A tag as stored: spaces trimmed and runs of them made one ("late  meal " → "late meal"). */
const tagName = z
  .string()
  .transform((text) => text.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'A tag needs a name.').max(MAX_TAG_LENGTH, `A tag is at most ${MAX_TAG_LENGTH} characters.`))

export const dayTagRequestSchema = z.strictObject({ date: z.iso.date(), tag: tagName })
