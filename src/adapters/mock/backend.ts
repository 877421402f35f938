/**
 * The mock backend: an in-memory, Backstack-like networks server whose state lives in a Pinia store.
 *
 * Behaviour where the API documentation is silent (all deliberate, see the tests):
 * - Status is derived from the mock clock: `active` once activated, else `expired` when `now >= expires`
 *   (the expiry second itself is already expired), else `pending`.
 * - Updating an expired invitation renews it (the natural "resend"): new token, expiry restarts. Updating an
 *   active (accepted) one is refused (400, reason `invitation_active`).
 * - Deleting an active invitation is allowed (history removal); the network and child account stay.
 * - Emails are compared case-insensitively. An email that already belongs to a user of any account, or that has a
 *   pending (not expired) invitation from the same parent, is refused on `fields.email`.
 * - Unknown and forbidden (not subordinate) domains get the same `fields.domain_id` message, so the
 *   hierarchy does not leak. An unknown `country_id` is refused on `fields.country_id`.
 * - Ids passed as arguments (invitation id, child account id) that fail `idSchema` are `codebase` 400 errors;
 *   well-formed ids the session cannot see are `codebase` 404 `not_found`, as if absent.
 * - Every operation except `activateInvitation` needs a session (401) and the access listed in
 *   `MOCK_ACCESS_CHECKS` (403); `listNetworkDomains` and `listCountries` need only a session.
 * - Retired tokens (replaced, deleted, or used-then-deleted) are kept in `retiredTokens` keyed by the token itself:
 *   acceptable for a mock; a real server would keep only a hash.
 * - Networks offer one filter, `proposed`: networks with a pending fee proposal.
 * - Lists sort newest first: `created` descending, then id ascending.
 *
 * Performance: reads go to the store's raw state (`toRaw`, no reactive proxies). List queries use a per-parent
 * sorted index (see `./listing`) with per-row columns (lower-cased search text; for invitations `activated` and
 * `expires`, for networks whether a fee is proposed), dropped on every change made through the store (`mutate`, or
 * any `$patch` / `$state` assignment by the host, seen by a `$subscribe`) and whenever the array, its length (or,
 * for networks, the accounts array) changes. Status is never cached: filters derive it from the clock at query
 * time, and the returned views are built from the live records. Host code should change the state with
 * `store.$patch`: an in-place assignment outside `$patch` (e.g. `store.invitations[0].email = …`, as devtools
 * edits do) to a listed row's fields is seen by searches, filters and ordering only after the next change through
 * the store.
 */
import * as z from 'zod/mini'
import { createPinia } from 'pinia'
import { reactive, toRaw } from 'vue'
import { readActivationToken } from '../../core/activation-token'
import { checkAccess } from '../../core/access'
import type { AccessMap } from '../../core/access'
import type { NetworksOperation } from '../../core/adapter'
import { NetworkApiError, toNetworkApiError } from '../../core/errors'
import { pageCount, resolveListQuery } from '../../core/list'
import type { ResolvedListQuery } from '../../core/list'
import {
  activationTokenSchema,
  createInvitationInputSchema,
  idSchema,
  listQuerySchema,
  fieldErrors,
  sameEmail,
  updateInvitationInputSchema,
  updateNetworkInputSchema,
} from '../../core/schemas'
import { INVITATION_STATUSES } from '../../core/types'
import type { ActivationResult, InvitationStatus, Network, NetworkDomain, NetworkInvitation, RecordList } from '../../core/types'
import { clonePlain } from './clone'
import { codebaseError, fieldError, forbiddenError, notFoundError, tokenError, unauthenticatedError, unsupportedError, zodFieldError } from './errors'
import { createFailureInjector, mockFailureToError } from './failures'
import { MOCK_IDS } from './ids'
import { firstById, idsWhoseTitleContains, lowerCased, Memo, newestFirst, pageOf, ParentIndex } from './listing'
import type { SortedRows } from './listing'
import { createRandom, createToken } from './random'
import type { MockRandom } from './random'
import { buildSeed, FULL_ACCESS, MOCK_VERSION_ID } from './seed'
import { MOCK_STORE_ID, mockStoreVersion, useMockBackendStore } from './store'
import { activationLink, invitationEmail, loginEmail, nameFromEmail, titleFromEmail } from './text'
import type {
  MockAccount,
  MockBackend,
  MockBackendOptions,
  MockBackendState,
  MockEmail,
  MockInvitationRecord,
  MockLatency,
  MockNetworkRecord,
  MockSession,
  MockUser,
} from './types'

