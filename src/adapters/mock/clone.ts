/** Deep copies of plain data (also through Vue reactive proxies), so callers never hold the store's objects. */

/** A deep copy of JSON-like data (objects, arrays, primitives); reactive proxies come out as plain objects. */
export function clonePlain<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => clonePlain(item)) as T
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [key, item] of Object.entries(value)) out[key] = clonePlain(item)
    return out as T
  }
  return value
}
