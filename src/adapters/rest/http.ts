/**
 * The HTTP core of the REST adapter: builds the URL, sends JSON with the host's headers, applies the
 * timeout, retries a rate-limited GET, and turns every failure into a `NetworkApiError`.
 */
import { describeThrown } from '../../core/describe'
import { isNetworkApiError, toNetworkApiError } from '../../core/errors'
import type { NetworksOperation } from '../../core/adapter'
import type { RestAdapterOptions } from './adapter'
import { errorFromResponse, networkError } from './errors'
import type { RestMethod } from './routes'

/** The `fetch` the adapter calls: the platform one or any compatible function. */
export type RestFetch = (input: string, init: RequestInit) => Promise<Response>

/** What the `headers` function is told about the request it decorates. */
export interface RestRequestInfo {
  /** The adapter operation. */
  operation: NetworksOperation
  /** HTTP method. */
  method: RestMethod
  /** Full request URL. */
  url: string
  /** 0 for the first attempt, 1.. for automatic retries. */
  attempt: number
}

/** Extra request headers: a fixed set, or a function (sync or async) called before every request, e.g. for a fresh token. */
export type RestHeaders = HeadersInit | ((request: RestRequestInfo) => HeadersInit | Promise<HeadersInit>)

/** Default request timeout: 15 seconds. */
export const DEFAULT_TIMEOUT_MS = 15_000
/** Default number of automatic retries of a rate-limited (429) GET. */
export const DEFAULT_MAX_RETRIES = 2
/** Default wait before the first retry of a 429 without `Retry-After`; doubles on each retry. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 500
/** Longest wait before an automatic retry; a `Retry-After` above it is not waited for (the error carries `retryAfter`). */
export const DEFAULT_MAX_RETRY_DELAY_MS = 10_000

/** Options of the HTTP core: the adapter's options, whose defaults it applies. */
export type HttpOptions = Omit<RestAdapterOptions, 'routes'>

/** One request of the HTTP core. */
export interface HttpRequest {
  /** The adapter operation (for messages and the headers function). */
  operation: NetworksOperation
  /** HTTP method. */
  method: RestMethod
  /** Filled path, with its fixed query string if any. */
  path: string
  /** Query params to add; `undefined`, `null` and `''` are left out. */
  query?: Record<string, string | number | undefined | null>
  /** JSON body; `undefined` sends none. */
  body?: unknown
  /** Extra headers set last (e.g. `Idempotency-Key`). */
  headers?: Record<string, string>
}

/** A successful response: status and the raw body text. */
export interface HttpResult {
  /** HTTP status (2xx). */
  status: number
  /** Raw body text. */
  text: string
}

/** Joins `baseUrl`, a path that may carry a query string, and extra query params. */
export function buildUrl(baseUrl: string, path: string, query: HttpRequest['query'] = {}): string {
  const [pathname, fixed] = path.split(/\?(.*)/s)
  const params = new URLSearchParams(fixed)
  for (const [key, value] of Object.entries(query)) {
    if (value != null && value !== '') params.set(key, String(value))
  }
  const search = params.toString()
  return `${baseUrl.replace(/\/+$/, '')}${pathname}${search && `?${search}`}`
}

/**
 * Sends one request (with the retries it deserves) and resolves with the 2xx body text; rejects with `NetworkApiError` only.
 * Each attempt asks the `headers` option afresh and has `timeoutMs` for the response and its body; a GET answered 429
 * is retried after `Retry-After` (or the doubling backoff) unless that wait is above `maxRetryDelayMs`.
 */
export async function send(options: HttpOptions, request: HttpRequest): Promise<HttpResult> {
  const { operation, method, body } = request
  const url = buildUrl(options.baseUrl, request.path, request.query)
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const maxDelay = options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS
  for (let attempt = 0; ; attempt++) {
    const headers = new Headers({ accept: 'application/json' })
    if (body !== undefined) headers.set('content-type', 'application/json')
    try {
      const extra = typeof options.headers === 'function' ? await options.headers({ operation, method, url, attempt }) : options.headers
      for (const source of [extra, request.headers]) new Headers(source).forEach((value, key) => headers.set(key, value))
    } catch (error) {
      throw toNetworkApiError(error, 'Something went wrong while preparing the request. Please try again.')
    }

    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    // The race also covers a fetch that ignores the abort signal. The timeout settles first, so it wins the race
    // over the rejection that aborting causes.
    const [response, text] = await Promise.race([
      (async () => {
        const answer = await (options.fetch ?? fetch)(url, {
          method,
          headers,
          body: JSON.stringify(body),
          credentials: options.credentials ?? 'same-origin',
          signal: controller.signal,
        })
        return [answer, await answer.text()] as const
      })(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          reject(networkError('timeout', `${operation}: no complete answer within ${timeoutMs} ms.`))
          controller.abort()
        }, timeoutMs)
      }),
    ])
      .catch((error: unknown) => {
        throw isNetworkApiError(error) ? error : networkError('offline', `${operation}: the request failed before an answer arrived (${describeThrown(error)}).`)
      })
      .finally(() => clearTimeout(timer))

    if (response.ok) return { status: response.status, text }
    const error = errorFromResponse(response.status, text, response.headers.get('retry-after'), (options.now ?? Date.now)())
    const delay =
      error.retryAfter === undefined ? Math.min(maxDelay, (options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS) * 2 ** attempt) : error.retryAfter * 1000
    if (response.status !== 429 || method !== 'GET' || attempt >= Math.floor(options.maxRetries ?? DEFAULT_MAX_RETRIES) || delay > maxDelay) throw error
    await (options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))))(delay)
  }
}