/** Default start of the mock clock: 2026-01-01T10:00:00Z. */
export const MOCK_DEFAULT_NOW = 1767261600
/** Default invitation lifetime: 48 hours. */
export const MOCK_DEFAULT_INVITATION_LIFETIME = 172800
/** Default activation page of the host application. */
export const MOCK_DEFAULT_NETWORK_URL = 'https://app.example/networks'
/** Default login page put in login-instructions emails. */
export const MOCK_DEFAULT_LOGIN_URL = 'https://app.example/login'
/** Default seed of the demo data and the pseudo-random generator. */
export const MOCK_DEFAULT_SEED = 1
/** Filters offered by the networks list: `proposed` = networks with a pending fee proposal. */
export const MOCK_NETWORK_FILTERS: readonly string[] = ['proposed']

/** The access check (see `checkAccess`) each operation needs; `null` = a session is enough (or none, for activation). */
export const MOCK_ACCESS_CHECKS: Readonly<Record<NetworksOperation, string | null>> = {
  listNetworkDomains: null,
  listCountries: null,
  createInvitation: 'account-network-invitations:c,account-networks:c',
  listInvitations: 'account-network-invitations:r,account-networks:r',
  updateInvitation: 'account-network-invitations:u',
  deleteInvitation: 'account-network-invitations:d',
  activateInvitation: null,
  listNetworks: 'account-networks:r,account-network:r',
  getNetwork: 'account-network:r,account-networks:r',
  updateNetwork: 'account-network:u',
  deleteNetwork: 'account-network:d',
}

/** The server side of the adapter operations (synchronous, no latency or injected failures). */
type MockApi = MockBackend['api']

/** Messages of the business-rule field errors. */
const MESSAGES = {
  domain: 'Choose one of the listed account types.',
  country: 'Choose one of the listed countries.',
  feeOff: 'Fees are not available for this application.',
  emailPending: 'An invitation to this email is already pending.',
  emailUser: 'This email address already has an account. Invite a different address.',
  filter: 'Choose one of the offered filters.',
} as const

/** Status of a stored invitation at `now` (`now >= expires` is expired). */
export function mockInvitationStatus(record: Pick<MockInvitationRecord, 'activated' | 'expires'>, now: number): InvitationStatus {
  if (record.activated !== null) return 'active'
  return now >= record.expires ? 'expired' : 'pending'
}

/** A short description of a value for developer messages. */
function describeValue(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}

/** Normalises a latency setting: whole non-negative milliseconds, range ordered. */
function normalizeLatency(latency: MockLatency | undefined): MockLatency {
  const ms = (value: number): number => (Number.isFinite(value) ? Math.max(0, Math.round(value)) : 0)
  if (typeof latency === 'number') return ms(latency)
  if (Array.isArray(latency)) {
    const [a = 0, b = 0] = latency as readonly number[]
    const low = ms(a)
    const high = ms(b)
    return low <= high ? [low, high] : [high, low]
  }
  return 0
}

