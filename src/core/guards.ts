/**
 * Internal (not re-exported by `core/index.ts`): type guards several modules share (the REST adapter reading
 * answers, the messages merge, the reference server and the conformance checks reading bodies).
 */

/** True for a plain JSON-like object: an object that is neither `null` nor an array. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
