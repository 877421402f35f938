/** Failure injection of the mock backend: one-shot queue, per-operation failures and a random failure rate. */
import { NetworkApiError } from '../../core/errors'
import type { NetworkApiErrorInit } from '../../core/errors'
import type { NetworksOperation } from '../../core/adapter'
import type { MockFailure } from './types'

/** The full error each `MockFailure` shorthand stands for. */
export const MOCK_FAILURE_SHORTHANDS = {
  401: { status: 401, type: 'user', message: 'Your session has ended. Sign in again.', reason: 'unauthenticated' },
  403: { status: 403, type: 'user', message: "You don't have access to networks.", reason: 'forbidden' },
  404: { status: 404, type: 'codebase', message: 'This item no longer exists.', reason: 'not_found' },
  429: {
    status: 429,
    type: 'user',
    message: 'Too many requests. Wait a moment and try again.',
    reason: 'rate_limited',
    retryAfter: 2,
  },
  500: { status: 500, type: 'system', message: 'Something went wrong on our side. Please try again.', reason: 'server_error' },
  503: {
    status: 503,
    type: 'system',
    message: 'The service is temporarily unavailable. Please try again in a moment.',
    reason: 'server_error',
  },
  network: {
    status: 0,
    type: 'network',
    message: 'You appear to be offline. Check your connection and try again.',
    reason: 'offline',
  },
  timeout: { status: 0, type: 'network', message: 'The server took too long to answer. Please try again.', reason: 'timeout' },
} as const satisfies Record<Exclude<MockFailure, NetworkApiErrorInit>, NetworkApiErrorInit>

/** The `NetworkApiError` a failure (shorthand or full error data) injects; a fresh instance each time. */
export function mockFailureToError(failure: MockFailure, operation?: NetworksOperation): NetworkApiError {
  const init: NetworkApiErrorInit = typeof failure === 'object' ? failure : MOCK_FAILURE_SHORTHANDS[failure]
  return new NetworkApiError({
    ...init,
    fields: init.fields ? { ...init.fields } : undefined,
    devMessage: init.devMessage ?? `Injected failure${operation ? ` in ${operation}` : ''} (mock backend)`,
  })
}

/** The injected failures, and the choice of which one (if any) a call gets. */
export interface FailureInjector {
  /** Queues a one-shot failure, optionally only for `operation`. */
  failNext(failure: MockFailure, operation?: NetworksOperation): void
  /** Fails a fraction of calls (clamped to 0..1) with `failure`. */
  setFailureRate(rate: number, failure: MockFailure): void
  /** Fails every call of `operation` (or stops, with `null`). */
  failOperation(operation: NetworksOperation, failure: MockFailure | null): void
  /** Removes every injected failure. */
  clear(): void
  /** The failure this call of `operation` gets, consuming a queued one; `null` for none. `random` draws the rate. */
  take(operation: NetworksOperation, random: () => number): MockFailure | null
}

/** Creates an empty failure injector. Precedence: queued one-shots (oldest first), then per-operation, then the rate. */
export function createFailureInjector(): FailureInjector {
  let queue: { failure: MockFailure; operation: NetworksOperation | undefined }[] = []
  let perOperation = new Map<NetworksOperation, MockFailure>()
  let rate = 0
  let rateFailure: MockFailure = 500
  return {
    failNext(failure, operation) {
      queue.push({ failure, operation })
    },
    setFailureRate(value, failure) {
      rate = Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0
      rateFailure = failure
    },
    failOperation(operation, failure) {
      if (failure === null) perOperation.delete(operation)
      else perOperation.set(operation, failure)
    },
    clear() {
      queue = []
      perOperation = new Map()
      rate = 0
      rateFailure = 500
    },
    take(operation, random) {
      const index = queue.findIndex((entry) => entry.operation === undefined || entry.operation === operation)
      if (index !== -1) {
        const [entry] = queue.splice(index, 1)
        if (entry) return entry.failure
      }
      const fixed = perOperation.get(operation)
      if (fixed !== undefined) return fixed
      if (rate > 0 && random() < rate) return rateFailure
      return null
    },
  }
}
