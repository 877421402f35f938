/**
 * Framework-free checks the conformance suite is made of. Each throws a `ConformanceError` describing the
 * first violation, so they can be unit-tested and reused outside vitest (e.g. in property tests).
 */
import type { ZodMiniType } from 'zod/mini'
import type { NetworkApiError, NetworkApiErrorReason, NetworkApiErrorType } from '../core/errors'
import { isNetworkApiError } from '../core/errors'
import { isPlainObject } from '../core/guards'
import { pageCount, resolveListQuery } from '../core/list'
import {
  activationResultSchema,
  countrySchema,
  deleteNetworkResultSchema,
  describeIssue,
  networkDomainSchema,
  networkInvitationSchema,
  networkSchema,
} from '../core/schemas'
import type {
  ActivationResult,
  Country,
  DeleteNetworkResult,
  InvitationStatus,
  ListQuery,
  Network,
  NetworkDomain,
  NetworkInvitation,
  RecordList,
} from '../core/types'
import { INVITATION_STATUSES } from '../core/types'
import { sameEmail } from '../core/schemas'
import type { ConformanceEmail } from './types'
import { extractToken } from './links'

/** A violation of the adapter contract found by one of the conformance checks. */
export class ConformanceError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'ConformanceError'
  }
}

/** Throws a `ConformanceError` with `message` unless `condition` holds. */
export function conformanceCheck(condition: unknown, message: string): asserts condition {
  if (!condition) throw new ConformanceError(message)
}

function show(value: unknown): string {
  if (value === undefined) return 'undefined'
  try {
    const json = JSON.stringify(value)
    return json.length > 300 ? `${json.slice(0, 300)}…` : json
  } catch {
    return String(value)
  }
}

function parseWith<T>(schema: ZodMiniType<T, unknown>, value: unknown, what: string): T {
  const result = schema.safeParse(value)
  if (!result.success) throw new ConformanceError(`${what} has the wrong shape (${describeIssue(result.error)}): ${show(value)}`)
  return result.data
}

/** Checks one invitation's shape (core `networkInvitationSchema`) and returns it typed. */
export function assertInvitation(value: unknown): NetworkInvitation {
  return parseWith(networkInvitationSchema, value, 'The invitation')
}

/** Checks one network's shape (core `networkSchema`) and returns it normalised. */
export function assertNetwork(value: unknown): Network {
  return parseWith(networkSchema, value, 'The network')
}

/** Checks the domains for the invitation form: a non-empty array of valid domains with unique ids. */
export function assertDomains(value: unknown): NetworkDomain[] {
  conformanceCheck(Array.isArray(value), `The domains are not an array: ${show(value)}`)
  conformanceCheck(value.length > 0, 'The domains list is empty, so the invitation form cannot be filled in.')
  const domains = value.map((domain, index) => parseWith(networkDomainSchema, domain, `Domain #${index}`))
  assertUnique(domains.map((d) => d.id), 'domain id')
  return domains
}

/** Checks the countries list: an array of valid countries with unique ids. */
export function assertCountries(value: unknown): Country[] {
  conformanceCheck(Array.isArray(value), `The countries are not an array: ${show(value)}`)
  const countries = value.map((country, index) => parseWith(countrySchema, country, `Country #${index}`))
  assertUnique(countries.map((c) => c.id), 'country id')
  return countries
}

/** Checks an activation result's shape (core `activationResultSchema`). */
export function assertActivationResult(value: unknown): ActivationResult {
  return parseWith(activationResultSchema, value, 'The activation result')
}

/** Checks a delete-network result's shape and, when given, the two account ids it must name. */
export function assertDeleteNetworkResult(value: unknown, expected?: DeleteNetworkResult): DeleteNetworkResult {
  const result = parseWith(deleteNetworkResultSchema, value, 'The delete-network result')
  if (expected) {
    conformanceCheck(
      result.parent_account_id === expected.parent_account_id && result.child_account_id === expected.child_account_id,
      `The delete-network result names ${show(result)}, expected ${show(expected)}.`,
    )
  }
  return result
}

/** Checks that `values` has no duplicates; `what` names one value in the message. */
export function assertUnique(values: readonly string[], what: string): void {
  const seen = new Set<string>()
  for (const value of values) {
    conformanceCheck(!seen.has(value), `Duplicate ${what} ${show(value)}.`)
    seen.add(value)
  }
}

/** Number of rows a record-list page must hold for `total` rows at the given page and page size. */
export function expectedPageLength(total: number, page: number, records: number): number {
  return Math.max(0, Math.min(records, total - (page - 1) * records))
}

/**
 * Checks a record list against the query that produced it: shape, `pages === ceil(total / records)`, the page
 * holding exactly the rows it should (none past the end), the echoed `search`/`filter`, an applied filter
 * being one of `filters`. Each row goes through `parseRow`. Returns the list with parsed rows.
 */
