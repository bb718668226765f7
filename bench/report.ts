/** Prints one figure as a JSON line: what was measured, its value and unit, and its context. */
export function report(figure: string, value: number, unit: string, context: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ figure, value: Math.round(value * 100) / 100, unit, ...context }))
}
