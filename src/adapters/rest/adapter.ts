/**
 * `createRestAdapter`: the `NetworksAdapter` over the Backstack network API (HTTP + JSON).
 * SSR-safe: nothing touches `window` or `fetch` until a method is called.
 */
import * as z from 'zod/mini'
import type { NetworksAdapter, NetworksOperation } from '../../core/adapter'
import { NetworkApiError, toNetworkApiError } from '../../core/errors'
import {
  activationResultSchema,
  countrySchema,
  deleteNetworkResultSchema,
  networkDomainCollectionSchema,
  networkInvitationSchema,
  networkSchema,
  recordListSchema,
} from '../../core/schemas'
import type {
  ActivationResult,
  Country,
  CreateInvitationInput,
  DeleteNetworkResult,
  ListQuery,
  Network,
  NetworkDomain,
  NetworkInvitation,
  RecordList,
  UpdateInvitationInput,
  UpdateNetworkInput,
} from '../../core/types'
import { badResponse, badResponseFromIssues } from './errors'
import { send, type HttpOptions, type HttpRequest, type HttpResult, type RestFetch, type RestHeaders } from './http'
import { fillPath, resolveRoutes, type RestRouteOverrides, type RestRoutePreset, type RestRoutes } from './routes'

/** Default request timeout: 15 seconds. */
export const DEFAULT_TIMEOUT_MS = 15_000
/** Default number of automatic retries of a rate-limited (429) GET. */
export const DEFAULT_MAX_RETRIES = 2
/** Default wait before the first retry of a 429 without `Retry-After`; doubles on each retry. */
export const DEFAULT_RETRY_BASE_DELAY_MS = 500
/** Longest wait before an automatic retry; a `Retry-After` above it is not waited for (the error carries `retryAfter`). */
export const DEFAULT_MAX_RETRY_DELAY_MS = 10_000

/** Options of `createRestAdapter`. */
export interface RestAdapterOptions {
  /** API base URL, absolute (`https://api.backstack.com`) or same-origin (`/api`); route paths are appended. */
  baseUrl: string
  /** A route preset (`backstack`, the seed-003 account API, or `backstack-v1`), or overrides laid over `backstack` (`null` disables an optional operation). @defaultValue 'backstack' */
  routes?: RestRoutePreset | RestRouteOverrides
  /** The `fetch` to call; resolved from `globalThis` at call time when omitted. */
  fetch?: RestFetch
  /** Extra headers, or a function (sync or async) called before every request, e.g. to attach a fresh auth token. */
  headers?: RestHeaders
  /** `credentials` mode of every request. @defaultValue 'same-origin' */
  credentials?: RequestCredentials
  /** Milliseconds before a request (including its body) is abandoned as a `network`/`timeout` error. @defaultValue 15000 */
  timeoutMs?: number
  /** Automatic retries of a GET answered 429 (POST and DELETE are never retried). @defaultValue 2 */
  maxRetries?: number
  /** Wait before the first retry when a 429 has no `Retry-After`, doubled on each further retry. @defaultValue 500 */
  retryBaseDelayMs?: number
  /** Longest automatic wait; when `Retry-After` asks for more, the adapter rejects at once with `retryAfter` set. @defaultValue 10000 */
  maxRetryDelayMs?: number
  /** How to wait before a retry (tests inject a recorder). @defaultValue a `setTimeout` promise */
  sleep?: (ms: number) => Promise<void>
  /** Current time in ms, to read `Retry-After` dates. @defaultValue Date.now */
  now?: () => number
}

/** Options of one `createInvitation` call on the REST adapter. */
export interface CreateInvitationRequestOptions {
  /**
   * The `Idempotency-Key` of this logical submit. Pass the same key when retrying the same submit (after a
   * timeout or an offline error) so the server makes one invitation at most. @defaultValue a fresh UUID v4 per call
   */
  idempotencyKey?: string
}

/** The REST adapter: a `NetworksAdapter` whose `createInvitation` also takes an idempotency key. */
export interface RestAdapter extends NetworksAdapter {
  /** Always `rest`. */
  readonly name: 'rest'
  /** The routes in use after presets and overrides (`null`: the operation is unsupported and its method absent). */
  readonly routes: Readonly<RestRoutes>
  /** Creates an invitation, sending an `Idempotency-Key` header (see `CreateInvitationRequestOptions`). */
  createInvitation(input: CreateInvitationInput, options?: CreateInvitationRequestOptions): Promise<NetworkInvitation>
}

