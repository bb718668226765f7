import { Bar, BarChart, CartesianGrid, LabelList, XAxis, YAxis } from 'recharts'
import { addDays } from '../../../shared/calendar'
import type { MonthReport, ReportWeek } from '../../../shared/insights'
import { chartMargin, Legend, horizontalLinesOnly } from '../charts/chartParts'
import { measureColors, seriesColors } from '../charts/seriesColors'
import { number } from '../format'

/*
 * The month by week, drawn at one size and scaled by CSS to the window or the page: a chart the
 * printer lays out never depends on the width the window had. Each bar carries its value, so the
 * page reads without a tooltip.
 */
const WIDTH = 560
const HEIGHT = 190
const dayMonth = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** A week by its days in the month: "Nov 3–9", "Nov 24–30". */
function weekLabel(week: ReportWeek, report: MonthReport): string {
  const first = week.week < report.from ? report.from : week.week
  const start = dayMonth.format(Date.parse(`${first}T00:00:00Z`))
  return week.days === 1 ? start : `${start}–${Number(addDays(first, week.days - 1).slice(8))}`
}

/**
 * A bar's value above it, on one line: recharts' own label wraps its text to the bar's width.
 * A function rather than a component: recharts calls it for each bar.
 */
function barValue(text: (week: ReportWeek) => string) {
  return function BarValue({ x, y, width, value }: { x?: number | string; y?: number | string; width?: number | string; value?: unknown }) {
    if (value === undefined || value === null) return null
    return (
      <text x={Number(x) + Number(width) / 2} y={Number(y) - 4} textAnchor="middle" className="bar-value">
        {text(value as ReportWeek)}
      </text>
    )
  }
}

const hours = (ms: number | null) => (ms === null ? null : ms / 3_600_000)

/** A bar's time as a clock reads it ("7:32"): two bars side by side leave no room for "7h 32m". */
function clockTime(ms: number | null): string {
  if (ms === null) return '—'
  const minutes = Math.round(ms / 60_000)
  return `${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`
}

/** Each week's mean time asleep beside its mean sleep need. */
export function WeeklySleep({ report }: { report: MonthReport }) {
  const data = report.weeks.map((week) => ({ label: weekLabel(week, report), asleep: hours(week.asleep), need: hours(week.need), week }))
  return (
    <figure className="report-chart" data-testid="report-weekly-sleep">
      <BarChart width={WIDTH} height={HEIGHT} data={data} margin={{ ...chartMargin, top: 18 }} title="Sleep against need, by week">
        <CartesianGrid {...horizontalLinesOnly} />
        <XAxis dataKey="label" interval={0} tickLine={false} />
        <YAxis unit=" h" width={44} domain={[0, 'auto']} allowDecimals={false} />
        <Bar dataKey="asleep" name="Asleep" fill={measureColors.asleep} isAnimationActive={false}>
          <LabelList dataKey="week" content={barValue((week) => clockTime(week.asleep))} />
        </Bar>
        <Bar dataKey="need" name="Needed" fill={seriesColors.need} isAnimationActive={false}>
          <LabelList dataKey="week" content={barValue((week) => clockTime(week.need))} />
        </Bar>
      </BarChart>
      <Legend
        items={[
          { key: 'asleep', label: 'Asleep (mean of the week’s nights, h:mm)', color: measureColors.asleep },
          { key: 'need', label: 'Sleep needed (mean)', color: seriesColors.need }
        ]}
      />
    </figure>
  )
}

/** Each week's mean day strain. */
export function WeeklyStrain({ report }: { report: MonthReport }) {
  const data = report.weeks.map((week) => ({ label: weekLabel(week, report), strain: week.strain, week }))
  return (
    <figure className="report-chart" data-testid="report-weekly-strain">
      <BarChart width={WIDTH} height={HEIGHT} data={data} margin={{ ...chartMargin, top: 18 }} title="Day strain, mean of each week">
        <CartesianGrid {...horizontalLinesOnly} />
        <XAxis dataKey="label" interval={0} tickLine={false} />
        <YAxis width={44} domain={[0, 21]} ticks={[0, 7, 14, 21]} />
        <Bar dataKey="strain" name="Day strain" fill={measureColors.strain} isAnimationActive={false}>
          <LabelList dataKey="week" content={barValue((week) => number(week.strain, 1))} />
        </Bar>
      </BarChart>
      <Legend items={[{ key: 'strain', label: 'Day strain (mean of the week’s days, 0–21)', color: measureColors.strain }]} />
    </figure>
  )
}
