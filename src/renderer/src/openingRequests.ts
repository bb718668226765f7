import { useCallback, useRef, useState } from 'react'
import type { DayDetail } from '../../shared/insights'
import type { DashboardData } from '../../shared/dashboard'
import type { Result } from '../../shared/result'
import type { Settings } from '../../shared/settings'
import { api } from './api'
import { viewFromAddress, type DashboardView } from './useDashboardView'

/**
 * A request made before the app first renders, for what that render needs: the promise, and the
 * result itself once it has arrived, so the first render can show it rather than a frame without it.
 */
export interface Opening<T> {
  key: string
  result: Promise<Result<T>>
  arrived?: Result<T>
}

function open<T>(key: string, result: Promise<Result<T>>): Opening<T> {
  const opening: Opening<T> = { key, result }
  void result.then((arrived) => (opening.arrived = arrived))
  return opening
}

/** The API's query for a dashboard view. */
export function queryOf({ range, until }: DashboardView) {
  return until ? { range, until } : { range }
}

const keyOf = (view: DashboardView) => `${view.range} ${view.until}`

/**
 * Requested as soon as this module runs: `main.tsx` imports it before anything else, so the
 * requests travel while React and the charts' code are still being evaluated, and have arrived
 * when the app first renders. The dashboard's data and the settings (its units) for whichever page
 * opens, as the app reads both on every page; on Home, also the day Today opens on.
 */
const openingView = viewFromAddress()
const onHome = /^(#\/?)?(dashboard(\/.*)?)?$/.test(window.location.hash)
const openings: { dashboard?: Opening<DashboardData | null>; settings?: Opening<Settings>; day?: Opening<DayDetail | null> } = {
  dashboard: open(keyOf(openingView), api.getDashboard(queryOf(openingView))),
  settings: open('settings', api.getSettings()),
  day: onHome ? open('newest', api.getDay({})) : undefined
}

/** How long the first render waits for the opening requests at most: they are usually back first. */
const FIRST_RENDER_WAIT_MS = 500

/**
 * Resolves when every opening request has arrived (or failed), or after `FIRST_RENDER_WAIT_MS`:
 * the app's first render waits for it, so that it shows the page with its data rather than a
 * frame without, drawn for nothing.
 */
export function openingRequestsBack(): Promise<unknown> {
  const requests = Object.values(openings).map((opening) => opening?.result)
  return Promise.race([Promise.allSettled(requests), new Promise((resolve) => setTimeout(resolve, FIRST_RENDER_WAIT_MS))])
}

/**
 * The opening request for `name` if it was made for `key`; handed out once, as anything asked
 * later must see newer data.
 */
function take<Name extends keyof typeof openings>(name: Name, key: string): (typeof openings)[Name] {
  const opening = openings[name]
  openings[name] = undefined
  return opening?.key === key ? opening : undefined
}

export const openingDashboard = (view: DashboardView) => take('dashboard', keyOf(view))
export const openingSettings = () => take('settings', 'settings')
/**
 * The opening request for Today's day, if it is `date`: the newest day, asked for before the
 * dashboard named it. A sync may land between the two; then `date` is asked for.
 */
export function openingDay(date: string): Opening<DayDetail | null> | undefined {
  const newest = take('day', 'newest')
  const isDate = (result: Result<DayDetail | null>) => result.ok && result.value?.date === date
  if (!newest || (newest.arrived && !isDate(newest.arrived))) return undefined
  return newest.arrived ? newest : { key: date, result: newest.result.then((result) => (isDate(result) ? result : api.getDay({ date }))) }
}

/**
 * For a hook that loads in an effect: the opening request taken at mount, with its result for the
 * first render if it had arrived by then, and `takeUnused` for the effect's first run, which hands
 * over the request once (to await rather than ask again; an arrived one resolves at once to the
 * same result, which React does not render twice), and `undefined` after, or when there was none.
 */
export function useOpening<T>(opening: () => Opening<T> | undefined): { arrived?: Result<T>; takeUnused: () => Promise<Result<T>> | undefined } {
  const [early] = useState(() => {
    const taken = opening()
    return { result: taken?.result, arrived: taken?.arrived }
  })
  const unused = useRef(early.result)
  const takeUnused = useCallback(() => {
    const taken = unused.current
    unused.current = undefined
    return taken
  }, [])
  return { arrived: early.arrived, takeUnused }
}
