import { isPlainObject } from '../core/guards'
import type { NetworkMessages, NetworkMessagesOverride } from './index'

/*
 * Merging helpers with no message data of their own: components import only their area's defaults (and
 * `common`) plus these, so a component alone ships its own strings, not every area's.
 */

/** An area of the messages: `common`, `form`, `invitations`, `networks` or `activation`. */
export type MessageArea = keyof NetworkMessages

/** `base` with `override` merged in per key (objects deeply; `undefined` keeps the base value). */
export function deepMerge<T>(base: T, override: unknown): T {
  if (!isPlainObject(base) || !isPlainObject(override)) return (override === undefined ? base : override) as T
  const out: Record<string, unknown> = { ...base }
  // `out[key]` is `base[key]` (own or inherited); for a key the base lacks it is `undefined`, and the override wins.
  for (const [key, value] of Object.entries(override)) if (value !== undefined) out[key] = deepMerge(out[key], value)
  return out as T
}

/**
 * One area's messages: its English `defaults` with the host's override for that area merged in per key
 * (the same result as `resolveMessages(overrides)[area]`). Returns `defaults` itself when nothing is overridden.
 */
export function resolveAreaMessages<A extends MessageArea>(
  overrides: NetworkMessagesOverride | undefined,
  area: A,
  defaults: NetworkMessages[A],
): NetworkMessages[A] {
  return deepMerge(defaults, overrides?.[area])
}
