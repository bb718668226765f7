import { metricSpecs, trendMetrics, type TrendMetric } from '../../../shared/insights'

/** A list of every daily measure, by the name the pages give it (Trends, Compare). */
export function MeasureSelect({ label, value, testId, onChange }: { label: string; value: TrendMetric; testId: string; onChange: (metric: TrendMetric) => void }) {
  return (
    <label className="field inline">
      <span>{label}</span>
      <select value={value} data-testid={testId} onChange={(event) => onChange(event.target.value as TrendMetric)}>
        {trendMetrics.map((option) => (
          <option key={option} value={option}>
            {metricSpecs[option].label}
          </option>
        ))}
      </select>
    </label>
  )
}
