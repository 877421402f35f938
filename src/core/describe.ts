/**
 * Internal (not re-exported by `core/index.ts`): a developer-facing description of anything thrown, shared by
 * `toNetworkApiError`, the REST adapter's HTTP core and the reference server.
 */

/** `Name: message` for an `Error`, `String(value)` otherwise; never throws itself. */
export function describeThrown(value: unknown): string {
  try {
    return value instanceof Error ? `${value.name}: ${value.message}` : String(value)
  } catch {
    // No prototype, a throwing toString or getter, a revoked proxy...
    try {
      return Object.prototype.toString.call(value)
    } catch {
      return '(unprintable value)'
    }
  }
}
