import { useRef, type KeyboardEvent } from 'react'
import { dashboardRanges, rangeSpecs, type DashboardRange } from '../../../shared/dashboard'

/** Keys that move the choice within the group, as in any radio group. */
const moves: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (index) => index + 1,
  ArrowDown: (index) => index + 1,
  ArrowLeft: (index) => index - 1,
  ArrowUp: (index) => index - 1,
  Home: () => 0,
  End: (_, count) => count - 1
}

interface RangePickerProps<Range extends string> {
  range: Range
  onChange: (range: Range) => void
  /** The ranges to choose from and their labels: the dashboard's unless given. */
  ranges?: readonly Range[]
  label?: (range: Range) => string
  /** What the group chooses, for assistive technology: "Range" unless given. */
  name?: string
}

const dashboardLabel = (range: string) => rangeSpecs[range as DashboardRange].label

/** The range as a radio group: one tab stop (the chosen range), arrow keys to choose another. */
export function RangePicker<Range extends string = DashboardRange>(props: RangePickerProps<Range>) {
  const { range, onChange, ranges = dashboardRanges as readonly string[] as readonly Range[], label = dashboardLabel } = props
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (event: KeyboardEvent) => {
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    const count = ranges.length
    const next = (move(ranges.indexOf(range), count) + count) % count
    onChange(ranges[next])
    buttons.current[next]?.focus()
  }
  return (
    <div className="range-picker" role="radiogroup" aria-label={props.name ?? 'Range'} onKeyDown={onKeyDown}>
      {ranges.map((option, index) => (
        <button
          key={option}
          ref={(button) => {
            buttons.current[index] = button
          }}
          type="button"
          role="radio"
          aria-checked={option === range}
          tabIndex={option === range ? 0 : -1}
          // The number keys choose the dashboard's ranges only.
          aria-keyshortcuts={props.ranges ? undefined : String(index + 1)}
          title={props.ranges ? label(option) : `${label(option)} (${index + 1})`}
          className={option === range ? 'range active' : 'range'}
          data-testid={`range-${option}`}
          onClick={() => onChange(option)}
        >
          {label(option)}
        </button>
      ))}
    </div>
  )
}
