import { useCallback, useRef, useState, type Ref } from 'react'
import { describeEffect } from '../../../shared/insightText'
import { metricSpecs, type MonthReport } from '../../../shared/insights'
import type { Settings } from '../../../shared/settings'
import { api } from '../api'
import { duration, fullDay, number } from '../format'
import { zoneColors } from '../charts/seriesColors'
import { sportName } from '../../../shared/sportName'
import { changeText, metricText } from '../insights/metricFormat'
import { useApiResult } from '../useApiResult'
import { openPage } from '../useHashPage'
import { Button } from '../ui/Button'
import { Card, NoDataYet } from '../ui/Card'
import { downloadFromHost } from '../exchange/transfer'
import { reportImage } from '../report/reportImage'
import { NotableDays } from '../report/NotableDays'
import { ReportDials } from '../report/ReportDials'
import { monthName } from '../report/reportMonths'
import { WeeklySleep, WeeklyStrain } from '../report/WeeklyCharts'
import { ZoneStrip } from '../report/ZoneStrip'

const generatedFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' })

/** A month on paper (print CSS for A4 and Letter): `#/report/YYYY-MM`. */
export function ReportPage({ month, settings }: { month: string | undefined; settings: Settings | undefined }) {
  const load = useCallback(() => api.getReport({ month: month ?? '1970-01' }), [month])
  const result = useApiResult(load)
  const report = month && result?.ok ? result.value : undefined
  const [pageSize, setPageSize] = useState<'A4' | 'Letter'>(navigator.language === 'en-US' ? 'Letter' : 'A4')
  const [saved, setSaved] = useState<string>()
  const body = useRef<HTMLElement>(null)

  async function savePdf() {
    if (!month) return
    const outcome = await api.saveReportPdf({ month, pageSize })
    if (!outcome.ok) return setSaved(outcome.error.message)
    if (outcome.value.printInPage) window.print()
    setSaved(outcome.value.saved ? `Saved to ${outcome.value.file}` : undefined)
  }

  async function saveImage() {
    if (!month || !body.current) return
    const outcome = await api.saveReportImage({ month, png: await reportImage(body.current) })
    if (!outcome.ok) return setSaved(outcome.error.message)
    const { saved: done, downloadUrl, name, file } = outcome.value
    if (downloadUrl && name) await downloadFromHost(downloadUrl, name)
    setSaved(done && !downloadUrl ? `Saved to ${file}` : undefined)
  }

  return (
    <section className="page report" aria-labelledby="report-title" data-testid="report-view" data-month={report?.month}>
      <div className="page-head no-print">
        <label className="field inline">
          <span>Month</span>
          <input type="month" value={month ?? ''} data-testid="report-month" onChange={(event) => event.target.value && openPage('report', event.target.value)} />
        </label>
        <label className="field inline">
          <span>Paper</span>
          <select value={pageSize} onChange={(event) => setPageSize(event.target.value as 'A4' | 'Letter')}>
            <option value="A4">A4</option>
            <option value="Letter">Letter</option>
          </select>
        </label>
        <Button variant="primary" data-testid="report-save-pdf" disabled={!report} onClick={() => void savePdf()}>
          Save as PDF
        </Button>
        <Button data-testid="report-save-image" disabled={!report || !hasData(report)} onClick={() => void saveImage().catch((error: unknown) => setSaved(`The image could not be made (${error instanceof Error ? error.message : String(error)}).`))}>
          Save as image
        </Button>
        {saved && <span role="status">{saved}</span>}
      </div>
      {result && !result.ok && <p className="error" role="alert">{result.error.message}</p>}
      {!month && <NoDataYet />}
      {report && (hasData(report) ? <ReportBody ref={body} report={report} settings={settings} /> : <EmptyMonth report={report} />)}
    </section>
  )
}

