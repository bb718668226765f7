import { createContext, useContext, useLayoutEffect, useMemo, useRef, useState, type ReactElement } from 'react'
import { openPage } from '../useHashPage'
import { awaitIdle, awaitTurn } from './chartTurns'

/**
 * Inside it, charts in view draw in their turn at once, those near view (within half a screen) in
 * turns right after, and the others when the page is idle, or at once when scrolled to. The
 * dashboard's long page uses it; a report, printed whole, does not.
 */
export const DrawNearView = createContext(false)

type DrawChart = (width: number) => ReactElement

/**
 * A chart as wide as its card: measured before the first paint and again when the card resizes, so
 * the chart is drawn once at its real width and its axis knows how many labels fit. It draws what
 * it is given in its turn (`chartTurns`); until then it shows what it was given before, or keeps
 * its space, and is marked busy.
 */
export function ChartBox({ height, children }: { height: number; children: DrawChart }) {
  const ref = useRef<HTMLDivElement>(null)
  const [width, setWidth] = useState(0)
  const [drawn, setDrawn] = useState<DrawChart>()
  const nearViewOnly = useContext(DrawNearView)
  const [inView, setInView] = useState(!nearViewOnly)
  const [near, setNear] = useState(!nearViewOnly)
  useLayoutEffect(() => {
    const box = ref.current!
    setWidth(Math.floor(box.clientWidth))
    const observer = new ResizeObserver(() => setWidth(Math.floor(box.clientWidth)))
    observer.observe(box)
    return () => observer.disconnect()
  }, [])
  useLayoutEffect(() => {
    if (!nearViewOnly) return
    const box = ref.current!
    const margin = Math.round(window.innerHeight / 2)
    // Known before the first paint, so a chart in view takes its turn at once; then followed.
    const { top, bottom } = box.getBoundingClientRect()
    setInView(bottom > 0 && top < window.innerHeight)
    setNear(bottom > -margin && top < window.innerHeight + margin)
    const observers = [
      new IntersectionObserver(([entry]) => setInView(entry.isIntersecting)),
      new IntersectionObserver(([entry]) => setNear(entry.isIntersecting), { rootMargin: `${margin}px 0px` })
    ]
    for (const observer of observers) observer.observe(box)
    return () => observers.forEach((observer) => observer.disconnect())
  }, [nearViewOnly])
  // What was last drawn, so that coming into view does not queue a chart drawn while idle again.
  const shown = useRef<DrawChart>(undefined)
  useLayoutEffect(() => {
    if (shown.current === children) return
    const draw = () => {
      shown.current = children
      setDrawn(() => children)
    }
    // In view: in the turns the drawn mark waits for; near it: in turns once those are painted.
    return near ? awaitTurn(draw, inView) : awaitIdle(draw)
  }, [children, near, inView])
  // The same element while neither changes, so a chart waiting for its turn is not redrawn meanwhile.
  const chart = useMemo(() => (width > 0 ? drawn?.(width) : undefined), [drawn, width])
  // Enter on the focused chart opens the day its tooltip shows (a week's or month's first day).
  const openShownDay = () => {
    const date = ref.current?.querySelector<HTMLElement>('[data-testid="chart-tooltip"][data-date]')?.dataset.date
    if (date) openPage('day', date)
  }
  // A click opens the day under the pointer. Recharts moves its tooltip one animation frame after
  // the pointer, and a tap, or a click that arrives with the pointer, comes in the same frame: the
  // tooltip would still show the day it showed before. So the tooltip is moved to the click first,
  // and read once recharts has drawn it there.
  const openClickedDay = (event: MouseEvent) => {
    const wrapper = ref.current?.querySelector('.recharts-wrapper')
    if (!wrapper) return
    wrapper.dispatchEvent(new MouseEvent('mousemove', { clientX: event.clientX, clientY: event.clientY, bubbles: true }))
    requestAnimationFrame(() => requestAnimationFrame(openShownDay))
  }
  return (
    <div
      ref={ref}
      className="chart-box"
      style={{ height }}
      aria-busy={drawn !== children}
      onClick={(event) => openClickedDay(event.nativeEvent)}
      onKeyDown={(event) => event.key === 'Enter' && openShownDay()}
    >
      {chart}
    </div>
  )
}

