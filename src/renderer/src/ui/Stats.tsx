/** Figures in a row, each under its label: "Recovery 57%", "HRV 49 ms" (a test id marks a figure tests read). */
export function Stats({ items }: { items: readonly [label: string, value: string, testId?: string][] }) {
  return (
    <dl className="stats">
      {items.map(([label, value, testId]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd data-testid={testId}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
