import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { expect, saveScreenshot, test } from './fixtures'
import { DASHBOARD_CHARTS } from '../support/dashboardCharts'

/** Every chart of the dashboard, drawn: recovery 5, sleep 3, strain 4. */
const widths = [800, 1280, 1920, 2560] as const
const themes = ['light', 'dark'] as const
const pages = ['dashboard', 'day', 'trends', 'insights', 'compare', 'report', 'data', 'settings'] as const

/** What shows that a page is drawn, where it is more than its heading. */
const drawn: Partial<Record<(typeof pages)[number], string>> = {
  day: '[data-testid="day-recovery"] svg.dial',
  trends: '[data-testid="recovery-calendar"] .calendar-day',
  insights: '[data-testid="strain-recovery"] svg.recharts-surface',
  compare: '[data-drawn-compare] [data-testid="compare-series-y"] svg.recharts-surface',
  report: '[data-testid="report-footer"]'
}

async function openPage(page: Page, name: (typeof pages)[number]) {
  // The day view has no tab: a person opens it from a chart or the address; Compare from Insights.
  if (name === 'day') await page.evaluate(() => (window.location.hash = '#/day'))
  else if (name === 'compare') await page.getByTestId('insights-link').click().then(() => page.getByTestId('insights-compare-link').click())
  else await page.getByTestId(`${name}-link`).click()
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible()
  if (name === 'dashboard') await expect(page.locator('.chart-card svg.recharts-surface')).toHaveCount(DASHBOARD_CHARTS)
  if (drawn[name]) await expect(page.locator(drawn[name]).first()).toBeVisible()
}

/**
 * The page's layout problems a person would see: sideways scrolling, axis labels that touch or are
 * cut, a partial month's word over the next bar, a calendar's days cut off.
 */
async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const root = document.scrollingElement!
    if (root.scrollWidth > root.clientWidth) problems.push(`the page scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`)
    for (const svg of document.querySelectorAll<SVGSVGElement>('svg.recharts-surface')) {
      const name = svg.querySelector('title')?.textContent ?? 'a chart'
      const frame = svg.getBoundingClientRect()
      // A chart sits in its card, or on the report's page in its figure.
      const card = svg.closest('.card, .report-chart')!.getBoundingClientRect()
      if (frame.left < card.left || frame.right > card.right) problems.push(`${name} sticks out of its card`)
      // A partial week's or month's word lies over its own bar: not over a bar beside it, nor cut.
      const bars = [...svg.querySelectorAll('.recharts-bar-rectangle')].map((bar) => bar.getBoundingClientRect())
      for (const label of svg.querySelectorAll('.partial-label')) {
        const word = label.getBoundingClientRect()
        const middle = (word.left + word.right) / 2
        const besideIt = bars.filter((bar) => bar.width > 0 && bar.height > 0 && (bar.right < middle || bar.left > middle))
        const overOne = besideIt.some((bar) => bar.left < word.right && word.left < bar.right && bar.top < word.bottom && word.top < bar.bottom)
        if (overOne) problems.push(`${name}: "${label.textContent}" lies over the bar beside its own`)
        if (word.left < frame.left || word.right > frame.right) problems.push(`${name}: "${label.textContent}" is cut at the chart's edge`)
      }
      // Recharts draws each axis's labels in one group, above the plot.
      for (const axis of svg.querySelectorAll('.recharts-cartesian-axis-tick-labels')) {
        const boxes = [...axis.querySelectorAll('.recharts-cartesian-axis-tick-value')].map((label) => ({
          text: label.textContent,
          box: label.getBoundingClientRect()
        }))
        for (const { text, box } of boxes) {
          if (box.left < frame.left - 0.5 || box.right > frame.right + 0.5 || box.top < frame.top - 0.5 || box.bottom > frame.bottom + 0.5) {
            problems.push(`${name}: "${text}" is cut at the chart's edge`)
          }
        }
        boxes.forEach((a, index) =>
          boxes.slice(index + 1).forEach((b) => {
            const apart = a.box.right <= b.box.left || b.box.right <= a.box.left || a.box.bottom <= b.box.top || b.box.bottom <= a.box.top
            if (!apart) problems.push(`${name}: "${a.text}" overlaps "${b.text}"`)
          })
        )
      }
    }
    // A year of days: the newest, at the end, in sight within its card, not scrolled out of it.
    for (const calendar of document.querySelectorAll('.calendar')) {
      const card = calendar.closest('.card')!.getBoundingClientRect()
      const newest = calendar.lastElementChild!.getBoundingClientRect()
      if (newest.right > card.right || newest.left < card.left) problems.push(`the calendar's newest day is cut off: ${newest.right} > ${card.right}`)
      // A whole week's column: its seven days evenly spaced, the named weekdays' rows no taller than the others.
      const days = [...calendar.querySelectorAll<HTMLElement>('.calendar-day')]
      const week = days.filter((day) => day.style.gridColumn === days[days.length - 8].style.gridColumn).map((day) => day.getBoundingClientRect().top)
      const steps = week.slice(1).map((top, index) => top - week[index])
      if (week.length !== 7 || Math.max(...steps) - Math.min(...steps) > 1) problems.push(`the calendar's weekdays are unevenly spaced: ${steps.map(Math.round).join(', ')} px apart`)
    }
    return problems
  })
}

