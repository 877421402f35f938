/**
 * zod schemas (zod/mini, to keep bundles small) for every input and every response of the network API.
 * Inputs are reused by the components' forms; responses are what the REST adapter parses with.
 * Messages are plain English defaults; the components map issue codes to their own messages.
 *
 * Every top-level schema is built in a `/* @__PURE__ *\/ schema(() => …)` call, so bundlers drop the schemas an entry
 * does not use (a component alone keeps its input schemas; the response schemas stay with the REST adapter).
 */
import * as z from 'zod/mini'
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
} from './types'
import { MAX_RECORDS } from './types'

/**
 * Builds a module-level schema. The call is annotated `@__PURE__` where it is used, so a bundler drops a schema
 * nothing imports together with everything built inside it (annotating the outer zod call alone would keep its
 * arguments).
 */
function schema<T>(build: () => T): T {
  return build()
}

/** Longest email address accepted (RFC 5321 path limit). */
export const MAX_EMAIL_LENGTH = 254

/** True when `value` has at most two decimals (tolerant of binary floating point). */
export function hasAtMostTwoDecimals(value: number): boolean {
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6
}

/** Normalises an email for comparison: trimmed and lower-cased. */
export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase()
}

/** True when two emails name the same mailbox, compared case-insensitively. */
export function sameEmail(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b)
}

/** An email address: trimmed, then checked as a real address. */
export const emailSchema = /* @__PURE__ */ schema(() => z.pipe(
  z.string({ error: 'Enter an email address.' }).check(z.trim()),
  z.email({ error: (issue) => (issue.input === '' || issue.input === undefined ? 'Enter an email address.' : 'Enter a valid email address, like name@example.com.') }).check(
    z.maxLength(MAX_EMAIL_LENGTH, 'This email address is too long.'),
  ),
))

/** A revenue-share fee in percent: 0 to 100 with at most two decimals. */
export const feeSchema = /* @__PURE__ */ schema(() => z.number({ error: 'Enter the fee as a number, like 2.5.' }).check(
  z.refine((v) => Number.isFinite(v), 'Enter the fee as a number, like 2.5.'),
  z.minimum(0, 'The fee cannot be below 0%.'),
  z.maximum(100, 'The fee cannot be above 100%.'),
  z.refine(hasAtMostTwoDecimals, 'Use at most two decimals, like 2.25.'),
))

/** A non-empty id such as `dom_123` or `nwi_123`. */
export const idSchema = /* @__PURE__ */ schema(() => z.string({ error: 'An id is required.' }).check(z.trim(), z.minLength(1, 'An id is required.'), z.maxLength(200, 'This id is too long.')))

/** The domain chosen for a new child account. */
export const domainIdSchema = /* @__PURE__ */ schema(() => z.string({ error: 'Choose an account type.' }).check(z.trim(), z.minLength(1, 'Choose an account type.')))

/** An activation token as found in a link: URL-safe characters, 16 to 512 long. */
export const activationTokenSchema = /* @__PURE__ */ schema(() => z.string({ error: 'The activation link has no token.' }).check(
  z.trim(),
  // abort: an empty token is only "no token", not also "damaged".
  z.minLength(1, { error: 'The activation link has no token.', abort: true }),
  z.regex(/^[A-Za-z0-9._~-]{16,512}$/, 'The activation link is incomplete or damaged.'),
))

/** Input of `createInvitation`. */
export const createInvitationInputSchema = /* @__PURE__ */ schema(() => z.object({
  email: emailSchema,
  domain_id: domainIdSchema,
  country_id: z.optional(idSchema),
  fee_proposed: z.optional(feeSchema),
}) satisfies z.ZodMiniType<CreateInvitationInput, unknown>)

/** Input of `updateInvitation`: every field optional; `fee_proposed: null` removes the fee. */
export const updateInvitationInputSchema = /* @__PURE__ */ schema(() => z.object({
  email: z.optional(emailSchema),
  fee_proposed: z.optional(z.nullable(feeSchema)),
}) satisfies z.ZodMiniType<UpdateInvitationInput, unknown>)

/** Input of `updateNetwork`: the proposed fee. */
export const updateNetworkInputSchema = /* @__PURE__ */ schema(() => z.object({
  fee: feeSchema,
}) satisfies z.ZodMiniType<UpdateNetworkInput, unknown>)

/** Query of a record list. */
export const listQuerySchema = /* @__PURE__ */ schema(() => z.object({
  search: z.optional(z.string().check(z.maxLength(200, 'The search is too long.'))),
  filter: z.optional(z.string().check(z.maxLength(100, 'Unknown filter.'))),
  page: z.optional(z.int('The page must be a whole number.').check(z.minimum(1, 'The page must be 1 or more.'))),
  records: z.optional(
    z.int('The page size must be a whole number.').check(
      z.minimum(1, 'The page size must be at least 1.'),
      z.maximum(MAX_RECORDS, `The page size must be at most ${MAX_RECORDS}.`),
    ),
  ),
}) satisfies z.ZodMiniType<ListQuery, unknown>)

