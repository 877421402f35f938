import { isNetworkApiError, toNetworkApiError, type NetworkApiError } from '../core/errors'
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
  const error = isNetworkApiError(value) ? value : toNetworkApiError(value, messages.common.genericError)
  const noAccess = error.status === 401 || error.status === 403
  let message = error.message || messages.common.genericError
  if (error.status === 401) message = messages.common.unauthenticated
  else if (error.status === 403) message = messages.common.forbidden
  const retryable = error.type === 'network' || error.type === 'system' || error.status === 429 || error.status >= 500
  return { error, message, retryable, noAccess }
}
