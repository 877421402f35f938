import { toNetworkApiError, type NetworkApiError } from '../core/errors'
import type { NetworkMessages } from '../messages'

/** How a component should present a failure. */
export interface DescribedError {
  /** The error, normalised. */
  error: NetworkApiError
  /** A sentence fit to show (401/403 get the library's own wording). */
  message: string
  /** Whether trying again may help (network, rate limit, server errors). */
  retryable: boolean
  /** True for 401/403: the person lacks access rather than the request being wrong. */
  noAccess: boolean
}

/**
 * Normalises any thrown value and picks the message a person should see. Never throws. Only `messages.common` is
 * read: pass the full messages object or just `{ common }`.
 */
export function describeError(value: unknown, messages: Pick<NetworkMessages, 'common'>): DescribedError {
  const { common } = messages
  const error = toNetworkApiError(value, common.genericError)
  const { status, type } = error
  return {
    error,
    message: status === 401 ? common.unauthenticated : status === 403 ? common.forbidden : error.message || common.genericError,
    retryable: type === 'network' || type === 'system' || status === 429 || status >= 500,
    noAccess: status === 401 || status === 403,
  }
}
