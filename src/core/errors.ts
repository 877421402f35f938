import { GENERIC_ERROR_MESSAGE, LIBRARY, describeThrown } from './describe'

/** Who can fix a failure: the user, the integrating developer, the server, or the connection. */
export type NetworkApiErrorType = 'user' | 'codebase' | 'system' | 'network'

/**
 * A machine-readable reason, finer than the HTTP status, where the API (or adapter) knows one.
 * Components use it to pick a state (an expired token, a used one...). Unknown reasons are kept as strings.
 */
export type NetworkApiErrorReason =
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server_error'
  | 'token_malformed'
  | 'token_invalid'
  | 'token_expired'
  | 'token_used'
  | 'token_revoked'
  | 'token_replaced'
  | 'timeout'
  | 'offline'
  | 'bad_response'
  | 'unsupported'
  | (string & {})

/** Plain data of a `NetworkApiError`, as it crosses a wire or a test. */
export interface NetworkApiErrorInit {
  /** HTTP status (0 when no response arrived). */
  status: number
  /** Who can fix it. */
  type: NetworkApiErrorType
  /** Backstack error code (usually equal to the HTTP status). @defaultValue status */
  code?: number
  /** A sentence fit to show a person. */
  message: string
  /** Input name -> message, for form fields at fault. @defaultValue {} */
  fields?: Record<string, string>
  /** Detail for developers; never shown to users. */
  devMessage?: string
  /** Finer machine-readable reason. */
  reason?: NetworkApiErrorReason
  /** Seconds to wait before retrying (429). */
  retryAfter?: number
}

const BRAND = Symbol.for(`${LIBRARY}.NetworkApiError`)

/** Every field of `init`, present even when undefined, with `code` defaulted and a copy of `fields`. */
function errorData(init: NetworkApiErrorInit): Required<Pick<NetworkApiErrorInit, 'code' | 'fields'>> & NetworkApiErrorInit {
  const { status, type, code, message, fields, devMessage, reason, retryAfter } = init
  return { status, type, code: code ?? status, message, fields: { ...fields }, devMessage, reason, retryAfter }
}

/** The only error an adapter rejects with. `message` is always fit to show a person. */
export class NetworkApiError extends Error {
  /** HTTP status (0 when no response arrived). */
  declare readonly status: number
  /** Who can fix it. */
  declare readonly type: NetworkApiErrorType
  /** Backstack error code. */
  declare readonly code: number
  /** Input name -> message, for form fields at fault. */
  declare readonly fields: Readonly<Record<string, string>>
  /** Detail for developers; never shown to users. */
  declare readonly devMessage: string | undefined
  /** Finer machine-readable reason, when known. */
  declare readonly reason: NetworkApiErrorReason | undefined
  /** Seconds to wait before retrying, when the server said. */
  declare readonly retryAfter: number | undefined
  declare readonly [BRAND]: true

  constructor(init: NetworkApiErrorInit) {
    const { message, ...data } = errorData(init)
    super(message)
    // Every property is set, even when undefined, so that the error always has the same own keys.
    Object.assign(this, data, { name: 'NetworkApiError', fields: Object.freeze(data.fields) })
    Object.defineProperty(this, BRAND, { value: true })
  }

  /** Plain, serialisable data of this error. */
  toJSON(): NetworkApiErrorInit {
    return errorData(this)
  }
}

/** True when `value` is a `NetworkApiError` (also across bundle copies). */
export function isNetworkApiError(value: unknown): value is NetworkApiError {
  try {
    return (value as Record<symbol, unknown>)[BRAND] === true
  } catch {
    // null or undefined, a revoked proxy or a throwing getter: not one of ours.
    return false
  }
}

/**
 * Wraps anything thrown into a `NetworkApiError`: adapters use it so that nothing else ever escapes.
 * A `NetworkApiError` passes through unchanged; anything else becomes a `codebase` error.
 */
export function toNetworkApiError(value: unknown, fallbackMessage = GENERIC_ERROR_MESSAGE): NetworkApiError {
  return isNetworkApiError(value)
    ? value
    : new NetworkApiError({ status: 0, type: 'codebase', message: fallbackMessage, devMessage: describeThrown(value) })
}