/** Creates an in-memory mock backend with deterministic demo data (see `MockBackendOptions`). */
export function createMockBackend(options: MockBackendOptions = {}): MockBackend {
  const original: MockBackendOptions = { ...options }
  const pinia = options.pinia ?? createPinia()
  const store = useMockBackendStore(pinia, options.storeId ?? MOCK_STORE_ID)
  const failures = createFailureInjector()
  let random: MockRandom = createRandom(MOCK_DEFAULT_SEED)

  /**
   * The live state, raw (no reactive proxies, no dependency tracking): for reads only. Change it only inside
   * `mutate`, through the reactive state it passes, so that Vue, Pinia and devtools see every change.
   */
  const state = (): MockBackendState => toRaw(store.$state) as MockBackendState
  /**
   * The live state through its reactive proxy: the control accessors (clock, session, accounts, outbox...) read it,
   * so a host's computed or template that shows them follows every change. The API's hot paths use `state()`.
   */
  const live = (): MockBackendState => store.$state as MockBackendState

  /** The account `actAs` answers as while its `fn` runs; `undefined` outside it (the store's session applies). */
  let actingAs: string | undefined
  /** Whom the API answers as: the `actAs` account inside it, else the one signed in to `s` (the raw state unless told). */
  const sessionAccountId = (s = state()): string | null => actingAs ?? s.session.accountId

  /** Bumped on every change made through the store (any `$patch`, ours or the host's); in every cache's fingerprint. */
  const version = mockStoreVersion(store)

  /** Runs `change` as one `$patch` (one devtools entry); errors thrown inside are rethrown after the patch. */
  function mutate<T>(change: (s: MockBackendState) => T): T {
    let result: { value: T } | { error: unknown } = { error: new Error('mutation did not run') }
    try {
      store.$patch((s) => {
        try {
          result = { value: change(s as MockBackendState) }
        } catch (error) {
          result = { error }
        }
      })
    } finally {
      version.value += 1
    }
    const outcome = result as { value: T } | { error: unknown }
    if ('error' in outcome) throw outcome.error
    return outcome.value
  }

  /**
   * The reactive view of `row`, a record already found in the raw state: write through it (inside `mutate`) so Vue,
   * Pinia and devtools see the change, without looking the record up again.
   */
  const writable = <T extends object>(row: T): T => reactive(row) as T

  // ---- list indexes (see ./listing) -------------------------------------------------------------------------------

  const invitationIndex = new ParentIndex<MockInvitationRecord>(
    (record) => record.parent_account_id,
    newestFirst(
      (record) => record.created,
      (record) => record.id,
    ),
  )
  const networkIndex = new ParentIndex<MockNetworkRecord>(
    (network) => network.parent_account_id,
    newestFirst(
      (network) => network.created,
      (network) => network.child_account_id,
    ),
  )
  const accountMap = new Memo<Map<string, MockAccount>>()
  /** The fingerprint of `rows` in the current state. */
  const fingerprint = (s: MockBackendState, rows: readonly unknown[]): unknown[] => [version.value, s, rows, rows.length]
  /** The invitations of `parentId`, sorted (cached). */
  const invitationsOf = (parentId: string): SortedRows<MockInvitationRecord> => {
    const s = state()
    return invitationIndex.get(s.invitations, parentId, fingerprint(s, s.invitations))
  }
  /** The networks of `parentId`, sorted (cached; the search text comes from the accounts). */
  const networksOf = (parentId: string): SortedRows<MockNetworkRecord> => {
    const s = state()
    return networkIndex.get(s.networks, parentId, [...fingerprint(s, s.networks), s.accounts, s.accounts.length])
  }
  /** Accounts by id (cached; first of equal ids, like `findAccount`). */
  const accountsById = (): Map<string, MockAccount> => {
    const s = state()
    return accountMap.get(fingerprint(s, s.accounts), () => firstById(s.accounts))
  }

  /** Loads fresh data and settings from `opts` into the store. */
  function load(opts: MockBackendOptions): void {
    const seed = opts.seed ?? MOCK_DEFAULT_SEED
    random = createRandom(seed === false ? MOCK_DEFAULT_SEED : seed)
    const now = opts.now ?? MOCK_DEFAULT_NOW
    const lifetime = opts.invitationLifetime ?? MOCK_DEFAULT_INVITATION_LIFETIME
    const data = buildSeed({ random, now, lifetime, withRecords: seed !== false })
    const signedInAs = opts.signedInAs === undefined ? MOCK_IDS.accounts.harbor : opts.signedInAs
    if (signedInAs !== null && !data.accounts.some((account) => account.id === signedInAs)) {
      throw new RangeError(`Mock backend: no account ${JSON.stringify(signedInAs)} to sign in as`)
    }
    const fresh: MockBackendState = {
      now,
      settings: {
        monetization: opts.monetization ?? true,
        invitationLifetime: lifetime,
        networkUrl: opts.networkUrl ?? MOCK_DEFAULT_NETWORK_URL,
        loginUrl: opts.loginUrl ?? MOCK_DEFAULT_LOGIN_URL,
        latency: normalizeLatency(opts.latency),
        countries: opts.countries ?? true,
      },
      session: { accountId: signedInAs },
      domains: data.domains,
      countries: data.countries,
      accounts: data.accounts,
      invitations: data.invitations,
      networks: data.networks,
      outbox: [],
      retiredTokens: {},
      sequence: 0,
    }
    mutate((s) => {
      Object.assign(s, fresh)
    })
    failures.clear()
  }

  // ---- lookups -------------------------------------------------------------------------------------------------

  const now = (): number => state().now
  /** The account `id` in `s` (the raw state unless told: `session()` passes the live one). */
  const findAccount = (id: string, s = state()): MockAccount | undefined => s.accounts.find((account) => account.id === id)
  /** Throws the `RangeError` of `signInAs` / `actAs` for an account that is not in the store. */
  const requireAccount = (id: string): void => {
    if (!findAccount(id)) throw new RangeError(`Mock backend: no account ${JSON.stringify(id)}`)
  }
  const domainTitle = (id: string): string => state().domains.find((domain) => domain.id === id)?.title ?? ''
  const emailHasUser = (email: string): boolean =>
    state().accounts.some((account) => account.users.some((user) => sameEmail(user.email, email)))

  /** The signed-in account and user, after checking access for `operation`. */
  function requireSession(operation: NetworksOperation): { account: MockAccount; user: MockUser } {
    const accountId = sessionAccountId()
    const account = accountId === null ? undefined : findAccount(accountId)
    const user = account?.users[0]
    if (!account || !user) throw unauthenticatedError()
    const check = MOCK_ACCESS_CHECKS[operation]
    if (check !== null && !checkAccess(check, account.access)) {
      throw forbiddenError(`${operation} needs access "${check}"; account ${account.id} has ${JSON.stringify(account.access)}`)
    }
    return { account, user }
  }

  /** `input` as an object; anything else (no form could send it) is a `codebase` error. */
  function requireObject(input: unknown, operation: string): Record<string, unknown> {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) {
      throw codebaseError(`${operation}: input must be an object, got ${describeValue(input)}`)
    }
    return input as Record<string, unknown>
  }

  /** Parses form input with a zod schema: non-objects are `codebase` errors, bad fields `user` field errors. */
  function parseInput<T>(schema: z.ZodMiniType<T, unknown>, input: unknown, operation: string): T {
    const result = z.safeParse(schema, requireObject(input, operation))
    if (!result.success) throw zodFieldError(result.error)
    return result.data
  }

  /** Parses form input (already known to be an object), collecting field errors instead of throwing them. */
  function parseForm<T>(schema: z.ZodMiniType<T, unknown>, input: Record<string, unknown>): { data: T | undefined; fields: Record<string, string> } {
    const result = z.safeParse(schema, input)
    return result.success ? { data: result.data, fields: {} } : { data: undefined, fields: fieldErrors(result.error) }
  }

  /** Parses an id argument; a malformed id is a `codebase` error. */
  function parseId(id: unknown, operation: string): string {
    const result = z.safeParse(idSchema, id)
    if (!result.success) throw codebaseError(`${operation}: invalid id ${typeof id === 'string' ? JSON.stringify(id) : describeValue(id)}`)
    return result.data
  }

  /** Validates and resolves a list query against the list's filters. */
  function parseQuery(query: unknown, filters: readonly string[], operation: string): ResolvedListQuery {
    const parsed = query === undefined ? {} : parseInput(listQuerySchema, query, operation)
    const resolved = resolveListQuery(parsed)
    if (resolved.filter !== '' && !filters.includes(resolved.filter)) {
      throw fieldError({ filter: MESSAGES.filter }, `${operation}: unknown filter ${JSON.stringify(resolved.filter)}; offered: ${filters.join(', ')}`)
    }
    return resolved
  }

  /** The session account's invitation `id`, or 404. */
  function ownInvitation(accountId: string, id: string): MockInvitationRecord {
    const record = state().invitations.find((candidate) => candidate.id === id && candidate.parent_account_id === accountId)
    if (!record) throw notFoundError('invitation', id)
    return record
  }

  /** The session account's network with child `childId`, or 404. */
  function ownNetwork(accountId: string, childId: string): MockNetworkRecord {
    const network = state().networks.find((candidate) => candidate.parent_account_id === accountId && candidate.child_account_id === childId)
    if (!network) throw notFoundError('network', childId)
    return network
  }

  /** A pseudo-random id with `prefix` not yet in `taken`. */
  function newId(prefix: string, length: number, taken: (id: string) => boolean): string {
    for (;;) {
      const id = `${prefix}_${random.chars(length)}`
      if (!taken(id)) return id
    }
  }

  // ---- views (what the API returns: fresh objects, never a token) ----------------------------------------------

  function invitationView(record: MockInvitationRecord): NetworkInvitation {
    const view: NetworkInvitation = {
      id: record.id,
      created: record.created,
      domain_id: record.domain_id,
      email: record.email,
      expires: record.expires,
      status: mockInvitationStatus(record, now()),
    }
    if (record.fee_proposed !== undefined) view.fee_proposed = record.fee_proposed
    if (record.country_id !== undefined) view.country_id = record.country_id
    return view
  }

  function networkView(
    network: MockNetworkRecord,
    accountOf: (id: string) => MockAccount | undefined = findAccount,
    titleOf: (id: string) => string = domainTitle,
  ): Network {
    const child = accountOf(network.child_account_id)
    const domainId = child?.domain_id ?? ''
    const view: Network = {
      account_id: network.child_account_id,
      account_title: child?.title ?? '',
      domain_id: domainId,
      domain_title: titleOf(domainId),
      fee: network.fee,
      created: network.created,
    }
    if (network.fee_proposed !== undefined) view.fee_proposed = network.fee_proposed
    if (network.proposed_date !== undefined) view.proposed_date = network.proposed_date
    if (network.proposed_account_id !== undefined) view.proposed_account_id = network.proposed_account_id
    if (network.proposed_user_id !== undefined) view.proposed_user_id = network.proposed_user_id
    return view
  }

  /**
   * Search by position in `index`: true when the row's lower-cased `text` contains `needle` (lower-cased, not
   * empty), or the title of the domain `domainId` names does (first domain of that id, like `domainTitle`).
   */
  function searchMatcher<R>(index: SortedRows<R>, needle: string, text: (row: R) => string, domainId: (row: R) => string): (i: number) => boolean {
    const lowers = index.column('text', (rows) => lowerCased(rows, text))
    const titleHits = idsWhoseTitleContains(state().domains, needle)
    if (titleHits.size === 0) return (i) => (lowers[i] as string).includes(needle)
    const domains = index.column('domain', (rows) => rows.map(domainId))
    return (i) => (lowers[i] as string).includes(needle) || titleHits.has(domains[i] as string)
  }

  /** Both conditions (either may be absent). */
  function both(a: ((i: number) => boolean) | null, b: ((i: number) => boolean) | null): ((i: number) => boolean) | null {
    if (a === null) return b
    if (b === null) return a
    return (i) => a(i) && b(i)
  }

  /**
   * One page of `index` (already sorted newest first): the rows `accept`ed (all when `null`), as views. Same
   * answer as filtering every row, sorting and slicing (`paginate`), but only the page's rows become views.
   */
  function recordList<R, V>(
    index: SortedRows<R>,
    query: ResolvedListQuery,
    filters: readonly string[],
    accept: ((i: number) => boolean) | null,
    view: (row: R) => V,
  ): RecordList<V> {
    const start = (query.page - 1) * query.records
    const { rows, total } = pageOf(index, accept, start, start + query.records)
    return {
      list: rows.map(view),
      total,
      search: query.search,
      filter: query.filter,
      filters: [...filters],
      pages: pageCount(total, query.records),
    }
  }

  // ---- emails --------------------------------------------------------------------------------------------------

  function send(s: MockBackendState, email: Omit<MockEmail, 'id' | 'sent'>): void {
    s.sequence += 1
    s.outbox.push({ id: `eml_${String(s.sequence).padStart(6, '0')}`, sent: s.now, ...email })
  }

  function sendInvitation(s: MockBackendState, record: MockInvitationRecord, parent: MockAccount, resend: boolean): void {
    const link = activationLink(s.settings.networkUrl, record.token)
    const { subject, text } = invitationEmail({
      parentTitle: parent.title,
      domainTitle: domainTitle(record.domain_id),
      feeProposed: record.fee_proposed,
      link,
      expires: record.expires,
      resend,
    })
    send(s, { kind: 'invitation', to: record.email, subject, text, link, invitation_id: record.id })
  }

  /** Field errors of an email that may not be invited by `parentId` (`exceptId`: the invitation being changed). */
  function emailProblem(email: string, parentId: string, exceptId?: string): string | undefined {
    if (emailHasUser(email)) return MESSAGES.emailUser
    const at = now()
    const pending = state().invitations.some(
      (record) =>
        record.id !== exceptId &&
        record.parent_account_id === parentId &&
        mockInvitationStatus(record, at) === 'pending' &&
        sameEmail(record.email, email),
    )
    return pending ? MESSAGES.emailPending : undefined
  }

  // ---- the API -------------------------------------------------------------------------------------------------

  const api: MockApi = {
    listNetworkDomains(): NetworkDomain[] {
      const { account } = requireSession('listNetworkDomains')
      return state()
        .domains.filter((domain) => domain.parent_id === account.domain_id)
        .map(({ id, title, description }) => ({ id, title, description }))
    },

    listCountries() {
      if (!state().settings.countries) throw unsupportedError('listCountries')
      requireSession('listCountries')
      return clonePlain(state().countries)
    },

    createInvitation(input) {
      const { account } = requireSession('createInvitation')
      // Schema and business rules are checked together, so that every input at fault is named at once.
      const raw = requireObject(input, 'createInvitation')
      const { data, fields } = parseForm(createInvitationInputSchema, raw)
      const text = (key: string): string | undefined => (typeof raw[key] === 'string' ? (raw[key] as string).trim() : undefined)
      const domainId = text('domain_id')
      const domain = state().domains.find((candidate) => candidate.id === domainId)
      if (!fields.domain_id && (!domain || domain.parent_id !== account.domain_id)) fields.domain_id = MESSAGES.domain
      const countryId = text('country_id')
      if (!fields.country_id && countryId !== undefined && !state().countries.some((country) => country.id === countryId)) {
        fields.country_id = MESSAGES.country
      }
      if (!fields.fee_proposed && raw.fee_proposed !== undefined && !state().settings.monetization) fields.fee_proposed = MESSAGES.feeOff
      const email = text('email')
      const emailIssue = !fields.email && email !== undefined ? emailProblem(email, account.id) : undefined
      if (emailIssue) fields.email = emailIssue
      if (!data || Object.keys(fields).length > 0) {
        throw fieldError(fields, domain && fields.domain_id ? `createInvitation: ${domain.id} is not subordinate to ${account.domain_id}` : undefined)
      }
      return mutate((s) => {
        const record: MockInvitationRecord = {
          id: newId('nwi', 16, (id) => state().invitations.some((candidate) => candidate.id === id)),
          parent_account_id: account.id,
          created: s.now,
          domain_id: data.domain_id,
          email: data.email,
          expires: s.now + s.settings.invitationLifetime,
          activated: null,
          token: createToken(),
        }
        if (data.fee_proposed !== undefined) record.fee_proposed = data.fee_proposed
        if (data.country_id !== undefined) record.country_id = data.country_id
        s.invitations.push(record)
        sendInvitation(s, record, account, false)
        return invitationView(record)
      })
    },

    listInvitations(query) {
      const { account } = requireSession('listInvitations')
      const resolved = parseQuery(query, INVITATION_STATUSES, 'listInvitations')
      const at = now()
      const index = invitationsOf(account.id)
      const { filter } = resolved
      const needle = resolved.search.toLowerCase()
      // Search text: the email (lower-cased once per index) or the domain's title (few domains: matched once per
      // query). Status: derived here from the clock and each row's `activated` / `expires` (columns of the index).
      const bySearch = needle === '' ? null : searchMatcher(index, needle, (record) => record.email, (record) => record.domain_id)
      let byStatus: ((i: number) => boolean) | null = null
      if (filter !== '') {
        const { active, expires } = index.column('status', (rows) => {
          const activeColumn = new Uint8Array(rows.length)
          const expiresColumn = new Float64Array(rows.length)
          rows.forEach((record, i) => {
            activeColumn[i] = record.activated !== null ? 1 : 0
            expiresColumn[i] = record.expires
          })
          return { active: activeColumn, expires: expiresColumn }
        })
        // Same as `mockInvitationStatus(record, at) === filter`.
        const wantActive = filter === 'active'
        const wantExpired = filter === 'expired'
        byStatus = wantActive
          ? (i) => active[i] === 1
          : (i) => active[i] === 0 && at >= (expires[i] as number) === wantExpired
      }
      const accept = both(bySearch, byStatus)
      return recordList(index, resolved, INVITATION_STATUSES, accept, invitationView)
    },

    updateInvitation(id, input) {
      const { account } = requireSession('updateInvitation')
      const invitationId = parseId(id, 'updateInvitation')
      const submitted = { ...requireObject(input, 'updateInvitation') }
      if (typeof submitted.email === 'string' && submitted.email.trim() === '') delete submitted.email
      const record = ownInvitation(account.id, invitationId)
      if (record.activated !== null) {
        throw new NetworkApiError({
          status: 400,
          type: 'user',
          message: 'This invitation has already been accepted, so it can no longer be changed.',
          reason: 'invitation_active',
          devMessage: `updateInvitation: ${record.id} is active`,
        })
      }
      const { data, fields } = parseForm(updateInvitationInputSchema, submitted)
      if (!fields.fee_proposed && typeof submitted.fee_proposed === 'number' && !state().settings.monetization) fields.fee_proposed = MESSAGES.feeOff
      const email = typeof submitted.email === 'string' ? submitted.email.trim() : undefined
      if (!fields.email && email !== undefined && !sameEmail(email, record.email)) {
        const emailIssue = emailProblem(email, account.id, record.id)
        if (emailIssue) fields.email = emailIssue
      }
      if (!data || Object.keys(fields).length > 0) throw fieldError(fields)
      return mutate((s) => {
        const live = writable(record)
        if (data.email !== undefined) live.email = data.email
        if (data.fee_proposed === null) delete live.fee_proposed
        else if (data.fee_proposed !== undefined) live.fee_proposed = data.fee_proposed
        s.retiredTokens[live.token] = 'replaced'
        live.token = createToken()
        live.expires = s.now + s.settings.invitationLifetime
        sendInvitation(s, live, account, true)
        return invitationView(live)
      })
    },

    deleteInvitation(id) {
      const { account } = requireSession('deleteInvitation')
      const record = ownInvitation(account.id, parseId(id, 'deleteInvitation'))
      mutate((s) => {
        s.retiredTokens[record.token] = record.activated !== null ? 'used' : 'revoked'
        s.invitations = toRaw(s.invitations).filter((candidate) => candidate.id !== record.id)
      })
    },

    activateInvitation(token) {
      if (typeof token !== 'string') throw tokenError('token_malformed', `activateInvitation: token is ${describeValue(token)}`)
      const parsed = z.safeParse(activationTokenSchema, token)
      if (!parsed.success) throw tokenError('token_malformed', 'activateInvitation: token does not look like a token')
      const value = parsed.data
      const record = state().invitations.find((candidate) => candidate.token === value)
      if (!record) {
        const retired = state().retiredTokens[value]
        if (retired === 'replaced') throw tokenError('token_replaced')
        if (retired === 'revoked') throw tokenError('token_revoked')
        if (retired === 'used') throw tokenError('token_used')
        throw tokenError('token_invalid')
      }
      const status = mockInvitationStatus(record, now())
      if (status === 'active') throw tokenError('token_used', `activateInvitation: ${record.id} was activated at ${record.activated}`)
      if (status === 'expired') throw tokenError('token_expired', `activateInvitation: ${record.id} expired at ${record.expires}`)
      const parent = findAccount(record.parent_account_id)
      if (!parent) throw tokenError('token_invalid', `activateInvitation: parent ${record.parent_account_id} is gone`)
      if (emailHasUser(record.email)) {
        throw new NetworkApiError({
          status: 409,
          type: 'user',
          message: 'An account already uses this email address. Sign in instead, or ask the sender to invite another address.',
          reason: 'email_taken',
          devMessage: `activateInvitation: ${record.email} is already a user`,
        })
      }
      return mutate((s): ActivationResult => {
        const live = writable(record)
        const taken = (id: string): boolean => state().accounts.some((account) => account.id === id || account.users.some((user) => user.id === id))
        const child: MockAccount = {
          id: newId('acc', 10, taken),
          title: titleFromEmail(live.email),
          domain_id: live.domain_id,
          country_id: live.country_id ?? parent.country_id,
          users: [],
          access: { ...FULL_ACCESS },
          created: s.now,
        }
        const user: MockUser = { id: newId('usr', 10, taken), email: live.email, name: nameFromEmail(live.email) }
        child.users.push(user)
        s.accounts.push(child)
        s.networks.push({
          parent_account_id: parent.id,
          child_account_id: child.id,
          fee: live.fee_proposed ?? 0,
          created: s.now,
          invitation_id: live.id,
        })
        live.activated = s.now
        live.child_account_id = child.id
        const { subject, text } = loginEmail({
          accountTitle: child.title,
          parentTitle: parent.title,
          domainTitle: domainTitle(child.domain_id),
          email: user.email,
          loginUrl: s.settings.loginUrl,
        })
        send(s, { kind: 'login-instructions', to: user.email, subject, text, link: s.settings.loginUrl, invitation_id: live.id })
        return { account_id: child.id, user_id: user.id, domain_id: child.domain_id, version_id: MOCK_VERSION_ID }
      })
    },

    listNetworks(query) {
      const { account } = requireSession('listNetworks')
      const resolved = parseQuery(query, MOCK_NETWORK_FILTERS, 'listNetworks')
      const index = networksOf(account.id)
      const accounts = accountsById()
      const accountOf = (id: string): MockAccount | undefined => accounts.get(id)
      const domains = firstById(state().domains)
      const titleOf = (id: string): string => domains.get(id)?.title ?? ''
      const proposedOnly = resolved.filter !== ''
      const needle = resolved.search.toLowerCase()
      // Search text: the child account's title (lower-cased once per index) or its domain's title.
      const bySearch =
        needle === ''
          ? null
          : searchMatcher(
              index,
              needle,
              (network) => accountOf(network.child_account_id)?.title ?? '',
              (network) => accountOf(network.child_account_id)?.domain_id ?? '',
            )
      let byFilter: ((i: number) => boolean) | null = null
      if (proposedOnly) {
        const proposed = index.column('proposed', (rows) => Uint8Array.from(rows, (network) => (network.fee_proposed !== undefined ? 1 : 0)))
        byFilter = (i) => proposed[i] === 1
      }
      const accept = both(bySearch, byFilter)
      return recordList(index, resolved, MOCK_NETWORK_FILTERS, accept, (network) => networkView(network, accountOf, titleOf))
    },

    getNetwork(childAccountId) {
      const { account } = requireSession('getNetwork')
      return networkView(ownNetwork(account.id, parseId(childAccountId, 'getNetwork')))
    },

    updateNetwork(childAccountId, input) {
      const { account, user } = requireSession('updateNetwork')
      const childId = parseId(childAccountId, 'updateNetwork')
      const data = parseInput(updateNetworkInputSchema, input, 'updateNetwork')
      const network = ownNetwork(account.id, childId)
      if (!state().settings.monetization) throw fieldError({ fee: MESSAGES.feeOff }, 'updateNetwork: monetization is off')
      return mutate((s) => {
        const live = writable(network)
        live.fee_proposed = data.fee
        live.proposed_date = s.now
        live.proposed_account_id = account.id
        live.proposed_user_id = user.id
        return networkView(live)
      })
    },

    deleteNetwork(childAccountId) {
      const { account } = requireSession('deleteNetwork')
      const network = ownNetwork(account.id, parseId(childAccountId, 'deleteNetwork'))
      mutate((s) => {
        s.networks = toRaw(s.networks).filter((candidate) => candidate !== network && !(candidate.parent_account_id === account.id && candidate.child_account_id === network.child_account_id))
      })
      return { parent_account_id: account.id, child_account_id: network.child_account_id }
    },
  }

  /** Wraps every api method so that anything unexpected leaves as a `NetworkApiError`. */
  const guardedApi = Object.fromEntries(
    Object.entries(api).map(([name, method]) => [
      name,
      (...args: unknown[]): unknown => {
        try {
          return (method as (...a: unknown[]) => unknown)(...args)
        } catch (error) {
          throw toNetworkApiError(error)
        }
      },
    ]),
  ) as MockApi

  /** Milliseconds the next call waits. */
  function nextLatency(): number {
    const latency = state().settings.latency
    if (typeof latency === 'number') return latency
    const [min, max] = latency
    return random.int(min, max)
  }

  load(original)

  const backend: MockBackend = {
    store,
    clock: {
      now: () => live().now,
      advance(seconds) {
        if (!Number.isFinite(seconds)) throw new RangeError('clock.advance needs a finite number of seconds')
        mutate((s) => {
          s.now += Math.round(seconds)
        })
      },
      set(unixSeconds) {
        if (!Number.isFinite(unixSeconds)) throw new RangeError('clock.set needs finite Unix seconds')
        mutate((s) => {
          s.now = Math.round(unixSeconds)
        })
      },
    },
    signInAs(accountId) {
      if (accountId !== null) requireAccount(accountId)
      mutate((s) => {
        s.session.accountId = accountId
      })
    },
    actAs(accountId, fn) {
      requireAccount(accountId)
      const outer = actingAs
      actingAs = accountId
      try {
        return fn()
      } finally {
        actingAs = outer
      }
    },
    session(): MockSession {
      const s = live()
      const accountId = sessionAccountId(s)
      const account = accountId === null ? undefined : findAccount(accountId, s)
      const access: AccessMap = account ? clonePlain(account.access) : {}
      return { accountId: account ? account.id : null, userId: account?.users[0]?.id ?? null, access }
    },
    accounts: () => clonePlain(live().accounts),
    domains: () => clonePlain(live().domains),
    countries: () => clonePlain(live().countries),
    outbox: () => clonePlain(live().outbox),
    tokenFromEmail: (email) => (email.kind === 'invitation' ? readActivationToken(email.link) : null),
    setMonetization(on) {
      mutate((s) => {
        s.settings.monetization = on
      })
    },
    monetization: () => live().settings.monetization,
    setLatency(latency) {
      const normalized = normalizeLatency(latency)
      mutate((s) => {
        s.settings.latency = typeof normalized === 'number' ? normalized : [normalized[0], normalized[1]]
      })
    },
    failNext: (failure, operation) => failures.failNext(failure, operation),
    setFailureRate: (rate, failure = 500) => failures.setFailureRate(rate, failure),
    failOperation: (operation, failure) => failures.failOperation(operation, failure),
    clearFailures: () => failures.clear(),
    reset(resetOptions) {
      load({ ...original, ...resetOptions })
    },
    api: guardedApi,
    async beforeCall(operation) {
      const failure = failures.take(operation, random.next)
      const delay = nextLatency()
      if (delay > 0) await new Promise<void>((resolve) => setTimeout(resolve, delay))
      if (failure !== null) throw mockFailureToError(failure, operation)
    },
  }
  return backend
}

/** True when `value` is a mock backend (as opposed to options). */
export function isMockBackend(value: unknown): value is MockBackend {
  return typeof value === 'object' && value !== null && 'api' in value && 'beforeCall' in value && 'store' in value
}