// A theme changes colours, never sizes: the dark theme is laid out at one width, the light at all four.
const widthsOf = (theme: (typeof themes)[number]) => (theme === 'light' ? widths : ([1280] as const))

test('every page at 800, 1280, 1920 and 2560 px (and dark at 1280): no sideways scroll, no touching or cut axis labels', async ({ page, host }) => {
  test.setTimeout(180_000)
  await page.goto(host.url)
  await page.getByTestId('demo-button').click()
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme })
    for (const width of widthsOf(theme)) {
      await page.setViewportSize({ width, height: 900 })
      for (const name of pages) {
        await openPage(page, name)
        for (const range of name === 'dashboard' ? (['1w', '1m', '3m', '6m', '1y', 'all'] as const) : [null]) {
          if (range) {
            await page.getByTestId(`range-${range}`).click()
            await expect(page.getByTestId(`range-${range}`)).toHaveAttribute('aria-checked', 'true')
            await expect(page.locator('.chart-card svg.recharts-surface')).toHaveCount(DASHBOARD_CHARTS)
          }
          // Polled: charts redraw at their new width once the resize has been observed.
          await expect.poll(() => layoutProblems(page), { message: `${name} ${range ?? ''} at ${width} px, ${theme}` }).toEqual([])
        }
        await saveScreenshot(page, `layout-${name}-${width}-${theme}`)
        // A full-page screenshot resizes the page (its scrollbar goes): the charts must follow it back.
        await expect.poll(() => layoutProblems(page), { message: `${name} after a resize at ${width} px, ${theme}` }).toEqual([])
      }
    }
  }
})

test('axe finds no WCAG 2 A/AA violation on any page, light and dark', async ({ page, host }) => {
  test.setTimeout(120_000)
  await page.goto(host.url)
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme })
    const welcome = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
    expect(welcome.violations.map(describe), `welcome, ${theme}`).toEqual([])
  }
  await page.getByTestId('demo-button').click()
  for (const theme of themes) {
    await page.emulateMedia({ colorScheme: theme })
    for (const name of pages) {
      await openPage(page, name)
      const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze()
      expect(result.violations.map(describe), `${name}, ${theme}`).toEqual([])
    }
  }
})

const describe = (violation: { id: string; nodes: { target: unknown; failureSummary?: string }[] }) =>
  `${violation.id}: ${violation.nodes.map((node) => `${JSON.stringify(node.target)} ${node.failureSummary ?? ''}`).join(' | ')}`
