import { dashboardRanges, rangeSpecs, type DashboardRange } from '../../../shared/dashboard'

export function RangePicker({ range, onChange }: { range: DashboardRange; onChange: (range: DashboardRange) => void }) {
  return (
    <div className="range-picker" role="radiogroup" aria-label="Range">
      {dashboardRanges.map((option, index) => (
        <button
          key={option}
          type="button"
          role="radio"
          aria-checked={option === range}
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
