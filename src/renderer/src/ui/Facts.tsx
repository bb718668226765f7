import { Fragment } from 'react'

/**
 * Facts in a line with " · " (or `separator`) between them, each kept whole: a narrow card breaks
 * the line between two facts, never inside one ("max 120" on one line, "bpm" on the next).
 */
export function Facts({ items, separator = ' · ' }: { items: readonly (string | false | null)[]; separator?: string }) {
  return items
    .filter((item): item is string => !!item)
    .map((item, index) => (
      <Fragment key={item}>
        {index > 0 && separator}
        <span className="fact">{item}</span>
      </Fragment>
    ))
}
