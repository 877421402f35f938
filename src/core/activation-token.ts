/**
 * Pure helpers to find an activation token in a URL and to take it out again. No `window`, no side effects:
 * they work the same in a browser, on a server and in tests.
 *
 * Where the token may be, in order:
 * 1. the query: `https://app.example/networks?token=…` (seed 003's link);
 * 2. the hash as parameters: `#token=…` or `#?token=…` (the reference demo reads the hash);
 * 3. a hash route's query: `#/activate?token=…&x=1`.
 * The first non-empty value wins; an empty `token=` counts as absent.
 */

/** Name of the URL parameter holding the activation token. */
export const ACTIVATION_TOKEN_PARAM = 'token'

/** Base used to parse relative URLs; never appears in a result. */
const RELATIVE_BASE = 'http://relative.invalid'

interface ParsedUrl {
  url: URL
  relative: boolean
}

function parse(input: string | URL): ParsedUrl | null {
  if (input instanceof URL) return { url: new URL(input.href), relative: false }
  if (typeof input !== 'string') return null
  try {
    return { url: new URL(input), relative: false }
  } catch {
    try {
      return { url: new URL(input, RELATIVE_BASE), relative: true }
    } catch {
      return null
    }
  }
}

function decode(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, ' '))
  } catch {
    return part
  }
}

/** Splits `a=1&b=2` into raw pieces, keeping each exactly as written. */
function pieces(query: string): string[] {
  return query.split('&').filter((piece) => piece !== '')
}

function keyOf(piece: string): string {
  const eq = piece.indexOf('=')
  return decode(eq === -1 ? piece : piece.slice(0, eq))
}

function valueOf(piece: string): string {
  const eq = piece.indexOf('=')
  return eq === -1 ? '' : decode(piece.slice(eq + 1))
}

/** The first non-empty value of `param` in a raw query string (without `?`). */
function findParam(query: string, param: string): string | null {
  for (const piece of pieces(query)) {
    if (keyOf(piece) !== param) continue
    const value = valueOf(piece).trim()
    if (value !== '') return value
  }
  return null
}

/** A raw query without every `param` piece; other pieces stay byte for byte. */
function withoutParam(query: string, param: string): string {
  return pieces(query)
    .filter((piece) => keyOf(piece) !== param)
    .join('&')
}

/** The hash (without `#`) split into its route part and its parameter part. */
function splitHash(hash: string): { route: string; query: string; hasQuestionMark: boolean } {
  const body = hash.startsWith('#') ? hash.slice(1) : hash
  const q = body.indexOf('?')
  if (q !== -1) return { route: body.slice(0, q), query: body.slice(q + 1), hasQuestionMark: true }
  // `#/activate` is a route without parameters; `#token=…` or `#a=1&token=…` are parameters.
  if (body.startsWith('/') || !body.includes('=')) return { route: body, query: '', hasQuestionMark: false }
  return { route: '', query: body, hasQuestionMark: false }
}

/**
 * The activation token in `url` (query first, then the hash), trimmed, or `null` when there is none.
 * The value is returned as found: check it with `activationTokenSchema` before sending it anywhere.
 */
export function readActivationToken(url: string | URL, param: string = ACTIVATION_TOKEN_PARAM): string | null {
  const parsed = parse(url)
  if (!parsed) return null
  const { url: u } = parsed
  const fromQuery = findParam(u.search.replace(/^\?/, ''), param)
  if (fromQuery !== null) return fromQuery
  const { query } = splitHash(u.hash)
  return findParam(query, param)
}

/**
 * `url` without the activation token: the `token` parameter leaves the query and the hash, every other
 * parameter, the path and the hash route stay exactly as written. A relative input gives a relative result
 * (path, query and hash). An unparsable input is returned unchanged.
 */
export function removeTokenFromUrl(url: string | URL, param: string = ACTIVATION_TOKEN_PARAM): string {
  const parsed = parse(url)
  if (!parsed) return String(url)
  const { url: u, relative } = parsed

  const search = withoutParam(u.search.replace(/^\?/, ''), param)
  const { route, query, hasQuestionMark } = splitHash(u.hash)
  const hashQuery = withoutParam(query, param)
  let hash = route
  if (hashQuery !== '') hash += (hasQuestionMark || route !== '' ? '?' : '') + hashQuery
  u.search = search === '' ? '' : `?${search}`
  // `#token=x` alone disappears entirely; a route or other parameters stay.
  u.hash = hash === '' ? '' : `#${hash}`
  if (!relative) return u.href
  const tail = `${u.search}${u.hash}`
  const input = String(url)
  return input.startsWith('?') || input.startsWith('#') ? tail : `${u.pathname}${tail}`
}

/** True when `url` carries an activation token (see `readActivationToken`). */
export function hasActivationToken(url: string | URL, param: string = ACTIVATION_TOKEN_PARAM): boolean {
  return readActivationToken(url, param) !== null
}
