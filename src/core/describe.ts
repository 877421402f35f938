/**
 * Internal (not re-exported by `core/index.ts`): a developer-facing description of anything thrown, shared by
 * `toNetworkApiError`, the REST adapter's HTTP core and the reference server; and texts several modules share.
 */

/** The package name: prefix of the query keys, the error brand and developer messages. */
export const LIBRARY = 'vue-account-networks'

/** The generic failure sentence: `toNetworkApiError`'s default and `messages.common.genericError`. */
export const GENERIC_ERROR_MESSAGE = 'Something went wrong. Please try again.'

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
