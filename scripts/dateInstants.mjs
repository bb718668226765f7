// The instants `npm run test:dates` runs the date-reading tests at, each in the time zone (`TZ`) of
// the machine and of the fake WHOOP's member: the nights the clocks change, month and year ends,
// a leap day, the minutes after midnight. Times are written in their zone's own offset.

/** `at` undefined: the real date and time. */
export const instants = [
  { name: 'the real date', tz: undefined, at: undefined },
  { name: 'New York, just after the clocks went forward', tz: 'America/New_York', at: '2027-03-14T03:05:00-04:00' },
  { name: 'New York, the repeated hour as the clocks go back', tz: 'America/New_York', at: '2026-11-01T01:30:00-05:00' },
  { name: 'Berlin, just after the clocks went forward', tz: 'Europe/Berlin', at: '2027-03-28T03:10:00+02:00' },
  { name: 'Berlin, the repeated hour as the clocks go back', tz: 'Europe/Berlin', at: '2026-10-25T02:30:00+01:00' },
  { name: 'Sydney, the morning after the clocks went forward', tz: 'Australia/Sydney', at: '2026-10-04T09:30:00+11:00' },
  { name: 'Sydney, the repeated hour as the clocks go back', tz: 'Australia/Sydney', at: '2027-04-04T02:30:00+10:00' },
  { name: '29 February, in a half-hour zone', tz: 'Asia/Kolkata', at: '2028-02-29T18:00:00+05:30' },
  { name: "New Year's Eve, late in the evening", tz: 'America/Los_Angeles', at: '2026-12-31T23:45:00-08:00', yearEnd: true },
  { name: 'the last evening of a 31-day month, far east', tz: 'Pacific/Auckland', at: '2027-01-31T21:00:00+13:00' },
  { name: 'just after local midnight', tz: 'Asia/Tokyo', at: '2027-06-15T00:05:00+09:00' },
  { name: 'just after midnight on the first of a month, far west', tz: 'Pacific/Honolulu', at: '2027-07-01T00:10:00-10:00' },
  { name: 'the real date, in São Paulo', tz: 'America/Sao_Paulo', at: undefined }
]

/** The three pinned instants `npm test` also runs on every CI run (the real date is its main run). */
export const ciInstants = instants.filter((instant) =>
  ['New York, just after the clocks went forward', "New Year's Eve, late in the evening", 'just after local midnight'].includes(instant.name)
)

/** The end-to-end specs that read dates: every one but the layout, shell and assistant specs. */
export const dateSpecs = ['dashboard', 'insights', 'tooltips', 'imports', 'interaction', 'connect', 'dates'].map((name) => `test/e2e/${name}.spec.ts`)

/**
 * What `npm test` runs at each of its pinned instants: the specs and unit tests most bound to the
 * calendar. The tooltips (every chart's two newest weeks and months) run at the year's end only,
 * where weeks and months end together, to keep `npm test` within 15 minutes.
 */
export const ciDateSpecs = ['insights', 'dates'].map((name) => `test/e2e/${name}.spec.ts`)
export const yearEndSpecs = ['test/e2e/tooltips.spec.ts']
export const ciDateUnitTests = ['test/unit/store', 'test/unit/insights', 'test/unit/data', 'test/unit/demo', 'test/unit/glance']