const timestamp = /* @__PURE__ */ schema(() => z.int().check(z.minimum(0)))
const percent = /* @__PURE__ */ schema(() => z.number().check(z.minimum(0), z.maximum(100)))

/** A network invitation as the API returns it. */
export const networkInvitationSchema = /* @__PURE__ */ schema(() => z.object({
  id: z.string().check(z.minLength(1)),
  created: timestamp,
  domain_id: z.string(),
  email: z.string(),
  fee_proposed: z.optional(percent),
  country_id: z.optional(z.string()),
  expires: timestamp,
  status: z.enum(['pending', 'expired', 'active']),
}) satisfies z.ZodMiniType<NetworkInvitation, unknown>)

/**
 * A network as the API returns it. Accepts `fee_proposed_date` (the list rows' spelling in seed 003)
 * as well as `proposed_date`, and normalises to `proposed_date`. Seed 003 omits `domain_id` and `created`
 * from network objects and list rows: they default to `''` and 0.
 */
export const networkSchema = /* @__PURE__ */ schema(() => z.pipe(
  z.object({
    account_id: z.string().check(z.minLength(1)),
    account_title: z.string(),
    domain_id: z._default(z.string(), ''),
    domain_title: z.string(),
    fee: percent,
    fee_proposed: z.optional(percent),
    proposed_date: z.optional(timestamp),
    fee_proposed_date: z.optional(timestamp),
    proposed_account_id: z.optional(z.string()),
    proposed_user_id: z.optional(z.string()),
    created: z._default(timestamp, 0),
  }),
  z.transform(({ fee_proposed_date, ...rest }): Network => {
    const network: Network = { ...rest }
    const date = rest.proposed_date ?? fee_proposed_date
    if (date !== undefined) network.proposed_date = date
    return network
  }),
))

/** A domain in normalised form. */
export const networkDomainSchema = /* @__PURE__ */ schema(() => z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
  description: z.string(),
}) satisfies z.ZodMiniType<NetworkDomain, unknown>)

/** The domains collection as the API returns it: `[{ "dom_1": { title, description } }]`, normalised to `NetworkDomain[]`. */
export const networkDomainCollectionSchema = /* @__PURE__ */ schema(() => z.pipe(
  z.array(z.record(z.string().check(z.minLength(1)), z.object({ title: z.string(), description: z._default(z.string(), '') }))),
  z.transform((entries): NetworkDomain[] =>
    entries.flatMap((entry) => Object.entries(entry).map(([id, { title, description }]) => ({ id, title, description }))),
  ),
))

/** A country. */
export const countrySchema = /* @__PURE__ */ schema(() => z.object({
  id: z.string().check(z.minLength(1)),
  title: z.string(),
}) satisfies z.ZodMiniType<Country, unknown>)

/** The ids an activation created (seed 003 shape). */
export const activationResultSchema = /* @__PURE__ */ schema(() => z.object({
  account_id: z.string().check(z.minLength(1)),
  user_id: z.string(),
  domain_id: z.string(),
  version_id: z.string(),
}) satisfies z.ZodMiniType<ActivationResult, unknown>)

/** Result of deleting a network. */
export const deleteNetworkResultSchema = /* @__PURE__ */ schema(() => z.object({
  parent_account_id: z.string(),
  child_account_id: z.string(),
}) satisfies z.ZodMiniType<DeleteNetworkResult, unknown>)

/** A record list of `item`. */
export function recordListSchema<T>(item: z.ZodMiniType<T, unknown>) {
  return z.object({
    list: z.array(item),
    total: z.int().check(z.minimum(0)),
    search: z._default(z.string(), ''),
    filter: z._default(z.string(), ''),
    filters: z._default(z.array(z.string()), []),
    pages: z.int().check(z.minimum(0)),
  }) satisfies z.ZodMiniType<RecordList<T>, unknown>
}

/** The Backstack error body: `{ error: { type, code, message, fields, dev_message, ... } }`. */
export const backstackErrorBodySchema = /* @__PURE__ */ schema(() => z.object({
  error: z.object({
    request_method: z.optional(z.string()),
    type: z.optional(z.string()),
    code: z.optional(z.number()),
    message: z.optional(z.string()),
    fields: z.optional(z.record(z.string(), z.string())),
    dev_message: z.optional(z.string()),
    reason: z.optional(z.string()),
  }),
}))

/** A field -> first message map from a zod error, for form fields and `NetworkApiError.fields`. */
export function fieldErrors(error: z.core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_'
    if (!(key in fields)) fields[key] = issue.message
  }
  return fields
}

/** The first issue's path and message, for a `codebase` error naming the bad field. */
export function describeIssue(error: z.core.$ZodError): string {
  const issue = error.issues[0]
  if (!issue) return 'invalid value'
  const path = issue.path.map(String).join('.') || '(root)'
  return `${path}: ${issue.message}`
}
