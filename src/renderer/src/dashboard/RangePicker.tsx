import { useRef, type KeyboardEvent } from 'react'
import { dashboardRanges, rangeSpecs, type DashboardRange } from '../../../shared/dashboard'

/** Keys that move the choice within the group, as in any radio group. */
const moves: Record<string, (index: number) => number> = {
  ArrowRight: (index) => index + 1,
  ArrowDown: (index) => index + 1,
  ArrowLeft: (index) => index - 1,
  ArrowUp: (index) => index - 1,
  Home: () => 0,
  End: () => dashboardRanges.length - 1
}

/** The range as a radio group: one tab stop (the chosen range), arrow keys to choose another. */
export function RangePicker({ range, onChange }: { range: DashboardRange; onChange: (range: DashboardRange) => void }) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([])
  const onKeyDown = (event: KeyboardEvent) => {
    const move = moves[event.key]
    if (!move) return
    event.preventDefault()
    const count = dashboardRanges.length
    const next = (move(dashboardRanges.indexOf(range)) + count) % count
    onChange(dashboardRanges[next])
    buttons.current[next]?.focus()
  }
  return (
    <div className="range-picker" role="radiogroup" aria-label="Range" onKeyDown={onKeyDown}>
      {dashboardRanges.map((option, index) => (
        <button
          key={option}
          ref={(button) => {
            buttons.current[index] = button
          }}
          type="button"
          role="radio"
          aria-checked={option === range}
          tabIndex={option === range ? 0 : -1}
          aria-keyshortcuts={String(index + 1)}
          title={`${rangeSpecs[option].label} (${index + 1})`}
          className={option === range ? 'range active' : 'range'}
          data-testid={`range-${option}`}
          onClick={() => onChange(option)}
        >
          {rangeSpecs[option].label}
        </button>
      ))}
    </div>
  )
}
