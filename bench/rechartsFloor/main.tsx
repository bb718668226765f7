import { createRoot } from 'react-dom/client'
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts'
import { DASHBOARD_CHARTS } from '../../test/support/dashboardCharts'

/**
 * The least a dashboard of as many recharts charts as ours costs: that many bar charts of 61 months (five
 * years at All) with only the parts each of the app's charts has (grid, two axes with set ticks, a
 * tooltip, one series), none of the app's code or data. `benchRechartsFloor` times this page from
 * navigation to every chart's bars.
 */
const months = Array.from({ length: 61 }, (_, index) => ({ date: `m${index}`, value: (index * 37) % 100 }))
const dateTicks = months.filter((_, index) => index % 12 === 0).map((month) => month.date)

/** How many: `?charts=N` (the charts in the dashboard's first screen), else the whole dashboard's. */
const charts = Number(new URLSearchParams(window.location.search).get('charts')) || DASHBOARD_CHARTS

function FloorCharts() {
  return Array.from({ length: charts }, (_, chart) => (
    <BarChart key={chart} className="floor-chart" width={1200} height={160} data={months}>
      <CartesianGrid vertical={false} />
      <XAxis dataKey="date" ticks={dateTicks} interval={0} />
      <YAxis domain={[0, 100]} ticks={[0, 25, 50, 75, 100]} interval={0} />
      <Tooltip />
      <Bar dataKey="value" isAnimationActive={false} />
    </BarChart>
  ))
}

createRoot(document.getElementById('root')!).render(<FloorCharts />)
