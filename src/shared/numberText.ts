let groupedFormat: Intl.NumberFormat | undefined

/**
 * A number grouped as the person's locale writes it ("15,000"), by one formatter made when first
 * used: `toLocaleString` makes one per call, and axes and tables call it for every label. Every
 * count a person reads goes through it: five years are 1,826 days.
 */
export function grouped(value: number): string {
  return (groupedFormat ??= new Intl.NumberFormat()).format(value)
}

/** A number with `digits` decimals and a true minus sign ("−2.13", not the hyphen of "-2.13"). */
export function signed(value: number, digits: number): string {
  const text = Math.abs(value).toFixed(digits)
  return value < 0 && Number(text) !== 0 ? `−${text}` : text
}