/** A new UUID v4 for an `Idempotency-Key` (uses `crypto.randomUUID`, or `getRandomValues` outside secure contexts). */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto
  if (typeof c?.randomUUID === 'function') return c.randomUUID()
  const bytes = new Uint8Array(16)
  c.getRandomValues(bytes)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/** Outcome of parsing one response body. */
type Parsed<T> = { success: true; data: T } | { success: false; error: z.core.$ZodError }

const invitationListSchema = recordListSchema(networkInvitationSchema)
const networkListSchema = recordListSchema(networkSchema)

/** The account object of seed 000's activation answer, reduced to what `ActivationResult` needs. */
const activatedAccountSchema = z.object({
  id: z.string().check(z.minLength(1)),
  domain_id: z.string(),
  version_id: z.string(),
  user_id: z.optional(z.string()),
  user: z.optional(z.object({ id: z.string() })),
  users: z.optional(z.array(z.object({ id: z.string() }))),
})

/** Countries as a plain array of `{ id, title }` or as a collection `[{ "US": { title } }]` / `[{ "US": "United States" }]`. */
const countriesSchema = z.array(z.union([countrySchema, z.record(z.string().check(z.minLength(1)), z.union([z.string(), z.object({ title: z.string() })]))]))

function normaliseCountries(entries: z.infer<typeof countriesSchema>): Country[] {
  return entries.flatMap((entry) => {
    if (typeof entry.id === 'string' && typeof entry.title === 'string') return [{ id: entry.id, title: entry.title }]
    return Object.entries(entry as Record<string, string | { title: string }>).map(([id, v]) => ({ id, title: typeof v === 'string' ? v : v.title }))
  })
}

/** Normalises both activation shapes: the ids object (seed 003) or the new account object (seed 000). */
export function parseActivationResult(json: unknown): Parsed<ActivationResult> {
  const isAccount = typeof json === 'object' && json !== null && !('account_id' in json) && 'id' in json
  if (!isAccount) return activationResultSchema.safeParse(json)
  const parsed = activatedAccountSchema.safeParse(json)
  if (!parsed.success) return parsed
  const a = parsed.data
  return {
    success: true,
    data: { account_id: a.id, user_id: a.user_id ?? a.user?.id ?? a.users?.[0]?.id ?? '', domain_id: a.domain_id, version_id: a.version_id },
  }
}

const isBadPathValue = (value: unknown): boolean => typeof value !== 'string' || value.trim() === '' || value === '.' || value === '..'

/** What one operation sends besides its route: query, body, headers, and the path value with what it names. */
type RequestParts = Omit<HttpRequest, 'operation' | 'method' | 'path'> & { target?: { value: string; what: string } }

/** The list query as query params (each field by name; the URL leaves out the empty ones). */
function listQuery(query: ListQuery = {}): HttpRequest['query'] {
  return { search: query.search, filter: query.filter, page: query.page, records: query.records }
}

/** Parses a 2xx JSON body with `parse`; a body that is empty, not JSON or of the wrong shape is a `bad_response`. */
function readJson<T>(operation: NetworksOperation, { status, text }: HttpResult, parse: (json: unknown) => Parsed<T>): T {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    throw badResponse(status, operation, text.trim() === '' ? 'the body is empty' : 'the body is not JSON')
  }
  const parsed = parse(json)
  if (!parsed.success) throw badResponseFromIssues(status, operation, parsed.error)
  return parsed.data
}

