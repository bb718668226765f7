import { useLayoutEffect, type RefObject } from 'react'
import { flushSync } from 'react-dom'

/**
 * Charts take turns to draw, as many per task as fit in its budget. Recharts took 5–170 ms to draw
 * one of the dashboard's charts (timed per chart, 5 years of data, 2 cores), and much of that in
 * its own effects after React's commit. Drawn all in one task, twelve froze the page for up to a
 * third of a second; in turns, input is handled between any two tasks, each chart is on screen as
 * soon as it is ready, and the page can tell when the last one is (`useDrawnMark`).
 */

type Turn = () => void
/** Charts in view: the drawn mark waits for these. */
const waiting: Turn[] = []
/** Charts near view (within half a screen): drawn in turns too, once those in view are on screen. */
const near: Turn[] = []
const listeners = new Set<() => void>()
const channel = new MessageChannel()
// A message, not a timer: browsers hold nested timers back to 4 ms each.
channel.port1.onmessage = takeTurns

/**
 * A task draws charts until it has taken a frame's time: redraws of a few milliseconds share a
 * task, and one that takes tens of milliseconds (a first drawing, five years at All) ends it, so no
 * task runs much longer than the costliest chart.
 */
const TASK_BUDGET_MS = 16

function takeTurns() {
  const start = performance.now()
  const queue = waiting.length ? waiting : near
  while (queue.length && performance.now() - start < TASK_BUDGET_MS) {
    // Drawn now, in this task, rather than whenever React would schedule it.
    flushSync(queue.shift()!)
  }
  if (waiting.length) channel.port2.postMessage(null)
  else {
    if (queue === waiting) notify()
    // After the next frame, so that what is in view is painted before anything else is drawn.
    if (near.length) requestAnimationFrame(() => channel.port2.postMessage(null))
  }
}

function notify() {
  for (const listener of listeners) listener()
}

/**
 * Queues `draw` behind the charts already waiting, in view (counted by the drawn mark) or near it;
 * the returned function takes it out again.
 */
export function awaitTurn(draw: Turn, inView = true): () => void {
  const queue = inView ? waiting : near
  queue.push(draw)
  if (waiting.length + near.length === 1) channel.port2.postMessage(null)
  if (inView && waiting.length === 1) notify()
  return () => {
    const index = queue.indexOf(draw)
    if (index < 0) return
    queue.splice(index, 1)
    if (inView && !waiting.length) notify()
  }
}

/**
 * Charts out of view draw when the page is idle, one per idle period, so that they are ready when
 * scrolled to without delaying what is in view. They are not counted by the drawn mark.
 */
const idle: Turn[] = []
/** A page that is never idle (a busy machine, a timer that keeps firing) still draws them within this. */
const IDLE_WAIT = { timeout: 500 }

/**
 * One chart per idle period, however long the period: what the next chart costs is not known (5 to
 * 70 ms here), and three drawn in one period made a task of 105 ms, longer than any in view.
 */
function drawWhileIdle() {
  // Called at its deadline while charts in or near view wait for their turns: they come first.
  if (idle.length && waiting.length + near.length === 0) flushSync(idle.shift()!)
  if (idle.length) requestIdleCallback(drawWhileIdle, IDLE_WAIT)
}

/** Queues `draw` for when the page is idle; the returned function takes it out again. */
export function awaitIdle(draw: Turn): () => void {
  idle.push(draw)
  if (idle.length === 1) requestIdleCallback(drawWhileIdle, IDLE_WAIT)
  return () => {
    const index = idle.indexOf(draw)
    if (index >= 0) idle.splice(index, 1)
  }
}

/**
 * Sets `attribute` of the element `ref` holds to `value` while every chart shows what it was last
 * given, and removes it while any waits for its turn: the mark that tests and the benchmark wait
 * for. It is written to the element, not rendered, as a page rendered again whenever its charts
 * finish would hand them new content, and they would take turns forever. A chart handed new data
 * queues its turn in a layout effect, before this one (children's effects run first).
 */
export function useDrawnMark(ref: RefObject<HTMLElement | null>, attribute: string, value: string | undefined): void {
  useLayoutEffect(() => {
    const element = ref.current
    if (!element) return
    const mark = () => {
      if (value !== undefined && waiting.length === 0) element.setAttribute(attribute, value)
      else element.removeAttribute(attribute)
    }
    mark()
    listeners.add(mark)
    return () => {
      listeners.delete(mark)
    }
  }, [ref, attribute, value])
}
