import { recoveryZone, type Bucket } from '../../shared/dashboard'
import type { Settings } from '../../shared/settings'
import { grouped } from '../../shared/numberText'

const KJ_PER_KCAL = 4.184
const POUNDS_PER_KG = 2.20462
const FEET_PER_METER = 3.28084

/** "7h 32m" from milliseconds; a dash for a gap. */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—'
  const minutes = Math.round(ms / 60_000)
  return minutes >= 60 ? `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m` : `${minutes}m`
}

export function hours(ms: number | null): number | null {
  return ms === null ? null : Math.round((ms / 3_600_000) * 100) / 100
}

export function number(value: number | null | undefined, digits = 0, unit = ''): string {
  if (value === null || value === undefined) return '—'
  return `${value.toFixed(digits)}${unit}`
}

export function energy(kilojoule: number | null | undefined, settings: Settings | undefined): string {
  if (kilojoule === null || kilojoule === undefined) return '—'
  return settings?.energyUnit === 'kcal' ? `${grouped(Math.round(kilojoule / KJ_PER_KCAL))} kcal` : `${grouped(Math.round(kilojoule))} kJ`
}

/** Skin temperature in the person's units: °F under imperial. */
export function temperatureValue(celsius: number | null, settings: Settings | undefined): number | null {
  if (celsius === null) return null
  return settings?.unitSystem === 'imperial' ? (celsius * 9) / 5 + 32 : celsius
}

export function temperatureUnit(settings: Settings | undefined): string {
  return settings?.unitSystem === 'imperial' ? ' °F' : ' °C'
}

export function energyValue(kilojoule: number | null, settings: Settings | undefined): number | null {
  if (kilojoule === null) return null
  return Math.round(settings?.energyUnit === 'kcal' ? kilojoule / KJ_PER_KCAL : kilojoule)
}

export const energyUnit = (settings: Settings | undefined) => (settings?.energyUnit === 'kcal' ? 'kcal' : 'kJ')

export function weight(kilograms: number, settings: Settings | undefined): string {
  return settings?.unitSystem === 'imperial' ? `${(kilograms * POUNDS_PER_KG).toFixed(1)} lb` : `${kilograms.toFixed(1)} kg`
}

export function distance(meters: number, settings: Settings | undefined): string {
  return settings?.unitSystem === 'imperial' ? `${(meters / 1609.344).toFixed(1)} mi` : `${(meters / 1000).toFixed(1)} km`
}

export function height(meters: number, settings: Settings | undefined): string {
  if (settings?.unitSystem !== 'imperial') return `${meters.toFixed(2)} m`
  const inches = Math.round(meters * FEET_PER_METER * 12)
  return `${Math.floor(inches / 12)}′ ${inches % 12}″`
}

/**
 * A date format made when first used: each costs a few milliseconds to make (the first, loading the
 * locale's data, over ten), and the opening page needs only some of them.
 */
export function dateFormat(options: Intl.DateTimeFormatOptions): (date: Date) => string {
  let format: Intl.DateTimeFormat | undefined
  return (date) => (format ??= new Intl.DateTimeFormat(undefined, options)).format(date)
}

const dayFormat = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' })
const fullDayFormat = dateFormat({ weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })
const shortDay = dateFormat({ day: 'numeric', month: 'short', timeZone: 'UTC' })
const monthFormat = dateFormat({ month: 'short', year: 'numeric', timeZone: 'UTC' })

/** A day as a sentence names it: "Tue, Jun 4". */
export function dayName(date: string): string {
  return dayFormat(new Date(`${date}T00:00:00Z`))
}

/** A day with its year, e.g. "Mon 24 Jun 2024". */
export function fullDay(date: string): string {
  return fullDayFormat(new Date(`${date}T00:00:00Z`))
}

const shortDayWithYear = dateFormat({ day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' })

/** How a bucket is named in a tooltip or a chart's table, with its year: a chart can span several. */
export function bucketLabel(date: string, bucket: Bucket): string {
  const at = new Date(`${date}T00:00:00Z`)
  if (bucket === 'day') return fullDayFormat(at)
  if (bucket === 'week') return `Week of ${shortDayWithYear(at)}`
  return monthFormat(at)
}

/** How a bucket is named on an axis: a day with its year where the axis spans years ("Jan 4, 2027"). */
export function axisLabel(date: string, bucket: Bucket, withYear = false): string {
  const at = new Date(`${date}T00:00:00Z`)
  return bucket === 'month' ? monthFormat(at) : (withYear ? shortDayWithYear : shortDay)(at)
}

/** A recovery's zone colour, or muted for a day without one. */
export function recoveryColor(recovery: number | null): string {
  return recovery === null ? 'var(--text-muted)' : `var(--recovery-${recoveryZone(recovery)})`
}

const dateTimeFormat = dateFormat({ dateStyle: 'medium', timeStyle: 'short' })

/** An instant as the person's clock and calendar write it: "Dec 7, 2026, 8:12 AM". */
export function dateTime(at: string | Date): string {
  return dateTimeFormat(new Date(at))
}

/** A file's size: "3.4 MB". */
export function fileSize(bytes: number): string {
  return bytes < 1_048_576 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1_048_576).toFixed(1)} MB`
}
