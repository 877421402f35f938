/**
 * Pure helpers to find an activation token in a URL and to take it out again. No `window`, no side effects:
 * they work the same in a browser, on a server and in tests. They read the URL's text as written (absolute,
 * relative, or a mere `?…`/`#…`), so everything but the token comes back unchanged.
 *
 * Where the token may be, in order:
 * 1. the query: `https://app.example/networks?token=…` (seed 003's link);
 * 2. the hash as parameters: `#token=…` or `#?token=…` (the reference demo reads the hash);
 * 3. a hash route's query: `#/activate?token=…&x=1`.
 * The first non-empty value wins; an empty `token=` counts as absent.
 */

/** Name of the URL parameter holding the activation token. */
export const ACTIVATION_TOKEN_PARAM = 'token'

/** A key or value of a query decoded as a form would be (`+` is a space); a malformed escape stays as written. */
function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/**
 * One part of a URL (what precedes `#`, or the hash without `#`), split after its first `?`: the first non-empty
 * `param` value of its parameters (decoded, trimmed), and the part without any `param` piece — the other pieces
 * stay byte for byte, a `?` left with nothing after it goes. In the hash (`hash` true), `token=…` or
 * `a=1&token=…` without a `?` are parameters too, while `/activate` or `section-2` is a route.
 */
function scanPart(text: string, param: string, hash: boolean): [value: string | null, rest: string] {
  const start = text.indexOf('?') + 1 || (hash && !text.startsWith('/') && text.includes('=') ? 0 : text.length)
  let value: string | null = null
  const kept = text
    .slice(start)
    .split('&')
    .filter((piece) => {
      // `key=value` (the value may hold `=`), `key=` or a bare `key`.
      const [key = '', raw = ''] = piece.split(/=(.*)/s)
      if (decode(key) !== param) return piece !== ''
      value ??= decode(raw).trim() || null
      return false
    })
  const head = text.slice(0, start)
  return [value, kept.length ? head + kept.join('&') : head.replace(/\?$/, '')]
}

/** The token in `url` (query first, then the hash) and `url` without any `param` piece. */
function scan(url: string | URL, param: string): [token: string | null, rest: string] {
  const [main = '', hash = ''] = String(url).split(/#(.*)/s)
  const [fromQuery, restMain] = scanPart(main, param, false)
  const [fromHash, restHash] = scanPart(hash, param, true)
  // `#token=x` alone disappears entirely; a route or other parameters stay.
  return [fromQuery ?? fromHash, restHash ? `${restMain}#${restHash}` : restMain]
}

/**
 * The activation token in `url` (query first, then the hash), trimmed, or `null` when there is none.
 * The value is returned as found: check it with `activationTokenSchema` before sending it anywhere.
 */
export function readActivationToken(url: string | URL, param: string = ACTIVATION_TOKEN_PARAM): string | null {
  return scan(url, param)[0]
}

/**
 * `url` without the activation token: the `token` parameter leaves the query and the hash; every other
 * parameter, the path and the hash route stay exactly as written. A relative input gives a relative result.
 */
export function removeTokenFromUrl(url: string | URL, param: string = ACTIVATION_TOKEN_PARAM): string {
  return scan(url, param)[1]
}

/** True when `url` carries an activation token (see `readActivationToken`). */
export function hasActivationToken(url: string | URL, param: string = ACTIVATION_TOKEN_PARAM): boolean {
  return readActivationToken(url, param) !== null
}
