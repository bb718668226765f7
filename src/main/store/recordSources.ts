/** Where a record came from (its `source`), in words. */
const sourceNames: Record<string, string> = {
  api: 'synced from WHOOP',
  export: "imported from WHOOP's data export",
  backup: 'restored from a WHOOP Desktop backup',
  demo: 'generated demo data'
}

export const sourceName = (source: string) => sourceNames[source] ?? source
