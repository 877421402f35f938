/**
 * zod schemas (zod/mini, to keep bundles small) for every input and every response of the network API.
 * Inputs are reused by the components' forms; responses are what the REST adapter parses with.
 * Messages are plain English defaults; the components map issue codes to their own messages.
 *
 * Every top-level schema is built in a `/* @__PURE__ *\/ schema(() => …)` call, so bundlers drop the schemas an entry
 * does not use (a component alone keeps its input schemas; the response schemas stay with the REST adapter).
 * zod schemas are immutable, so the small shared ones below (`text`, `timestamp`...) serve many fields.
 */
import {
  array,
  custom,
  email,
  int,
  maximum,
  maxLength,
  minimum,
  minLength,
  nullable,
  number,
  object,
  optional,
  pipe,
  refine,
  string,
  transform,
  trim,
  type core,
  type ZodMiniType,
} from 'zod/mini'
import { keyedBy, keyedByIds, withDefault } from './zod-parts'
import type {
  ActivationResult,
  Country,
  CreateInvitationInput,
  DeleteNetworkResult,
  InvitationStatus,
  ListQuery,
  Network,
  NetworkDomain,
  NetworkInvitation,
  RecordList,
  UpdateInvitationInput,
  UpdateNetworkInput,
} from './types'
import { INVITATION_STATUSES, MAX_RECORDS } from './types'

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

/**
 * A trimmed, non-empty string. A missing, non-string or blank value fails with `message` alone: the empty check
 * aborts, so the checks added after it (format, length) only see a non-empty value.
 */
function requiredText(message: string) {
  return string({ error: message }).check(trim(), minLength(1, { error: message, abort: true }))
}

/** An email address: trimmed, then checked as a real address (an empty one is "enter", not "invalid"). */
export const emailSchema = /* @__PURE__ */ schema(() => {
  const enter = 'Enter an email address.'
  return string({ error: enter }).check(
    trim(),
    email({ error: (issue) => (issue.input === '' ? enter : 'Enter a valid email address, like name@example.com.') }),
    maxLength(MAX_EMAIL_LENGTH, 'This email address is too long.'),
  )
})

/** A revenue-share fee in percent: 0 to 100 with at most two decimals. (`number()` itself rejects NaN and ±Infinity.) */
export const feeSchema = /* @__PURE__ */ schema(() =>
  number({ error: 'Enter the fee as a number, like 2.5.' }).check(
    minimum(0, 'The fee cannot be below 0%.'),
    maximum(100, 'The fee cannot be above 100%.'),
    refine(hasAtMostTwoDecimals, 'Use at most two decimals, like 2.25.'),
  ),
)

/** A non-empty id such as `dom_123` or `nwi_123`. */
export const idSchema = /* @__PURE__ */ schema(() => requiredText('An id is required.').check(maxLength(200, 'This id is too long.')))

/** The domain chosen for a new child account. */
export const domainIdSchema = /* @__PURE__ */ schema(() => requiredText('Choose an account type.'))

/** What a well-formed activation token is: URL-safe characters, 16 to 512 long. */
const TOKEN_SHAPE = /^[A-Za-z0-9._~-]{16,512}$/

/**
 * An activation token as found in a link: URL-safe characters, 16 to 512 long. An empty token is only "no token".
 * The shape is a `refine` (issue code `custom`), not zod's `regex`, whose check code a page would ship for this alone.
 */
export const activationTokenSchema = /* @__PURE__ */ schema(() =>
  requiredText('The activation link has no token.').check(refine((token) => TOKEN_SHAPE.test(token), 'The activation link is incomplete or damaged.')),
)

/** Input of `createInvitation`. */
export const createInvitationInputSchema = /* @__PURE__ */ schema(
  () =>
    object({
      email: emailSchema,
      domain_id: domainIdSchema,
      country_id: optional(idSchema),
      fee_proposed: optional(feeSchema),
    }) satisfies ZodMiniType<CreateInvitationInput, unknown>,
)

/** Input of `updateInvitation`: every field optional; `fee_proposed: null` removes the fee. */
export const updateInvitationInputSchema = /* @__PURE__ */ schema(
  () =>
    object({
      email: optional(emailSchema),
      fee_proposed: optional(nullable(feeSchema)),
    }) satisfies ZodMiniType<UpdateInvitationInput, unknown>,
)

/** Input of `updateNetwork`: the proposed fee. */
export const updateNetworkInputSchema = /* @__PURE__ */ schema(() => object({ fee: feeSchema }) satisfies ZodMiniType<UpdateNetworkInput, unknown>)

/** Query of a record list. */
export const listQuerySchema = /* @__PURE__ */ schema(
  () =>
    object({
      search: optional(string().check(maxLength(200, 'The search is too long.'))),
      filter: optional(string().check(maxLength(100, 'Unknown filter.'))),
      page: optional(int('The page must be a whole number.').check(minimum(1, 'The page must be 1 or more.'))),
      records: optional(
        int('The page size must be a whole number.').check(
          minimum(1, 'The page size must be at least 1.'),
          maximum(MAX_RECORDS, `The page size must be at most ${MAX_RECORDS}.`),
        ),
      ),
    }) satisfies ZodMiniType<ListQuery, unknown>,
)

/*
 * Building blocks of the response schemas (default zod messages: a response is checked, not shown).
 * They avoid zod's `int`, `enum`, `record` and `_default` (each pulls its own code into every page that reads a
 * response) for zod's own lighter pieces (`refine`, `custom`, `catchall`, `pipe`): the same values pass and parse
 * to the same output (tests pin each rule).
 */