export function assertRecordList<T>(value: unknown, query: ListQuery | undefined, parseRow: (row: unknown, index: number) => T): RecordList<T> {
  conformanceCheck(isPlainObject(value), `The record list is not an object: ${show(value)}`)
  const raw = value
  conformanceCheck(Array.isArray(raw.list), `The record list has no \`list\` array: ${show(value)}`)
  const total = raw.total
  const pages = raw.pages
  conformanceCheck(typeof total === 'number' && Number.isInteger(total) && total >= 0, `The record list's \`total\` is not a whole number >= 0: ${show(total)}`)
  conformanceCheck(typeof pages === 'number' && Number.isInteger(pages) && pages >= 0, `The record list's \`pages\` is not a whole number >= 0: ${show(pages)}`)
  conformanceCheck(typeof raw.search === 'string', `The record list's \`search\` is not a string: ${show(raw.search)}`)
  conformanceCheck(typeof raw.filter === 'string', `The record list's \`filter\` is not a string: ${show(raw.filter)}`)
  const filters = raw.filters
  conformanceCheck(
    Array.isArray(filters) && filters.every((f): f is string => typeof f === 'string'),
    `The record list's \`filters\` is not an array of strings: ${show(filters)}`,
  )
  const resolved = resolveListQuery(query)
  conformanceCheck(
    pages === pageCount(total, resolved.records),
    `The record list says ${pages} pages for ${total} rows at ${resolved.records} per page; expected ${pageCount(total, resolved.records)}.`,
  )
  const expectedLength = expectedPageLength(total, resolved.page, resolved.records)
  conformanceCheck(
    raw.list.length === expectedLength,
    `Page ${resolved.page} at ${resolved.records} per page of ${total} rows holds ${raw.list.length} rows; expected ${expectedLength}.`,
  )
  conformanceCheck(raw.search.trim() === resolved.search, `The record list echoes search ${show(raw.search)}; the query was ${show(resolved.search)}.`)
  conformanceCheck(raw.filter === resolved.filter, `The record list echoes filter ${show(raw.filter)}; the query was ${show(resolved.filter)}.`)
  if (resolved.filter !== '') {
    conformanceCheck(filters.includes(resolved.filter), `The applied filter ${show(resolved.filter)} is not among the offered filters ${show(filters)}.`)
  }
  const list = (raw.list as unknown[]).map((row, index) => parseRow(row, index))
  return { list, total, pages, search: raw.search, filter: raw.filter, filters: [...filters] }
}

/**
 * Checks an invitations record list (see `assertRecordList`): valid rows, unique ids, and with a status
 * filter every row in that status.
 */
export function assertInvitationList(value: unknown, query?: ListQuery): RecordList<NetworkInvitation> {
  const list = assertRecordList(value, query, assertInvitation)
  assertUnique(list.list.map((i) => i.id), 'invitation id in one page')
  if (list.filter !== '' && (INVITATION_STATUSES as readonly string[]).includes(list.filter)) {
    for (const row of list.list) {
      conformanceCheck(row.status === list.filter, `Filter ${show(list.filter)} returned invitation ${row.id} with status ${show(row.status)}.`)
    }
  }
  return list
}

/** Checks a networks record list (see `assertRecordList`): valid rows and unique child account ids. */
export function assertNetworkList(value: unknown, query?: ListQuery): RecordList<Network> {
  const list = assertRecordList(value, query, assertNetwork)
  assertUnique(list.list.map((n) => n.account_id), 'network account id in one page')
  return list
}

/** Checks that `secret` (raw or URL-encoded) appears nowhere in `value` serialised as JSON. */
export function assertNoSecret(value: unknown, secret: string, what = 'The value'): void {
  conformanceCheck(secret !== '', 'assertNoSecret needs a non-empty secret.')
  let json: string
  try {
    json = JSON.stringify(value) ?? ''
  } catch {
    json = String(value)
  }
  const encoded = encodeURIComponent(secret)
  conformanceCheck(!json.includes(secret) && !json.includes(encoded), `${what} exposes the activation token.`)
}

/** The status an invitation must have at `now`: `active` once activated, else `expired` from `expires` on, else `pending`. */
export function expectedInvitationStatus(expires: number, now: number, activated: boolean): InvitationStatus {
  if (activated) return 'active'
  return now >= expires ? 'expired' : 'pending'
}

/** Checks that a not-activated invitation's status agrees with the clock: `pending` before `expires`, `expired` from it on. */
export function assertStatusAgreesWithClock(invitation: Pick<NetworkInvitation, 'id' | 'status' | 'expires'>, now: number): void {
  if (invitation.status === 'active') return
  const expected = expectedInvitationStatus(invitation.expires, now, false)
  conformanceCheck(
    invitation.status === expected,
    `Invitation ${invitation.id} is ${show(invitation.status)} at ${now} with expires ${invitation.expires}; expected ${show(expected)}.`,
  )
}

