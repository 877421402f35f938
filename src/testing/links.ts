/**
 * Reading activation tokens out of email links, whichever way the host app's activation page expects them.
 */
import { readActivationToken } from '../core/activation-token'

/**
 * The activation token in an email link, or `null`. Reads `?token=` from the query first, then the hash in
 * either form the seeds use: `#token=…` or a hash route `#/route?token=…`. Relative links are accepted.
 * The same reader the activation component uses (`readActivationToken`).
 */
export function extractToken(link: string): string | null {
  return readActivationToken(link)
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
