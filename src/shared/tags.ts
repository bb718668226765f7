/*
 * Tags a person puts on their own days (sick, travel, a late meal): stored with the day, shown on
 * the charts, and compared in Insights like a journal question.
 */

/** Offered beside the free text on the day view and Today. */
export const tagSuggestions = ['sick', 'travel', 'alcohol', 'late meal', 'hard training'] as const

export const MAX_TAG_LENGTH = 40


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
