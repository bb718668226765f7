import { useId, useState, type ReactNode } from 'react'
import type { Bucket } from '../../../shared/dashboard'
import { bucketLabel } from '../format'
import { Card } from '../ui/Card'
import { Badge } from '../ui/Badge'

/** A chart's numbers as a table, the text alternative a screen reader or a copy-paste can use. */
interface ChartTable<Point extends { date: string }> {
  bucket: Bucket
  points: readonly Point[]
  columns: readonly { label: string; value: (point: Point) => string }[]
}

interface ChartCardProps<Point extends { date: string; pending: number; unscorable: number }> {
  title: string
  testId: string
  /** The chart's buckets; records WHOOP has not scored (yet) are counted into badges, not dropped. */
  points: readonly Point[]
  table: ChartTable<Point>
  children: ReactNode
}

export function ChartCard<Point extends { date: string; pending: number; unscorable: number }>({ title, testId, points, table, children }: ChartCardProps<Point>) {
  const pending = points.reduce((total, point) => total + point.pending, 0)
  const unscorable = points.reduce((total, point) => total + point.unscorable, 0)
  const headingId = useId()
  return (
    <Card className="chart-card" data-testid={testId} aria-labelledby={headingId}>
      <header className="chart-header">
        <h2 id={headingId}>{title}</h2>
        {pending > 0 && (
          <Badge className="pending" title="WHOOP is still scoring these">
            {pending} pending
          </Badge>
        )}
        {unscorable > 0 && (
          <Badge className="unscorable" title="WHOOP could not score these (not enough data)">
            {unscorable} unscorable
          </Badge>
        )}
      </header>
      {children}
      <TableOnDemand title={title} table={table} />
    </Card>
  )
}

/** "Show as table": built only when opened, so a 5-year range costs nothing until asked for. */
function TableOnDemand<Point extends { date: string }>({ title, table }: { title: string; table: ChartTable<Point> }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="chart-table" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>Show {title.toLowerCase()} as a table</summary>
      {open && (
        <div className="table-scroll">
          <table>
            <caption>{title}</caption>
            <thead>
              <tr>
                <th scope="col">{table.bucket === 'day' ? 'Day' : table.bucket === 'week' ? 'Week' : 'Month'}</th>
                {table.columns.map((column) => (
                  <th key={column.label} scope="col">
                    {column.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.points.map((point) => (
                <tr key={point.date}>
                  <th scope="row">{bucketLabel(point.date, table.bucket)}</th>
                  {table.columns.map((column) => (
                    <td key={column.label}>{column.value(point)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </details>
  )
}