function ReportBody({ report, settings, ref }: { report: MonthReport; settings: Settings | undefined; ref: Ref<HTMLElement> }) {
  const zoneTotal = report.zoneDays.green + report.zoneDays.yellow + report.zoneDays.red
  const sleepMetrics = new Set(['asleep', 'sleep-performance', 'consistency', 'efficiency', 'respiratory-rate'])
  const table = (title: string, pick: (metric: string) => boolean) => (
    <table className="figures report-table">
      <caption>{title}</caption>
      <thead>
        <tr>
          <th scope="col">Measure</th>
          <th scope="col">{monthName(report.month)}</th>
          <th scope="col">{monthName(report.previousMonth)}</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {report.measures
          .filter((measure) => pick(measure.metric))
          .map(({ metric, current, previous }) => (
            <tr key={metric} data-testid={`report-${metric}`}>
              <th scope="row">
                {metricSpecs[metric].label}
                {metricSpecs[metric].aggregate === 'sum' ? ' (total)' : ''}
              </th>
              <td>{metricText(metric, current.value, settings)}</td>
              <td>{metricText(metric, previous.value, settings)}</td>
              <td>{changeText(metric, current.value, previous.value, settings)}</td>
            </tr>
          ))}
      </tbody>
    </table>
  )
  return (
    <article ref={ref} className="report-body" data-testid="report-body">
      <header>
        <h1 id="report-title">WHOOP report: {monthName(report.month)}</h1>
        <p className="muted">
          {fullDay(report.from)} – {fullDay(report.to)} · means of days, against {monthName(report.previousMonth)}
        </p>
      </header>
      <ReportDials report={report} settings={settings} />
      <section>
        <h2>Recovery, day by day</h2>
        <p data-testid="report-zones">
          {zoneTotal} days with a recovery:{' '}
          <span style={{ color: zoneColors.green }}>■</span> {report.zoneDays.green} green,{' '}
          <span style={{ color: zoneColors.yellow }}>■</span> {report.zoneDays.yellow} yellow,{' '}
          <span style={{ color: zoneColors.red }}>■</span> {report.zoneDays.red} red.
        </p>
        <ZoneStrip days={report.days} />
      </section>
      <div className="report-pair">
        <section>
          <h2>Sleep by week</h2>
          <WeeklySleep report={report} />
        </section>
        <section>
          <h2>Strain by week</h2>
          <WeeklyStrain report={report} />
        </section>
      </div>
      <section>
        <h2>Days that stood out</h2>
        <NotableDays report={report} settings={settings} />
      </section>
      {table('Recovery and strain', (metric) => !sleepMetrics.has(metric))}
      {table('Sleep', (metric) => sleepMetrics.has(metric))}
      <section>
        <h2>Workouts by sport</h2>
        {report.sports.length === 0 ? (
          <p>No workouts this month.</p>
        ) : (
          <table className="figures report-table">
            <thead>
              <tr>
                <th scope="col">Sport</th>
                <th scope="col">Workouts</th>
                <th scope="col">Time</th>
                <th scope="col">Mean strain</th>
              </tr>
            </thead>
            <tbody>
              {report.sports.map((sport) => (
                <tr key={sport.sport} data-testid="report-sport">
                  <th scope="row">{sportName(sport.sport)}</th>
                  <td>{sport.workouts}</td>
                  <td>{duration(sport.durationMs)}</td>
                  <td>{number(sport.strain, 1)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section>
        <h2>Notable insights</h2>
        {report.notableInsights.length === 0 ? (
          <p>No journal question or tag shows a clear difference in the next morning yet.</p>
        ) : (
          <ul>
            {report.notableInsights.map((insight) => (
              <li key={`${insight.kind}-${insight.question}-${insight.effect.outcome}`}>{describeEffect(insight, insight.effect, true)}</li>
            ))}
          </ul>
        )}
        <p className="muted">From the journal and your tags up to {fullDay(report.to)}; associations in your own data, not causes.</p>
      </section>
      <footer className="report-footer" data-testid="report-footer">
        Data {report.sources.length ? report.sources.join(' and ') : 'none for this month'}; newest stored day{' '}
        {report.lastDate ? fullDay(report.lastDate) : '—'}. Generated by WHOOP Desktop on {generatedFormat.format(new Date(report.generatedAt))}.
      </footer>
    </article>
  )
}

/** Whether any day of the month has a recovery, a strain or a night. */
const hasData = (report: MonthReport) => report.days.some((day) => day.recovery !== null || day.strain !== null || day.asleep !== null)

/** A month without data says so, and offers the last month the history has. */
function EmptyMonth({ report }: { report: MonthReport }) {
  const last = report.lastDate?.slice(0, 7)
  return (
    <Card as="div" className="empty-state" data-testid="report-empty">
      <h1 id="report-title">No data for {monthName(report.month)}</h1>
      <p>{report.lastDate ? `Your history ends on ${fullDay(report.lastDate)}.` : 'There is no data yet.'}</p>
      {last && last !== report.month && (
        <Button variant="primary" data-testid="report-last-month" onClick={() => openPage('report', last)}>
          Show {monthName(last)}
        </Button>
      )}
    </Card>
  )
}
