import type { ReactNode } from 'react'

interface ChartCardProps {
  title: string
  testId: string
  /** The chart's buckets; records WHOOP has not scored (yet) are counted into badges, not dropped. */
  points: readonly { pending: number; unscorable: number }[]
  children: ReactNode
}

export function ChartCard({ title, testId, points, children }: ChartCardProps) {
  const pending = points.reduce((total, point) => total + point.pending, 0)
  const unscorable = points.reduce((total, point) => total + point.unscorable, 0)
  return (
    <section className="card chart-card" data-testid={testId} aria-label={`${title} chart`}>
      <header className="chart-header">
        <h2>{title}</h2>
        {pending > 0 && (
          <span className="badge pending" title="WHOOP is still scoring these">
            {pending} pending
          </span>
        )}
        {unscorable > 0 && (
          <span className="badge unscorable" title="WHOOP could not score these (not enough data)">
            {unscorable} unscorable
          </span>
        )}
      </header>
      {children}
    </section>
  )
}
