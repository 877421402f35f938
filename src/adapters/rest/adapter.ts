/**
 * `createRestAdapter`: the `NetworksAdapter` over the Backstack network API (HTTP + JSON).
 * SSR-safe: nothing touches `window` or `fetch` until a method is called.
 */
import { array, custom, minLength, object, optional, pipe, string, transform, type z } from 'zod/mini'
import type { NetworksAdapter, NetworksOperation } from '../../core/adapter'
import { NetworkApiError, toNetworkApiError } from '../../core/errors'
import { isPlainObject } from '../../core/guards'
import {
  activationResultSchema,
  deleteNetworkResultSchema,
  describeIssue,
  networkDomainCollectionSchema,
  networkInvitationSchema,
  networkSchema,
  recordListSchema,
} from '../../core/schemas'
import type { ActivationResult, Country, CreateInvitationInput, ListQuery, NetworkInvitation } from '../../core/types'
import { badResponse, defaultMessageForStatus } from './errors'
import { send, type HttpRequest, type RestFetch, type RestHeaders } from './http'
import { fillPath, invalid, resolveRoutes, ROUTE_PARAMS, type RestRoute, type RestRouteOverrides, type RestRoutePreset, type RestRoutes } from './routes'

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
  // Each 0 and 1 of the template becomes a random hex digit, the 8 one of 8-b (the variant); the 4 is the version.
  return '10000000-1000-4000-8000-100000000000'.replace(/[018]/g, (digit) => {
    const d = Number(digit)
    return (d ^ ((c.getRandomValues(new Uint8Array(1))[0] ?? 0) & (15 >> (d / 4)))).toString(16)
  })
}

/** Outcome of parsing one response body. */
type Parsed<T> = { success: true; data: T } | { success: false; error: z.core.$ZodError }

/** What reads a response body: a core schema, or `{ safeParse: parseActivationResult }`. */
interface Parser<T> {
  safeParse(json: unknown): Parsed<T>
}

const invitationListSchema = /* @__PURE__ */ recordListSchema(networkInvitationSchema)
const networkListSchema = /* @__PURE__ */ recordListSchema(networkSchema)

/** An object naming a user by id (seed 000 accounts list their users). */
const withId = /* @__PURE__ */ object({ id: string() })

/** The account object of seed 000's activation answer, as the `ActivationResult` it stands for. */
const activatedAccountSchema = /* @__PURE__ */ pipe(
  object({
    id: string().check(minLength(1)),
    domain_id: string(),
    version_id: string(),
    user_id: optional(string()),
    user: optional(withId),
    users: optional(array(withId)),
  }),
  transform(
    (a): ActivationResult => ({ account_id: a.id, user_id: a.user_id ?? a.user?.id ?? a.users?.[0]?.id ?? '', domain_id: a.domain_id, version_id: a.version_id }),
  ),
)

/**
 * The countries of one entry of a countries answer, or `undefined` when the entry is neither shape: a country
 * `{ id, title }` (non-empty id; other keys ignored), or a collection entry whose every key is a non-empty id naming a
 * title or a `{ title }` (a `__proto__` key is skipped, as zod's `record` skips it). An entry whose `id` and `title`
 * are strings and that also reads as a collection is one country, as it was with the zod union this replaces.
 */
function countriesOf(entry: unknown): Country[] | undefined {
  if (!isPlainObject(entry)) return undefined
  const { id, title } = entry
  const country = typeof id === 'string' && typeof title === 'string' ? [{ id, title }] : undefined
  if (country && id !== '') return country
  const countries: Country[] = []
  for (const [key, value] of Object.entries(entry)) {
    if (key === '__proto__') continue
    const name = typeof value === 'string' ? value : isPlainObject(value) && typeof value.title === 'string' ? value.title : undefined
    if (key === '' || name === undefined) return undefined
    countries.push({ id: key, title: name })
  }
  return country ?? countries
}

/**
 * Countries as a plain array of `{ id, title }` or as a collection `[{ "US": { title } }]` / `[{ "US": "United States" }]`,
 * as `Country[]`. Each entry is checked by `countriesOf` (a zod `custom` check) rather than a zod union of a country
 * and a record: the same answers pass, and a page that reads them does not ship zod's union (0.25 KiB gzip).
 */
const countriesSchema = /* @__PURE__ */ pipe(
  array(custom<Record<string, unknown>>((entry) => countriesOf(entry) !== undefined)),
  transform((entries): Country[] => entries.flatMap((entry) => countriesOf(entry) ?? [])),
)

/** Normalises both activation shapes: the ids object (seed 003) or the new account object (seed 000). */
export function parseActivationResult(json: unknown): Parsed<ActivationResult> {
  const isAccount = typeof json === 'object' && json !== null && !('account_id' in json) && 'id' in json
  return (isAccount ? activatedAccountSchema : activationResultSchema).safeParse(json)
}

