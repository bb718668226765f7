import type { ReactNode } from 'react'

interface ChartCardProps {
  title: string
  testId: string
  /** Records WHOOP has not scored (yet) in the range, shown as badges rather than dropped. */
  pending: number
  unscorable: number
  children: ReactNode
}

export function ChartCard({ title, testId, pending, unscorable, children }: ChartCardProps) {
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
