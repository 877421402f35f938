/**
 * Locale-aware formatting through `Intl`, framework-free. Timestamps are Unix seconds.
 */

/** Formatters bound to one locale. */
export interface NetworkFormatters {
  /** The resolved BCP 47 locale. */
  readonly locale: string
  /** A fee in percent (2.5 -> "2.5%"), at most two decimals. */
  percent(value: number): string
  /** A plain number. */
  number(value: number): string
  /** A date, medium style ("Jan 3, 2026"). */
  date(unixSeconds: number): string
  /** A date and time, medium date + short time. */
  dateTime(unixSeconds: number): string
  /** Relative to `nowSeconds` ("in 2 days", "3 hours ago"), in the largest fitting unit. */
  relative(unixSeconds: number, nowSeconds?: number): string
}

const UNITS: ReadonlyArray<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
  ['second', 1],
]

/** Creates formatters for `locale` (default: the runtime's). Invalid locales fall back to `en`. */
export function createFormatters(locale?: string): NetworkFormatters {
  let resolved: string
  try {
    resolved = new Intl.NumberFormat(locale).resolvedOptions().locale
  } catch {
    resolved = 'en'
  }
  const percentFormat = new Intl.NumberFormat(resolved, { style: 'percent', maximumFractionDigits: 2 })
  const numberFormat = new Intl.NumberFormat(resolved)
  const dateFormat = new Intl.DateTimeFormat(resolved, { dateStyle: 'medium' })
  const dateTimeFormat = new Intl.DateTimeFormat(resolved, { dateStyle: 'medium', timeStyle: 'short' })
  const relativeFormat = new Intl.RelativeTimeFormat(resolved, { numeric: 'auto' })
  return {
    locale: resolved,
    percent: (value) => percentFormat.format(value / 100),
    number: (value) => numberFormat.format(value),
    date: (s) => dateFormat.format(new Date(s * 1000)),
    dateTime: (s) => dateTimeFormat.format(new Date(s * 1000)),
    relative(s, now = Math.floor(Date.now() / 1000)) {
      const diff = s - now
      const abs = Math.abs(diff)
      for (const [unit, size] of UNITS) {
        if (abs >= size || unit === 'second') return relativeFormat.format(Math.round(diff / size), unit)
      }
      return relativeFormat.format(0, 'second')
    },
  }
}