/** What a rejection must look like; every given property is checked. */
export interface ExpectedApiError {
  /** HTTP status, or any of several. */
  status?: number | readonly number[]
  /** Error type, or any of several. */
  type?: NetworkApiErrorType | readonly NetworkApiErrorType[]
  /** A key that must be in `fields`, with a non-empty message. */
  field?: string
  /** The reason, or any of several. */
  reason?: NetworkApiErrorReason | readonly NetworkApiErrorReason[]
}

function oneOf<T>(expected: T | readonly T[], actual: T): boolean {
  return Array.isArray(expected) ? (expected as readonly T[]).includes(actual) : expected === actual
}

/** Checks that `error` is a `NetworkApiError` with a message fit for a person and the expected status/type/field/reason. */
export function assertApiError(error: unknown, expected: ExpectedApiError = {}): NetworkApiError {
  conformanceCheck(isNetworkApiError(error), `Expected a NetworkApiError, got ${error instanceof Error ? `${error.name}: ${error.message}` : show(error)}.`)
  conformanceCheck(typeof error.message === 'string' && error.message.trim() !== '', 'The NetworkApiError has no message to show.')
  const summary = `${error.status} ${error.type}${error.reason ? ` (${error.reason})` : ''} ${show(error.fields)}: ${error.message}`
  if (expected.status !== undefined) conformanceCheck(oneOf(expected.status, error.status), `Expected status ${show(expected.status)}, got ${summary}`)
  if (expected.type !== undefined) conformanceCheck(oneOf(expected.type, error.type), `Expected type ${show(expected.type)}, got ${summary}`)
  if (expected.reason !== undefined) conformanceCheck(error.reason !== undefined && oneOf(expected.reason, error.reason), `Expected reason ${show(expected.reason)}, got ${summary}`)
  if (expected.field !== undefined) {
    const message = error.fields[expected.field]
    conformanceCheck(typeof message === 'string' && message.trim() !== '', `Expected a message on fields.${expected.field}, got ${summary}`)
  }
  return error
}

/** Checks that an activation was refused for `reason` with a 4xx `NetworkApiError`. */
export function assertTokenRejected(error: unknown, reason: NetworkApiErrorReason | readonly NetworkApiErrorReason[]): NetworkApiError {
  const apiError = assertApiError(error, { reason })
  conformanceCheck(apiError.status >= 400 && apiError.status < 500, `A refused token must be a 4xx error, got ${apiError.status}.`)
  return apiError
}

/** Checks that a malformed token was refused: reason `token_malformed`, or a 400 `user` error. */
export function assertMalformedTokenRejected(error: unknown): NetworkApiError {
  const apiError = assertApiError(error)
  conformanceCheck(
    apiError.reason === 'token_malformed' || (apiError.status === 400 && apiError.type === 'user'),
    `A malformed token must be refused with token_malformed or a 400 user error, got ${apiError.status} ${apiError.type} (${String(apiError.reason)}).`,
  )
  return apiError
}

/** Resolves with what `promise` rejected with; throws a `ConformanceError` when it resolves instead. */
export async function rejectionOf(promise: Promise<unknown>, what = 'The call'): Promise<unknown> {
  let value: unknown
  try {
    value = await promise
  } catch (error) {
    return error
  }
  throw new ConformanceError(`${what} resolved with ${show(value)}; expected a rejection.`)
}

/** The newest email of `kind` sent to `to` (compared case-insensitively), or `undefined`. */
export function latestEmail(outbox: readonly ConformanceEmail[], to: string, kind: ConformanceEmail['kind']): ConformanceEmail | undefined {
  for (let i = outbox.length - 1; i >= 0; i--) {
    const email = outbox[i]
    if (email && email.kind === kind && sameEmail(email.to, to)) return email
  }
  return undefined
}

/** The token in the newest invitation email to `to`; throws when there is no such email or its link has no token. */
export function invitationTokenFor(outbox: readonly ConformanceEmail[], to: string): string {
  const email = latestEmail(outbox, to, 'invitation')
  conformanceCheck(email, `No invitation email was sent to ${to}.`)
  const token = extractToken(email.link)
  conformanceCheck(token, `The invitation email to ${to} has no token in its link ${show(email.link)}.`)
  return token
}

/**
 * Checks two settled concurrent activations of one token: exactly one fulfilled, the other refused with
 * `token_used`. Returns the winner's result.
 */
export function assertSingleActivation(results: readonly PromiseSettledResult<unknown>[]): ActivationResult {
  const fulfilled = results.filter((r): r is PromiseFulfilledResult<unknown> => r.status === 'fulfilled')
  const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected')
  conformanceCheck(fulfilled.length === 1, `${fulfilled.length} of ${results.length} concurrent activations of one token succeeded; expected exactly 1.`)
  for (const r of rejected) assertTokenRejected(r.reason, 'token_used')
  return assertActivationResult((fulfilled[0] as PromiseFulfilledResult<unknown>).value)
}