/**
 * Creates the REST adapter. Operations whose route is `null` (all optional ones in the v1 preset) are absent
 * from the returned object, so `adapterSupports` is false for them. Every method resolves with the domain
 * types (each response parsed with the core schemas) or rejects with a `NetworkApiError`.
 */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  if (typeof options?.baseUrl !== 'string') throw new TypeError('vue-account-networks/rest: `baseUrl` is required.')
  const routes = resolveRoutes(options.routes)
  const http: HttpOptions = {
    baseUrl: options.baseUrl,
    fetch: options.fetch,
    headers: options.headers,
    credentials: options.credentials ?? 'same-origin',
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    retryBaseDelayMs: options.retryBaseDelayMs ?? DEFAULT_RETRY_BASE_DELAY_MS,
    maxRetryDelayMs: options.maxRetryDelayMs ?? DEFAULT_MAX_RETRY_DELAY_MS,
    sleep: options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    now: options.now ?? Date.now,
  }

  /**
   * Sends `operation` (its path filled with `target.value`) and hands the 2xx answer to `read`; never rejects with
   * anything but `NetworkApiError`. A `target` that cannot name anything (it would hit another route) gets the 404
   * the server would give, without a request.
   */
  async function exchange<T>(operation: NetworksOperation, parts: RequestParts, read: (result: HttpResult) => T): Promise<T> {
    try {
      const { target, ...rest } = parts
      if (target && isBadPathValue(target.value)) {
        throw new NetworkApiError({
          status: 404,
          type: 'codebase',
          message: "We couldn't find what you were looking for. It may have been removed.",
          reason: 'not_found',
          devMessage: `${operation}: ${target.what} must be a non-empty string other than "." or ".."; no request was sent.`,
        })
      }
      const route = routes[operation]
      if (!route) throw new NetworkApiError({ status: 0, type: 'codebase', message: 'This action is not available.', reason: 'unsupported', devMessage: `${operation} has no route.` })
      return read(await send(http, { operation, method: route.method, path: fillPath(route.path, target?.value), ...rest }))
    } catch (error) {
      throw toNetworkApiError(error)
    }
  }

  /** Sends `operation` and parses its JSON body with `parse`. */
  function call<T>(operation: NetworksOperation, parts: RequestParts, parse: (json: unknown) => Parsed<T>): Promise<T> {
    return exchange(operation, parts, (result) => readJson(operation, result, parse))
  }

  const adapter: RestAdapter = {
    name: 'rest',
    routes,

    listNetworkDomains: () => call<NetworkDomain[]>('listNetworkDomains', {}, (json) => networkDomainCollectionSchema.safeParse(json)),

    createInvitation(input, requestOptions = {}) {
      const key = requestOptions.idempotencyKey ?? newIdempotencyKey()
      return call<NetworkInvitation>('createInvitation', { body: input, headers: { 'idempotency-key': key } }, (json) => networkInvitationSchema.safeParse(json))
    },

    listInvitations: (query) =>
      call<RecordList<NetworkInvitation>>('listInvitations', { query: listQuery(query) }, (json) => invitationListSchema.safeParse(json)),

    activateInvitation(token) {
      if (typeof token !== 'string' || token.trim() === '') {
        return Promise.reject(
          new NetworkApiError({
            status: 400,
            type: 'user',
            message: 'The activation link has no token.',
            reason: 'token_malformed',
            devMessage: 'activateInvitation: empty token; no request was sent.',
          }),
        )
      }
      return call<ActivationResult>('activateInvitation', { target: { value: token, what: 'the token' } }, parseActivationResult)
    },
  }

  if (routes.listCountries) {
    adapter.listCountries = () =>
      call<Country[]>('listCountries', {}, (json) => {
        const parsed = countriesSchema.safeParse(json)
        return parsed.success ? { success: true, data: normaliseCountries(parsed.data) } : parsed
      })
  }
  if (routes.updateInvitation) {
    adapter.updateInvitation = (id: string, input: UpdateInvitationInput) =>
      call<NetworkInvitation>('updateInvitation', { target: { value: id, what: 'the invitation id' }, body: input ?? {} }, (json) =>
        networkInvitationSchema.safeParse(json),
      )
  }
  if (routes.deleteInvitation) {
    adapter.deleteInvitation = (id: string) => exchange('deleteInvitation', { target: { value: id, what: 'the invitation id' } }, () => undefined)
  }
  if (routes.listNetworks) {
    adapter.listNetworks = (query?: ListQuery) =>
      call<RecordList<Network>>('listNetworks', { query: listQuery(query) }, (json) => networkListSchema.safeParse(json))
  }
  if (routes.getNetwork) {
    adapter.getNetwork = (childAccountId: string) =>
      call<Network>('getNetwork', { target: { value: childAccountId, what: 'the child account id' } }, (json) => networkSchema.safeParse(json))
  }
  if (routes.updateNetwork) {
    adapter.updateNetwork = (childAccountId: string, input: UpdateNetworkInput) =>
      call<Network>('updateNetwork', { target: { value: childAccountId, what: 'the child account id' }, body: input ?? {} }, (json) =>
        networkSchema.safeParse(json),
      )
  }
  if (routes.deleteNetwork) {
    adapter.deleteNetwork = (childAccountId: string) =>
      exchange('deleteNetwork', { target: { value: childAccountId, what: 'the child account id' } }, (result): DeleteNetworkResult =>
        // An empty answer (204) still names the child; the parent is the session's.
        result.text.trim() === ''
          ? { parent_account_id: '', child_account_id: childAccountId }
          : readJson('deleteNetwork', result, (json) => deleteNetworkResultSchema.safeParse(json)),
      )
  }
  return adapter
}
