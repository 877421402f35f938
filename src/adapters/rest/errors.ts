/**
 * Turns what came over the wire (an error response, a failed fetch, a timeout, a malformed payload)
 * into a `NetworkApiError`. Pure functions, no I/O.
 */
import { GENERIC_ERROR_MESSAGE } from '../../core/describe'
import { NetworkApiError, type NetworkApiErrorReason, type NetworkApiErrorType } from '../../core/errors'
import { backstackErrorBodySchema, describeIssue } from '../../core/schemas'

/** Message of a request that could not reach the server. */
export const OFFLINE_MESSAGE = "Can't reach the server. Check your connection and try again."
/** Message of a request that timed out. */
export const TIMEOUT_MESSAGE = 'The server took too long to answer and the request timed out. Please try again.'
/** Message of a response the adapter could not understand. */
export const BAD_RESPONSE_MESSAGE = 'The server sent an answer the app could not understand. Please try again later.'

const INVALID = 'Some of the information is not valid. Check it and try again.'

/** The reason and the default message of each status below 500 that has its own. */
const STATUSES: Partial<Record<number, [reason: NetworkApiErrorReason | undefined, message: string]>> = {
  400: ['validation', INVALID],
  401: ['unauthenticated', 'Your session has ended. Sign in again to continue.'],
  403: ['forbidden', "You don't have permission to do this."],
  404: ['not_found', "We couldn't find what you were looking for. It may have been removed."],
  408: [undefined, TIMEOUT_MESSAGE],
  409: [undefined, 'This changed in the meantime. Reload and try again.'],
  422: ['validation', INVALID],
  429: ['rate_limited', 'Too many requests. Wait a moment and try again.'],
}

/** The reason an HTTP status implies, when the body does not give one. */
export function reasonForStatus(status: number): NetworkApiErrorReason | undefined {
  return status >= 500 ? 'server_error' : STATUSES[status]?.[0]
}

/** A sentence fit to show a person for an error status whose body had no message. */
export function defaultMessageForStatus(status: number): string {
  return STATUSES[status]?.[1] ?? (status >= 500 ? 'The server had a problem. Please try again in a moment.' : GENERIC_ERROR_MESSAGE)
}

/** The error types a Backstack body may name (`network` is the adapter's own). */
const KNOWN_TYPES: readonly (string | undefined)[] = ['user', 'codebase', 'system']

/**
 * Parses a `Retry-After` header value: delta seconds or an HTTP date (relative to `now`, ms).
 * Returns whole seconds (at least 0), or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim()
  if (!text) return undefined
  if (/^\d+(\.\d+)?$/.test(text)) return Math.ceil(Number(text))
  const date = Date.parse(text)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000))
}

/**
 * Maps a failed HTTP response to a `NetworkApiError`. A Backstack error body keeps its type, code, message,
 * fields, dev_message and reason; a body that is not JSON (an HTML 502 page) becomes a `system` error;
 * JSON of another shape falls back to defaults by status.
 */
export function errorFromResponse(status: number, bodyText: string, retryAfterHeader?: string | null, now?: number): NetworkApiError {
  let json: unknown
  let notJson = false
  try {
    json = bodyText.trim() === '' ? undefined : JSON.parse(bodyText)
  } catch {
    notJson = true
  }
  const parsed = backstackErrorBodySchema.safeParse(json)
  // Every field of the Backstack error object is optional, so a body of another shape reads as an empty one.
  const body = parsed.data?.error ?? {}
  return new NetworkApiError({
    status,
    type: notJson ? 'system' : KNOWN_TYPES.includes(body.type) ? (body.type as NetworkApiErrorType) : status >= 500 ? 'system' : 'user',
    code: body.code,
    message: body.message?.trim() ? body.message : defaultMessageForStatus(status),
    fields: body.fields,
    devMessage: notJson
      ? `HTTP ${status} with a body that is not JSON (${bodyText.length} characters; not quoted, it may echo the URL).`
      : parsed.success
        ? body.dev_message
        : json === undefined
          ? `HTTP ${status} with an empty body.`
          : `HTTP ${status} without a Backstack error object (${describeIssue(parsed.error)}).`,
    reason: body.reason || reasonForStatus(status),
    retryAfter: parseRetryAfter(retryAfterHeader, now),
  })
}

/** A `codebase` error for a 2xx payload the adapter could not read (not JSON, or the wrong shape). */
export function badResponse(status: number, operation: string, detail: string): NetworkApiError {
  return new NetworkApiError({
    status,
    type: 'codebase',
    message: BAD_RESPONSE_MESSAGE,
    devMessage: `${operation}: unexpected response (HTTP ${status}): ${detail}`,
    reason: 'bad_response',
  })
}

/** A `network` error for a request that never got an answer. */
export function networkError(reason: 'offline' | 'timeout', devMessage: string): NetworkApiError {
  return new NetworkApiError({ status: 0, type: 'network', message: reason === 'offline' ? OFFLINE_MESSAGE : TIMEOUT_MESSAGE, reason, devMessage })
}
