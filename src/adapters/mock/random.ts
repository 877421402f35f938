/**
 * Randomness of the mock: a seeded pseudo-random generator for deterministic demo data, ids and latency,
 * and `crypto.getRandomValues` for secrets (activation tokens), which must never be predictable.
 */

/** A deterministic pseudo-random generator (mulberry32). Not for secrets. */
export interface MockRandom {
  /** Next float in `[0, 1)`. */
  next(): number
  /** Next integer in `[min, max]` (inclusive). */
  int(min: number, max: number): number
  /** A random element of a non-empty array. */
  pick<T>(items: readonly T[]): T
  /** `length` random characters from `[a-z0-9]`. */
  chars(length: number): string
}

const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyz0123456789'

/** Creates a mulberry32 generator from a 32-bit seed; the same seed always gives the same sequence. */
export function createRandom(seed: number): MockRandom {
  let state = Math.trunc(seed) >>> 0
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1))
  return {
    next,
    int,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('pick() needs a non-empty array')
      return items[int(0, items.length - 1)] as T
    },
    chars(length: number): string {
      let out = ''
      for (let i = 0; i < length; i++) out += ALPHANUMERIC[int(0, ALPHANUMERIC.length - 1)]
      return out
    },
  }
}

const BASE64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** Encodes bytes as unpadded base64url (RFC 4648 §5). */
export function base64url(bytes: Uint8Array): string {
  let out = ''
  let i = 0
  for (; i + 2 < bytes.length; i += 3) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0)
    out += BASE64URL[(n >>> 18) & 63]! + BASE64URL[(n >>> 12) & 63]! + BASE64URL[(n >>> 6) & 63]! + BASE64URL[n & 63]!
  }
  const rest = bytes.length - i
  if (rest === 1) {
    const n = (bytes[i] ?? 0) << 16
    out += BASE64URL[(n >>> 18) & 63]! + BASE64URL[(n >>> 12) & 63]!
  } else if (rest === 2) {
    const n = ((bytes[i] ?? 0) << 16) | ((bytes[i + 1] ?? 0) << 8)
    out += BASE64URL[(n >>> 18) & 63]! + BASE64URL[(n >>> 12) & 63]! + BASE64URL[(n >>> 6) & 63]!
  }
  return out
}

/** Bytes of entropy in an activation token (256 bits). */
export const TOKEN_BYTES = 32

/** A fresh secret activation token: 256 bits from `crypto.getRandomValues`, base64url (43 characters). */
export function createToken(): string {
  const bytes = new Uint8Array(TOKEN_BYTES)
  globalThis.crypto.getRandomValues(bytes)
  return base64url(bytes)
}
