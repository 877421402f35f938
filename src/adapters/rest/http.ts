/**
 * The HTTP core of the REST adapter: builds the URL, sends JSON with the host's headers, applies the
 * timeout, retries a rate-limited GET, and turns every failure into a `NetworkApiError`.
 */
import { describeThrown } from '../../core/describe'
import { isNetworkApiError, toNetworkApiError, type NetworkApiError } from '../../core/errors'
import type { NetworksOperation } from '../../core/adapter'
import { errorFromResponse, networkError, parseRetryAfter } from './errors'
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

/** Resolved options of the HTTP core. */
export interface HttpOptions {
  /** API base URL, without trailing slash concerns. */
  baseUrl: string
  /** Injected fetch; `globalThis.fetch` at call time when undefined. */
  fetch: RestFetch | undefined
  /** Host headers or headers function. */
  headers: RestHeaders | undefined
  /** `credentials` of every request. */
  credentials: RequestCredentials
  /** Budget of one attempt (response and body), in ms. */
  timeoutMs: number
  /** Automatic retries of a GET answered 429. */
  maxRetries: number
  /** First backoff without `Retry-After`, doubled per retry. */
  retryBaseDelayMs: number
  /** Longest automatic wait. */
  maxRetryDelayMs: number
  /** Waits before a retry. */
  sleep: (ms: number) => Promise<void>
  /** Current time in ms. */
  now: () => number
}

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
  const q = path.indexOf('?')
  const pathname = q === -1 ? path : path.slice(0, q)
  const params = new URLSearchParams(q === -1 ? '' : path.slice(q + 1))
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue
    params.set(key, String(value))
  }
  const search = params.toString()
  return `${baseUrl.replace(/\/+$/, '')}${pathname}${search ? `?${search}` : ''}`
}

/** Sends one request (with the retries it deserves) and resolves with the 2xx body text; rejects with `NetworkApiError` only. */
export async function send(options: HttpOptions, request: HttpRequest): Promise<HttpResult> {
  const url = buildUrl(options.baseUrl, request.path, request.query)
  const retries = request.method === 'GET' ? Math.max(0, Math.floor(options.maxRetries)) : 0
  for (let attempt = 0; ; attempt++) {
    const response = await attemptOnce(options, request, url, attempt)
    if (response.ok) return { status: response.status, text: response.text }
    const error = errorFromResponse(response.status, response.text, response.retryAfter, options.now())
    if (response.status !== 429 || attempt >= retries) throw error
    const delay = retryDelay(options, response.retryAfter, attempt)
    if (delay === undefined) throw error
    await options.sleep(delay)
  }
}

/** Milliseconds to wait before retry `attempt + 1`, or `undefined` when the server asks for longer than the cap. */
function retryDelay(options: HttpOptions, header: string | null, attempt: number): number | undefined {
  const seconds = parseRetryAfter(header, options.now())
  if (seconds === undefined) return Math.min(options.maxRetryDelayMs, options.retryBaseDelayMs * 2 ** attempt)
  const ms = seconds * 1000
  return ms > options.maxRetryDelayMs ? undefined : ms
}

interface AttemptResult {
  ok: boolean
  status: number
  text: string
  retryAfter: string | null
}

async function attemptOnce(options: HttpOptions, request: HttpRequest, url: string, attempt: number): Promise<AttemptResult> {
  const headers = new Headers({ accept: 'application/json' })
  if (request.body !== undefined) headers.set('content-type', 'application/json')
  try {
    const extra = typeof options.headers === 'function' ? await options.headers({ operation: request.operation, method: request.method, url, attempt }) : options.headers
    if (extra) new Headers(extra).forEach((value, key) => headers.set(key, value))
  } catch (error) {
    throw toNetworkApiError(error, 'Something went wrong while preparing the request. Please try again.')
  }
  for (const [key, value] of Object.entries(request.headers ?? {})) headers.set(key, value)

  const controller = new AbortController()
  let timedOut: NetworkApiError | undefined
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = networkError('timeout', `${request.operation}: no complete answer within ${options.timeoutMs} ms.`)
      controller.abort()
      reject(timedOut)
    }, options.timeoutMs)
  })
  timeout.catch(() => {})
  try {
    const doFetch = options.fetch ?? ((input: string, init: RequestInit) => globalThis.fetch(input, init))
    const exchange = (async () => {
      const response = await doFetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        credentials: options.credentials,
        signal: controller.signal,
      })
      const text = await response.text()
      return { ok: response.ok, status: response.status, text, retryAfter: response.headers.get('retry-after') }
    })()
    exchange.catch(() => {})
    return await Promise.race([exchange, timeout])
  } catch (error) {
    if (isNetworkApiError(error)) throw error
    if (timedOut) throw timedOut
    throw networkError('offline', `${request.operation}: the request failed before an answer arrived (${describeThrown(error)}).`)
  } finally {
    clearTimeout(timer)
  }
}
