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
  // The `format` of `Intl.NumberFormat` and `Intl.DateTimeFormat` is a getter returning a bound function.
  const percentFormat = new Intl.NumberFormat(resolved, { style: 'percent', maximumFractionDigits: 2 }).format
  /** Formats epoch milliseconds: a medium date, with the time in `timeStyle` when given. */
  const dateFormat = (timeStyle?: 'short') => new Intl.DateTimeFormat(resolved, { dateStyle: 'medium', timeStyle }).format
  const date = dateFormat()
  const dateTime = dateFormat('short')
  const relativeFormat = new Intl.RelativeTimeFormat(resolved, { numeric: 'auto' })
  return {
    locale: resolved,
    percent: (value) => percentFormat(value / 100),
    number: new Intl.NumberFormat(resolved).format,
    date: (s) => date(s * 1000),
    dateTime: (s) => dateTime(s * 1000),
    relative(s, now = Math.floor(Date.now() / 1000)) {
      const diff = s - now
      // The largest unit that fits; under a second (or NaN) in seconds.
      const [unit, size] = UNITS.find(([, size]) => Math.abs(diff) >= size) ?? ['second', 1]
      return relativeFormat.format(Math.round(diff / size), unit)
    },
  }
}