const text = /* @__PURE__ */ string()
const optionalText = /* @__PURE__ */ schema(() => optional(text))
const nonEmptyText = /* @__PURE__ */ schema(() => text.check(minLength(1)))
/**
 * A whole number >= 0: Unix timestamps, totals, page counts. `Number.isSafeInteger` is the rule of zod's `int()`
 * (an integer within ±(2^53 - 1)); `number()` already rejects NaN and ±Infinity.
 */
const count = /* @__PURE__ */ schema(() => number().check(refine(Number.isSafeInteger), minimum(0)))
const percent = /* @__PURE__ */ schema(() => number().check(minimum(0), maximum(100)))

/** A string, `''` when missing. */
const emptyByDefault = /* @__PURE__ */ schema(() => withDefault(text, () => ''))

/** True when `value` is one of `INVITATION_STATUSES`. */
function isInvitationStatus(value: unknown): value is InvitationStatus {
  return (INVITATION_STATUSES as readonly unknown[]).includes(value)
}

/** A network invitation as the API returns it. */
export const networkInvitationSchema = /* @__PURE__ */ schema(
  () =>
    object({
      id: nonEmptyText,
      created: count,
      domain_id: text,
      email: text,
      fee_proposed: optional(percent),
      country_id: optionalText,
      expires: count,
      status: custom<InvitationStatus>(isInvitationStatus),
    }) satisfies ZodMiniType<NetworkInvitation, unknown>,
)

/**
 * A network as the API returns it. Accepts `fee_proposed_date` (the list rows' spelling in seed 003)
 * as well as `proposed_date`, and normalises to `proposed_date`. Seed 003 omits `domain_id` and `created`
 * from network objects and list rows: they default to `''` and 0.
 */
export const networkSchema = /* @__PURE__ */ schema(() =>
  pipe(
    object({
      account_id: nonEmptyText,
      account_title: text,
      domain_id: emptyByDefault,
      domain_title: text,
      fee: percent,
      fee_proposed: optional(percent),
      proposed_date: optional(count),
      fee_proposed_date: optional(count),
      proposed_account_id: optionalText,
      proposed_user_id: optionalText,
      created: withDefault(count, () => 0),
    }),
    transform(({ fee_proposed_date, ...network }): Network => {
      const date = network.proposed_date ?? fee_proposed_date
      return date === undefined ? network : { ...network, proposed_date: date }
    }),
  ),
)

/** A domain in normalised form. */
export const networkDomainSchema = /* @__PURE__ */ schema(
  () => object({ id: nonEmptyText, title: text, description: text }) satisfies ZodMiniType<NetworkDomain, unknown>,
)

/**
 * The domains collection as the API returns it: `[{ "dom_1": { title, description } }]` (non-empty ids; a missing
 * description is `''`), normalised to `NetworkDomain[]`.
 */
export const networkDomainCollectionSchema = /* @__PURE__ */ schema(() =>
  pipe(
    array(keyedByIds(object({ title: text, description: emptyByDefault }))),
    transform((entries): NetworkDomain[] =>
      entries.flatMap((entry) => Object.entries(entry).map(([id, domain]) => ({ id, ...domain }))),
    ),
  ),
)

/** A country. */
export const countrySchema = /* @__PURE__ */ schema(() => object({ id: nonEmptyText, title: text }) satisfies ZodMiniType<Country, unknown>)

/** The ids an activation created (seed 003 shape). */
export const activationResultSchema = /* @__PURE__ */ schema(
  () =>
    object({
      account_id: nonEmptyText,
      user_id: text,
      domain_id: text,
      version_id: text,
    }) satisfies ZodMiniType<ActivationResult, unknown>,
)

/** Result of deleting a network. */
export const deleteNetworkResultSchema = /* @__PURE__ */ schema(
  () => object({ parent_account_id: text, child_account_id: text }) satisfies ZodMiniType<DeleteNetworkResult, unknown>,
)

/** A record list of `item`. */
export function recordListSchema<T>(item: ZodMiniType<T, unknown>) {
  return object({
    list: array(item),
    total: count,
    search: emptyByDefault,
    filter: emptyByDefault,
    filters: withDefault(array(text), () => []),
    pages: count,
  }) satisfies ZodMiniType<RecordList<T>, unknown>
}

/** The Backstack error body: `{ error: { type, code, message, fields, dev_message, ... } }`. */
export const backstackErrorBodySchema = /* @__PURE__ */ schema(() =>
  object({
    error: object({
      request_method: optionalText,
      type: optionalText,
      code: optional(number()),
      message: optionalText,
      fields: optional(keyedBy(text)),
      dev_message: optionalText,
      reason: optionalText,
    }),
  }),
)

/** An issue's path joined with dots (`list.0.id`), `''` at the root. */
function issuePath(issue: core.$ZodIssue): string {
  return issue.path.map(String).join('.')
}

/** A field -> first message map from a zod error, for form fields and `NetworkApiError.fields`. */
export function fieldErrors(error: core.$ZodError): Record<string, string> {
  const fields: Record<string, string> = {}
  for (const issue of error.issues) fields[issuePath(issue) || '_'] ??= issue.message
  return fields
}

/** The first issue's path and message, for a `codebase` error naming the bad field. */
export function describeIssue(error: core.$ZodError): string {
  const issue = error.issues[0]
  return issue ? `${issuePath(issue) || '(root)'}: ${issue.message}` : 'invalid value'
}
