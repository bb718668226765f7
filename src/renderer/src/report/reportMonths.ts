const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' })

/** A YYYY-MM month as the report names it: "November 2026". */
export const monthName = (month: string) => monthFormat.format(new Date(`${month}-01T00:00:00Z`))
