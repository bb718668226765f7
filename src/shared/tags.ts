import { z } from 'zod'

/*
 * Tags a person puts on their own days (sick, travel, a late meal): stored with the day, shown on
 * the charts, and compared in Insights like a journal question.
 */

/** Offered beside the free text on the day view and Today. */
export const tagSuggestions = ['sick', 'travel', 'alcohol', 'late meal', 'hard training'] as const

export const MAX_TAG_LENGTH = 40

/** A tag as stored: spaces trimmed and runs of them made one ("late  meal " → "late meal"). */
const tagName = z
  .string()
  .transform((text) => text.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1, 'A tag needs a name.').max(MAX_TAG_LENGTH, `A tag is at most ${MAX_TAG_LENGTH} characters.`))

export const dayTagRequestSchema = z.strictObject({ date: z.iso.date(), tag: tagName })

/** The days in a range that carry tags, and their tags (charts mark them). */
export interface TaggedDay {
  date: string
  tags: string[]
}

/** A tag the person has used, and on how many days (the most used first). */
export interface TagUse {
  tag: string
  days: number
}
