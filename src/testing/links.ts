/**
 * Reading activation tokens out of email links, whichever way the host app's activation page expects them.
 */

const PARSE_BASE = 'http://conformance.invalid/'

function nonEmpty(value: string | null): string | null {
  return value === null || value === '' ? null : value
}

/**
 * The activation token in an email link, or `null`. Reads `?token=` from the query first, then the hash in
 * either form the seeds use: `#token=…` or a hash route `#/route?token=…`. Relative links are accepted.
 */
export function extractToken(link: string): string | null {
  let url: URL
  try {
    url = new URL(link, PARSE_BASE)
  } catch {
    return null
  }
  const fromQuery = nonEmpty(url.searchParams.get('token'))
  if (fromQuery !== null) return fromQuery
  const hash = url.hash.startsWith('#') ? url.hash.slice(1) : url.hash
  if (hash === '') return null
  const question = hash.indexOf('?')
  const params = new URLSearchParams(question === -1 ? hash : hash.slice(question + 1))
  return nonEmpty(params.get('token'))
}

const NEXT_CHAR: Readonly<Record<string, string>> = (() => {
  const map: Record<string, string> = {}
  for (const alphabet of ['abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ', '0123456789', '-_', '.~']) {
    for (let i = 0; i < alphabet.length; i++) map[alphabet[i] as string] = alphabet[(i + 1) % alphabet.length] as string
  }
  return map
})()

/**
 * A token of the same length and alphabet as `token` that differs from it in every character:
 * well-formed for the backend, yet (with overwhelming likelihood) unknown to it.
 */
export function lookalikeToken(token: string): string {
  let out = ''
  for (const char of token) out += NEXT_CHAR[char] ?? 'x'
  return out
}
