import type { TodayGlance } from './todayGlance'

const whole = (value: number) => Math.round(value).toString()

/** "Recovery 24% — red", or "Recovery not scored yet". */
export function recoveryWords(glance: TodayGlance): string {
  return glance.recovery === null ? 'Recovery not scored yet' : `Recovery ${whole(glance.recovery)}% — ${glance.zone}`
}

/** "HRV 38 ms, below your usual 50–73", or just "HRV 38 ms" without a usual range yet. */
export function hrvWords(glance: TodayGlance): string | null {
  if (glance.hrv === null) return null
  const usual = glance.hrvUsual
  if (!usual) return `HRV ${whole(glance.hrv)} ms`
  const [shown, low, high] = [glance.hrv, usual.low, usual.high].map(Math.round)
  const where = shown < low ? 'below' : shown > high ? 'above' : 'within'
  return `HRV ${shown} ms, ${where} your usual ${low}–${high}`
}

/** The tray icon's tooltip: "Recovery 68% · HRV 54 ms · synced 08:12". */
export function trayTooltip(glance: TodayGlance | null, syncedAt: number | null, timeZone?: string): string {
  const parts = ['WHOOP Desktop']
  if (glance) {
    const day = glance.isToday ? '' : ` (${dayWords(glance.date)})`
    parts.push(glance.recovery === null ? `Recovery not scored yet${day}` : `Recovery ${whole(glance.recovery)}%${day}`)
    if (glance.hrv !== null) parts.push(`HRV ${whole(glance.hrv)} ms`)
  }
  if (syncedAt !== null) parts.push(`synced ${new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', timeZone }).format(syncedAt)}`)
  return parts.join(' · ')
}

/** The tray menu's first lines: the day's three numbers, each dated when it is not today's. */
export function glanceLines(glance: TodayGlance | null): string[] {
  if (!glance) return ['No data yet']
  const day = glance.isToday ? '' : ` · ${dayWords(glance.date)}`
  return [
    `${glance.recovery === null ? 'Recovery not scored yet' : `Recovery ${whole(glance.recovery)}% (${glance.zone})`}${day}`,
    `Sleep ${glance.sleepPerformance === null ? '—' : `${whole(glance.sleepPerformance)}%`}${day}`,
    `Strain ${glance.strain === null ? '—' : glance.strain.toFixed(1)}${day}`
  ]
}

/** "5 Dec", for a day that is not today. */
function dayWords(date: string): string {
  return new Intl.DateTimeFormat(undefined, { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.parse(`${date}T00:00:00Z`))
}
