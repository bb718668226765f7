/** Figures in a row, each under its label: "Recovery 57%", "HRV 49 ms". */
export function Stats({ items }: { items: readonly [label: string, value: string][] }) {
  return (
    <dl className="stats">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
