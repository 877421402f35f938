/**
 * Turns what came over the wire (an error response, a failed fetch, a timeout, a malformed payload)
 * into a `NetworkApiError`. Pure functions, no I/O.
 */
import type { z } from 'zod/mini'
import { NetworkApiError, type NetworkApiErrorReason, type NetworkApiErrorType } from '../../core/errors'
import { backstackErrorBodySchema, describeIssue } from '../../core/schemas'

/** Message of a request that could not reach the server. */
export const OFFLINE_MESSAGE = "Can't reach the server. Check your connection and try again."
/** Message of a request that timed out. */
export const TIMEOUT_MESSAGE = 'The server took too long to answer and the request timed out. Please try again.'
/** Message of a response the adapter could not understand. */
export const BAD_RESPONSE_MESSAGE = 'The server sent an answer the app could not understand. Please try again later.'

/** The reason an HTTP status implies, when the body does not give one. */
export function reasonForStatus(status: number): NetworkApiErrorReason | undefined {
  if (status === 400 || status === 422) return 'validation'
  if (status === 401) return 'unauthenticated'
  if (status === 403) return 'forbidden'
  if (status === 404) return 'not_found'
  if (status === 429) return 'rate_limited'
  if (status >= 500) return 'server_error'
  return undefined
}

/** A sentence fit to show a person for an error status whose body had no message. */
export function defaultMessageForStatus(status: number): string {
  switch (status) {
    case 400:
    case 422:
      return 'Some of the information is not valid. Check it and try again.'
    case 401:
      return 'Your session has ended. Sign in again to continue.'
    case 403:
      return "You don't have permission to do this."
    case 404:
      return "We couldn't find what you were looking for. It may have been removed."
    case 408:
      return TIMEOUT_MESSAGE
    case 409:
      return 'This changed in the meantime. Reload and try again.'
    case 429:
      return 'Too many requests. Wait a moment and try again.'
    default:
      if (status >= 500) return 'The server had a problem. Please try again in a moment.'
      return 'Something went wrong. Please try again.'
  }
}

function typeForStatus(status: number): NetworkApiErrorType {
  return status >= 500 ? 'system' : 'user'
}

const KNOWN_TYPES: ReadonlySet<string> = new Set(['user', 'codebase', 'system'])

/**
 * Parses a `Retry-After` header value: delta seconds or an HTTP date (relative to `now`, ms).
 * Returns whole seconds (at least 0), or `undefined` when absent or unreadable.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  if (value == null) return undefined
  const text = value.trim()
  if (text === '') return undefined
  if (/^\d+$/.test(text)) return Number(text)
  if (/^\d+\.\d+$/.test(text)) return Math.ceil(Number(text))
  const date = Date.parse(text)
  if (Number.isNaN(date)) return undefined
  return Math.max(0, Math.ceil((date - now) / 1000))
}

/**
 * Maps a failed HTTP response to a `NetworkApiError`. A Backstack error body keeps its type, code, message,
 * fields, dev_message and reason; a body that is not JSON (an HTML 502 page) becomes a `system` error;
 * JSON of another shape falls back to defaults by status.
 */
export function errorFromResponse(status: number, bodyText: string, retryAfterHeader?: string | null, now?: number): NetworkApiError {
  const retryAfter = parseRetryAfter(retryAfterHeader, now)
  const fallbackReason = reasonForStatus(status)
  let json: unknown
  try {
    json = bodyText.trim() === '' ? undefined : JSON.parse(bodyText)
  } catch {
    return new NetworkApiError({
      status,
      type: 'system',
      message: defaultMessageForStatus(status),
      devMessage: `HTTP ${status} with a body that is not JSON (${bodyText.length} characters; not quoted, it may echo the URL).`,
      reason: fallbackReason,
      retryAfter,
    })
  }
  const parsed = backstackErrorBodySchema.safeParse(json)
  if (!parsed.success) {
    return new NetworkApiError({
      status,
      type: typeForStatus(status),
      message: defaultMessageForStatus(status),
      devMessage:
        json === undefined ? `HTTP ${status} with an empty body.` : `HTTP ${status} without a Backstack error object (${describeIssue(parsed.error)}).`,
      reason: fallbackReason,
      retryAfter,
    })
  }
  const error = parsed.data.error
  const type = error.type !== undefined && KNOWN_TYPES.has(error.type) ? (error.type as NetworkApiErrorType) : typeForStatus(status)
  const message = error.message !== undefined && error.message.trim() !== '' ? error.message : defaultMessageForStatus(status)
  return new NetworkApiError({
    status,
    type,
    code: error.code ?? status,
    message,
    fields: error.fields ?? {},
    devMessage: error.dev_message,
    reason: error.reason !== undefined && error.reason !== '' ? error.reason : fallbackReason,
    retryAfter,
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

/** A `bad_response` error naming the first bad field of a zod error. */
export function badResponseFromIssues(status: number, operation: string, error: z.core.$ZodError): NetworkApiError {
  return badResponse(status, operation, describeIssue(error))
}

/** A `network` error for a request that never got an answer. */
export function networkError(reason: 'offline' | 'timeout', devMessage: string): NetworkApiError {
  return new NetworkApiError({ status: 0, type: 'network', message: reason === 'offline' ? OFFLINE_MESSAGE : TIMEOUT_MESSAGE, reason, devMessage })
}