/** What one operation sends besides its route: query, body, headers, and the value of its path placeholder. */
type RequestParts = Pick<HttpRequest, 'query' | 'body' | 'headers'> & { param?: string }

/** The list query as query params (each field by name; the URL leaves out the empty ones). */
function listQuery(query: ListQuery = {}): HttpRequest['query'] {
  return { search: query.search, filter: query.filter, page: query.page, records: query.records }
}

/**
 * Creates the REST adapter. Operations whose route is `null` (all optional ones in the v1 preset) are absent
 * from the returned object, so `adapterSupports` is false for them. Every method resolves with the domain
 * types (each response parsed with the core schemas) or rejects with a `NetworkApiError`.
 */
export function createRestAdapter(options: RestAdapterOptions): RestAdapter {
  if (typeof options?.baseUrl !== 'string') invalid('`baseUrl` is required.')
  const routes = resolveRoutes(options.routes)

  /**
   * Sends `operation` (its placeholder filled with `param`) and parses the 2xx JSON body with `schema`; never rejects
   * with anything but `NetworkApiError`. Without `schema` it resolves with `empty`, as it does for an empty body when
   * `empty` is given. A body that is not JSON or of the wrong shape is a `bad_response`. A `param` that cannot name
   * anything (it would hit another route) gets the 404 the server would give, without a request.
   */
  async function call<T>(operation: NetworksOperation, { param, ...parts }: RequestParts, schema?: Parser<T>, empty?: T): Promise<T> {
    try {
      const placeholders = ROUTE_PARAMS[operation]
      if (placeholders.length > 0 && (typeof param !== 'string' || param.trim() === '' || param === '.' || param === '..')) {
        throw new NetworkApiError({
          status: 404,
          type: 'codebase',
          message: defaultMessageForStatus(404),
          reason: 'not_found',
          devMessage: `${operation}: the :${placeholders[0]} value must be a non-empty string other than "." or ".."; no request was sent.`,
        })
      }
      // Only operations with a route have a method.
      const route = routes[operation] as RestRoute
      const { status, text } = await send(options, { operation, method: route.method, path: fillPath(route.path, param), ...parts })
      if (!schema || (empty && text.trim() === '')) return empty as T
      let json: unknown
      try {
        json = JSON.parse(text)
      } catch {
        throw badResponse(status, operation, text.trim() === '' ? 'the body is empty' : 'the body is not JSON')
      }
      const parsed = schema.safeParse(json)
      if (!parsed.success) throw badResponse(status, operation, describeIssue(parsed.error))
      return parsed.data
    } catch (error) {
      throw toNetworkApiError(error)
    }
  }

  const adapter: RestAdapter = {
    name: 'rest',
    routes,
    listNetworkDomains: () => call('listNetworkDomains', {}, networkDomainCollectionSchema),
    createInvitation: (input, requestOptions) =>
      call('createInvitation', { body: input, headers: { 'idempotency-key': requestOptions?.idempotencyKey ?? newIdempotencyKey() } }, networkInvitationSchema),
    listInvitations: (query) => call('listInvitations', { query: listQuery(query) }, invitationListSchema),
    activateInvitation: (token) =>
      typeof token !== 'string' || token.trim() === ''
        ? Promise.reject(
            new NetworkApiError({
              status: 400,
              type: 'user',
              message: 'The activation link has no token.',
              reason: 'token_malformed',
              devMessage: 'activateInvitation: empty token; no request was sent.',
            }),
          )
        : call('activateInvitation', { param: token }, { safeParse: parseActivationResult }),
    listCountries: () => call('listCountries', {}, countriesSchema),
    updateInvitation: (id, input) => call('updateInvitation', { param: id, body: input ?? {} }, networkInvitationSchema),
    deleteInvitation: (id) => call<void>('deleteInvitation', { param: id }),
    listNetworks: (query) => call('listNetworks', { query: listQuery(query) }, networkListSchema),
    getNetwork: (childAccountId) => call('getNetwork', { param: childAccountId }, networkSchema),
    updateNetwork: (childAccountId, input) => call('updateNetwork', { param: childAccountId, body: input ?? {} }, networkSchema),
    // An empty answer (204) still names the child; the parent is the session's.
    deleteNetwork: (childAccountId) =>
      call('deleteNetwork', { param: childAccountId }, deleteNetworkResultSchema, { parent_account_id: '', child_account_id: childAccountId }),
  }
  for (const [operation, route] of Object.entries(routes)) {
    if (!route) delete (adapter as Partial<RestAdapter>)[operation as NetworksOperation]
  }
  return adapter
}
