import { describe, expect, it } from 'vitest'
import * as z from 'zod/mini'
import {
  MAX_EMAIL_LENGTH,
  activationResultSchema,
  activationTokenSchema,
  backstackErrorBodySchema,
  createInvitationInputSchema,
  describeIssue,
  emailSchema,
  feeSchema,
  fieldErrors,
  hasAtMostTwoDecimals,
  listQuerySchema,
  networkDomainCollectionSchema,
  networkInvitationSchema,
  networkSchema,
  normalizeEmail,
  recordListSchema,
  sameEmail,
  updateInvitationInputSchema,
  updateNetworkInputSchema,
} from '../../src/core/schemas'

/** The messages of a failed parse, or `[]` when it succeeded. */
function messages(schema: z.ZodMiniType, input: unknown): string[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

const ENTER = 'Enter an email address.'
const INVALID = 'Enter a valid email address, like name@example.com.'
const TOO_LONG = 'This email address is too long.'

/** A syntactically valid address of exactly `length` characters. */
function emailOfLength(length: number): string {
  const domain = '@example.com'
  return 'a'.repeat(length - domain.length) + domain
}

describe('emailSchema', () => {
  it.each([
    ['name@example.com', 'name@example.com'],
    ['  name@example.com  ', 'name@example.com'],
    ['\tfirst.last+tag@sub.example.co\n', 'first.last+tag@sub.example.co'],
    ['Name@Example.COM', 'Name@Example.COM'],
    [emailOfLength(MAX_EMAIL_LENGTH), emailOfLength(MAX_EMAIL_LENGTH)],
  ])('accepts %j as %j', (input, output) => {
    expect(emailSchema.parse(input)).toBe(output)
  })

  it.each<[string, unknown, string[]]>([
    ['empty', '', [ENTER]],
    ['blank', '   ', [ENTER]],
    ['undefined', undefined, [ENTER]],
    ['a number', 42, [ENTER]],
    ['no at sign', 'name.example.com', [INVALID]],
    ['no domain', 'name@', [INVALID]],
    ['no top-level domain', 'name@example', [INVALID]],
    ['a space inside', 'na me@example.com', [INVALID]],
    ['two at signs', 'a@b@example.com', [INVALID]],
    ['one character too long', emailOfLength(MAX_EMAIL_LENGTH + 1), [TOO_LONG]],
    ['far too long', emailOfLength(1000), [TOO_LONG]],
  ])('rejects %s with its message', (_name, input, expected) => {
    expect(messages(emailSchema, input)).toEqual(expected)
  })
})

describe('emailSchema issue codes', () => {
  // The form tells "too long" from "invalid" by the `too_big` code alone; every other code reads as invalid.
  it.each<[string, unknown, boolean[]]>([
    ['an invalid address', 'nope', [false]],
    ['a too long address', emailOfLength(MAX_EMAIL_LENGTH + 1), [true]],
    ['a too long invalid address', `${'a'.repeat(300)}@@`, [false, true]],
  ])('%s: too_big per issue %j', (_name, input, tooBig) => {
    const result = emailSchema.safeParse(input)
    expect(result.success ? [] : result.error.issues.map((issue) => issue.code === 'too_big')).toEqual(tooBig)
  })
})

describe('feeSchema', () => {
  it.each([0, 100, 2.5, 2.25, 0.01, 99.99, 33.33, 0.1 + 0.2])('accepts %d', (fee) => {
    expect(feeSchema.parse(fee)).toBe(fee)
  })

  const NOT_A_NUMBER = 'Enter the fee as a number, like 2.5.'
  it.each<[unknown, string]>([
    [-1, 'The fee cannot be below 0%.'],
    [-0.01, 'The fee cannot be below 0%.'],
    [101, 'The fee cannot be above 100%.'],
    [100.01, 'The fee cannot be above 100%.'],
    [1.234, 'Use at most two decimals, like 2.25.'],
    [1.005, 'Use at most two decimals, like 2.25.'],
    [NaN, NOT_A_NUMBER],
    [Infinity, NOT_A_NUMBER],
    [-Infinity, NOT_A_NUMBER],
    ['2', NOT_A_NUMBER],
    [null, NOT_A_NUMBER],
    [undefined, NOT_A_NUMBER],
  ])('rejects %j: %s', (fee, message) => {
    expect(messages(feeSchema, fee)[0]).toBe(message)
  })
})

describe('hasAtMostTwoDecimals', () => {
  it.each<[number, boolean]>([
    [0, true],
    [1, true],
    [2.5, true],
    [2.25, true],
    [33.33, true],
    [0.1 + 0.2, true],
    [0.07, true],
    [99.99, true],
    [1.005, false],
    [1.234, false],
    [0.001, false],
    [33.333, false],
  ])('%d -> %s', (value, expected) => {
    expect(hasAtMostTwoDecimals(value)).toBe(expected)
  })
})

describe('normalizeEmail and sameEmail', () => {
  it.each([
    ['Name@Example.com', 'name@example.com'],
    ['  a@b.co \n', 'a@b.co'],
    ['', ''],
  ])('normalizeEmail(%j) = %j', (input, output) => {
    expect(normalizeEmail(input)).toBe(output)
  })

  it.each<[string, string, boolean]>([
    ['a@b.co', 'a@b.co', true],
    ['A@B.CO', 'a@b.co', true],
    [' a@b.co', 'a@b.co  ', true],
    ['a@b.co', 'b@b.co', false],
    ['a@b.co', 'a@b.com', false],
  ])('sameEmail(%j, %j) = %s', (a, b, expected) => {
    expect(sameEmail(a, b)).toBe(expected)
    expect(sameEmail(b, a)).toBe(expected)
  })
})

describe('createInvitationInputSchema', () => {
  it.each<[string, unknown, unknown]>([
    ['minimal', { email: 'a@b.co', domain_id: 'dom_1' }, { email: 'a@b.co', domain_id: 'dom_1' }],
    [
      'everything, trimmed',
      { email: ' a@b.co ', domain_id: ' dom_1 ', country_id: ' NL ', fee_proposed: 2.5 },
      { email: 'a@b.co', domain_id: 'dom_1', country_id: 'NL', fee_proposed: 2.5 },
    ],
    ['fee 0', { email: 'a@b.co', domain_id: 'dom_1', fee_proposed: 0 }, { email: 'a@b.co', domain_id: 'dom_1', fee_proposed: 0 }],
  ])('accepts %s', (_name, input, output) => {
    expect(createInvitationInputSchema.parse(input)).toEqual(output)
  })

  it.each<[string, unknown, Record<string, string>]>([
    ['nothing', {}, { email: ENTER, domain_id: 'Choose an account type.' }],
    ['blank domain', { email: 'a@b.co', domain_id: '  ' }, { domain_id: 'Choose an account type.' }],
    ['bad email', { email: 'nope', domain_id: 'dom_1' }, { email: INVALID }],
    ['fee too high', { email: 'a@b.co', domain_id: 'dom_1', fee_proposed: 101 }, { fee_proposed: 'The fee cannot be above 100%.' }],
    ['null fee', { email: 'a@b.co', domain_id: 'dom_1', fee_proposed: null }, { fee_proposed: 'Enter the fee as a number, like 2.5.' }],
    ['empty country', { email: 'a@b.co', domain_id: 'dom_1', country_id: '' }, { country_id: 'An id is required.' }],
  ])('rejects %s', (_name, input, fields) => {
    const result = createInvitationInputSchema.safeParse(input)
    expect(result.success).toBe(false)
    if (!result.success) expect(fieldErrors(result.error)).toEqual(fields)
  })
})

describe('updateInvitationInputSchema', () => {
  it.each<[string, unknown, unknown]>([
    ['nothing (keeps everything)', {}, {}],
    ['a new email, trimmed', { email: ' new@b.co ' }, { email: 'new@b.co' }],
    ['a new fee', { fee_proposed: 3 }, { fee_proposed: 3 }],
    ['fee null deletes the fee', { fee_proposed: null }, { fee_proposed: null }],
  ])('accepts %s', (_name, input, output) => {
    const parsed = updateInvitationInputSchema.parse(input)
    expect(parsed).toEqual(output)
    expect(Object.keys(parsed)).toEqual(Object.keys(output as object))
  })

  it.each<[string, unknown, Record<string, string>]>([
    ['a bad email', { email: 'nope' }, { email: INVALID }],
    ['a fee above 100', { fee_proposed: 150 }, { fee_proposed: 'The fee cannot be above 100%.' }],
    ['a fee with three decimals', { fee_proposed: 1.234 }, { fee_proposed: 'Use at most two decimals, like 2.25.' }],
    ['a string fee', { fee_proposed: '3' }, { fee_proposed: 'Enter the fee as a number, like 2.5.' }],
  ])('rejects %s', (_name, input, fields) => {
    const result = updateInvitationInputSchema.safeParse(input)
    expect(result.success).toBe(false)
    if (!result.success) expect(fieldErrors(result.error)).toEqual(fields)
  })
})

describe('updateNetworkInputSchema', () => {
  it.each([0, 2.25, 100])('accepts fee %d', (fee) => {
    expect(updateNetworkInputSchema.parse({ fee })).toEqual({ fee })
  })

  it.each<[unknown, string]>([
    [{}, 'Enter the fee as a number, like 2.5.'],
    [{ fee: null }, 'Enter the fee as a number, like 2.5.'],
    [{ fee: -1 }, 'The fee cannot be below 0%.'],
    [{ fee: 2.005 }, 'Use at most two decimals, like 2.25.'],
  ])('rejects %j', (input, message) => {
    const result = updateNetworkInputSchema.safeParse(input)
    expect(result.success).toBe(false)
    if (!result.success) expect(fieldErrors(result.error)).toEqual({ fee: message })
  })
})

describe('listQuerySchema', () => {
  it.each<unknown>([
    {},
    { page: 1 },
    { page: 7, records: 1 },
    { records: 100 },
    { search: 'acme', filter: 'pending' },
    { search: 'x'.repeat(200) },
  ])('accepts %j', (query) => {
    expect(listQuerySchema.parse(query)).toEqual(query)
  })

  it.each<[unknown, string, string]>([
    [{ page: 0 }, 'page', 'The page must be 1 or more.'],
    [{ page: -1 }, 'page', 'The page must be 1 or more.'],
    [{ page: 1.5 }, 'page', 'The page must be a whole number.'],
    [{ page: '2' }, 'page', 'The page must be a whole number.'],
    [{ records: 0 }, 'records', 'The page size must be at least 1.'],
    [{ records: 101 }, 'records', 'The page size must be at most 100.'],
    [{ records: 1000 }, 'records', 'The page size must be at most 100.'],
    [{ records: 2.5 }, 'records', 'The page size must be a whole number.'],
    [{ records: NaN }, 'records', 'The page size must be a whole number.'],
    [{ search: 'x'.repeat(201) }, 'search', 'The search is too long.'],
    [{ filter: 'x'.repeat(101) }, 'filter', 'Unknown filter.'],
  ])('rejects %j', (query, field, message) => {
    const result = listQuerySchema.safeParse(query)
    expect(result.success).toBe(false)
    if (!result.success) expect(fieldErrors(result.error)).toEqual({ [field]: message })
  })
})

describe('activationTokenSchema', () => {
  const base64url43 = 'q9Zx-3_kLm0AbCdEfGhIjKlMnOpQrStUvWxYz012345'
  it('has a 43-character base64url fixture', () => {
    expect(base64url43).toHaveLength(43)
  })

  it.each([
    [base64url43, base64url43],
    [`  ${base64url43}\n`, base64url43],
    ['a'.repeat(16), 'a'.repeat(16)],
    ['a.b~c-d_e'.padEnd(16, 'x'), 'a.b~c-d_exxxxxxx'],
    ['a'.repeat(512), 'a'.repeat(512)],
  ])('accepts %j', (input, output) => {
    expect(activationTokenSchema.parse(input)).toBe(output)
  })

  const DAMAGED = 'The activation link is incomplete or damaged.'
  it.each<[string, unknown, string]>([
    ['empty', '', 'The activation link has no token.'],
    ['blank', '   ', 'The activation link has no token.'],
    ['missing', undefined, 'The activation link has no token.'],
    ['15 characters', 'a'.repeat(15), DAMAGED],
    ['513 characters', 'a'.repeat(513), DAMAGED],
    ['a space inside', `${base64url43.slice(0, 20)} ${base64url43.slice(20)}`, DAMAGED],
    ['standard base64 padding', `${base64url43}=`, DAMAGED],
    ['a plus sign', `${base64url43}+`, DAMAGED],
    ['a slash', `${base64url43}/x`, DAMAGED],
    ['percent-encoding', `${base64url43}%3D`, DAMAGED],
  ])('rejects %s', (_name, input, message) => {
    expect(messages(activationTokenSchema, input)).toEqual([message])
  })
})

describe('networkInvitationSchema', () => {
  const invitation = {
    id: 'nwi_1',
    created: 1_700_000_000,
    domain_id: 'dom_1',
    email: 'a@b.co',
    expires: 1_700_600_000,
    status: 'pending',
  }
  it.each<[string, unknown]>([
    ['minimal', invitation],
    ['with fee and country', { ...invitation, fee_proposed: 2.5, country_id: 'NL' }],
    ['active', { ...invitation, status: 'active' }],
  ])('accepts %s', (_name, input) => {
    expect(networkInvitationSchema.parse(input)).toEqual(input)
  })

  it.each<[string, unknown]>([
    ['an unknown status', { ...invitation, status: 'revoked' }],
    ['an empty id', { ...invitation, id: '' }],
    ['a fractional timestamp', { ...invitation, created: 1.5 }],
    ['a negative timestamp', { ...invitation, expires: -1 }],
    ['a fee over 100', { ...invitation, fee_proposed: 101 }],
    ['a missing email', { ...invitation, email: undefined }],
    ['null', null],
  ])('rejects %s', (_name, input) => {
    expect(networkInvitationSchema.safeParse(input).success).toBe(false)
  })

  // Timestamps are checked with `Number.isSafeInteger` (zod's `int()` rule) and a minimum of 0.
  it.each<[unknown, boolean]>([
    [0, true],
    [-0, true],
    [1_700_000_000, true],
    [Number.MAX_SAFE_INTEGER, true],
    [Number.MAX_SAFE_INTEGER + 1, false],
    [2 ** 60, false],
    [1.5, false],
    [-1, false],
    [NaN, false],
    [Infinity, false],
    ['1', false],
    [null, false],
  ])('created %s accepted: %s', (created, accepted) => {
    expect(networkInvitationSchema.safeParse({ ...invitation, created }).success).toBe(accepted)
  })

  // The status is checked against INVITATION_STATUSES (no zod enum).
  it.each<[unknown, boolean]>([
    ['pending', true],
    ['expired', true],
    ['active', true],
    ['revoked', false],
    ['', false],
    ['PENDING', false],
    ['toString', false],
    [null, false],
    [1, false],
    [undefined, false],
  ])('status %j accepted: %s', (status, accepted) => {
    const result = networkInvitationSchema.safeParse({ ...invitation, status })
    expect(result.success).toBe(accepted)
    if (result.success) expect(result.data.status).toBe(status)
    else expect(Object.keys(fieldErrors(result.error))).toEqual(['status'])
  })

  it('drops unknown keys such as a token', () => {
    expect(networkInvitationSchema.parse({ ...invitation, token: 'secret' })).not.toHaveProperty('token')
  })
})

describe('networkSchema', () => {
  const network = {
    account_id: 'acc_1',
    account_title: 'Corner Shop',
    domain_id: 'dom_1',
    domain_title: 'Retail store',
    fee: 2,
    created: 1_700_000_000,
  }
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['no proposal', network, network],
    ['proposed_date', { ...network, fee_proposed: 3, proposed_date: 10 }, { ...network, fee_proposed: 3, proposed_date: 10 }],
    ['fee_proposed_date normalised', { ...network, fee_proposed: 3, fee_proposed_date: 20 }, { ...network, fee_proposed: 3, proposed_date: 20 }],
    ['proposed_date wins over fee_proposed_date', { ...network, proposed_date: 10, fee_proposed_date: 20 }, { ...network, proposed_date: 10 }],
    ['fee_proposed_date 0', { ...network, fee_proposed_date: 0 }, { ...network, proposed_date: 0 }],
    [
      'who proposed',
      { ...network, proposed_account_id: 'acc_p', proposed_user_id: 'usr_p' },
      { ...network, proposed_account_id: 'acc_p', proposed_user_id: 'usr_p' },
    ],
  ])('parses %s', (_name, input, output) => {
    const parsed = networkSchema.parse(input)
    expect(parsed).toEqual(output)
    expect(parsed).not.toHaveProperty('fee_proposed_date')
    expect(Object.keys(parsed).sort()).toEqual(Object.keys(output).sort())
  })

  // `domain_id` and `created` default in a transform (no zod `_default`); the keys keep the shape's order.
  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['both given', network, network],
    ['domain_id missing', { ...network, domain_id: undefined }, { ...network, domain_id: '' }],
    ['created missing', { ...network, created: undefined }, { ...network, created: 0 }],
    ['both missing (seed 003)', { ...network, domain_id: undefined, created: undefined }, { ...network, domain_id: '', created: 0 }],
    ['created 0', { ...network, created: 0 }, { ...network, created: 0 }],
  ])('defaults: %s', (_name, input, output) => {
    const parsed = networkSchema.parse(input)
    expect(parsed).toEqual(output)
    expect(Object.keys(parsed)).toEqual(['account_id', 'account_title', 'domain_id', 'domain_title', 'fee', 'created'])
  })

  it.each<[string, unknown]>([
    ['a null domain_id', { ...network, domain_id: null }],
    ['a numeric domain_id', { ...network, domain_id: 1 }],
    ['a null created', { ...network, created: null }],
    ['a fractional created', { ...network, created: 1.5 }],
    ['an unsafe integer created', { ...network, created: 2 ** 53 }],
  ])('does not default %s', (_name, input) => {
    expect(networkSchema.safeParse(input).success).toBe(false)
  })

  it.each<[string, unknown]>([
    ['an empty account id', { ...network, account_id: '' }],
    ['a fee below 0', { ...network, fee: -1 }],
    ['a missing fee', { ...network, fee: undefined }],
    ['a fractional fee_proposed_date', { ...network, fee_proposed_date: 1.5 }],
  ])('rejects %s', (_name, input) => {
    expect(networkSchema.safeParse(input).success).toBe(false)
  })
})

describe('networkDomainCollectionSchema', () => {
  it.each<[string, unknown, unknown]>([
    ['empty', [], []],
    [
      'one domain per entry',
      [{ dom_1: { title: 'Retail', description: 'Shops' } }, { dom_2: { title: 'Restaurant', description: 'Food' } }],
      [
        { id: 'dom_1', title: 'Retail', description: 'Shops' },
        { id: 'dom_2', title: 'Restaurant', description: 'Food' },
      ],
    ],
    [
      'several domains in one entry, order kept',
      [{ dom_b: { title: 'B', description: 'b' }, dom_a: { title: 'A', description: 'a' } }],
      [
        { id: 'dom_b', title: 'B', description: 'b' },
        { id: 'dom_a', title: 'A', description: 'a' },
      ],
    ],
    ['a missing description becomes empty', [{ dom_1: { title: 'Retail' } }], [{ id: 'dom_1', title: 'Retail', description: '' }]],
    ['an empty entry contributes nothing', [{}, { dom_1: { title: 'R', description: '' } }], [{ id: 'dom_1', title: 'R', description: '' }]],
  ])('flattens %s', (_name, input, output) => {
    expect(networkDomainCollectionSchema.parse(input)).toEqual(output)
  })

  it.each<[string, unknown]>([
    ['an object instead of a list', { dom_1: { title: 'R', description: '' } }],
    ['an empty id', [{ '': { title: 'R', description: '' } }]],
    ['a missing title', [{ dom_1: { description: 'x' } }]],
    ['a domain that is a string', [{ dom_1: 'Retail' }]],
    ['null description', [{ dom_1: { title: 'R', description: null } }]],
    ['an empty id next to a good one', [{ dom_1: { title: 'R' }, '': { title: 'E' } }]],
    ['a null entry', [null]],
    ['an array entry', [[]]],
    ['a string entry', ['dom_1']],
    ['a domain that is a list', [{ dom_1: [] }]],
    ['one bad domain among good ones', [{ dom_1: { title: 'R' }, dom_2: { title: 5 } }]],
  ])('rejects %s', (_name, input) => {
    expect(networkDomainCollectionSchema.safeParse(input).success).toBe(false)
  })

  it('drops unknown keys of a domain and keeps numeric-looking ids in key order', () => {
    expect(networkDomainCollectionSchema.parse([{ b: { title: 'B', extra: 1 }, 1: { title: 'One', description: 'x' } }])).toEqual([
      { id: '1', title: 'One', description: 'x' },
      { id: 'b', title: 'B', description: '' },
    ])
  })

  it('names the bad domain in the issue path', () => {
    const result = networkDomainCollectionSchema.safeParse([{ dom_1: { title: 'R' } }, { dom_2: { title: 5 } }])
    expect(result.success).toBe(false)
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toEqual(['1.dom_2.title'])
  })
})

describe('recordListSchema', () => {
  const invitations = recordListSchema(networkInvitationSchema)
  const row = { id: 'nwi_1', created: 1, domain_id: 'dom_1', email: 'a@b.co', expires: 2, status: 'expired' }

  it.each<[string, unknown, unknown]>([
    ['defaults filled', { list: [], total: 0, pages: 0 }, { list: [], total: 0, pages: 0, search: '', filter: '', filters: [] }],
    [
      'everything given',
      { list: [row], total: 1, pages: 1, search: 'a', filter: 'expired', filters: ['pending', 'expired'] },
      { list: [row], total: 1, pages: 1, search: 'a', filter: 'expired', filters: ['pending', 'expired'] },
    ],
  ])('parses %s', (_name, input, output) => {
    expect(invitations.parse(input)).toEqual(output)
  })

  it.each<[string, unknown, unknown]>([
    ['defaults filled', { list: [], total: 0, pages: 0 }, ['list', 'total', 'search', 'filter', 'filters', 'pages']],
    ['everything given', { pages: 1, filters: [], filter: 'f', search: 's', total: 1, list: [row] }, ['list', 'total', 'search', 'filter', 'filters', 'pages']],
  ])('keeps the keys in shape order: %s', (_name, input, keys) => {
    expect(Object.keys(invitations.parse(input))).toEqual(keys)
  })

  it('does not share default arrays between parses', () => {
    const first = invitations.parse({ list: [], total: 0, pages: 0 })
    first.filters.push('mutated')
    expect(invitations.parse({ list: [], total: 0, pages: 0 }).filters).toEqual([])
  })

  it.each<[string, unknown, string]>([
    ['a bad row', { list: [{ ...row, status: 'nope' }], total: 1, pages: 1 }, 'list.0.status'],
    ['a negative total', { list: [], total: -1, pages: 0 }, 'total'],
    ['fractional pages', { list: [], total: 0, pages: 0.5 }, 'pages'],
    ['a missing list', { total: 0, pages: 0 }, 'list'],
    ['a list that is an object', { list: {}, total: 0, pages: 0 }, 'list'],
    ['a null list', { list: null, total: 0, pages: 0 }, 'list'],
    ['a bad second row', { list: [row, { ...row, created: 1.5 }], total: 2, pages: 1 }, 'list.1.created'],
    ['a list with a hole', { list: new Array(1), total: 0, pages: 0 }, 'list.0'],
    ['a non-string filter value', { list: [], total: 0, pages: 0, filters: ['a', 1] }, 'filters.1'],
    ['filters that are not a list', { list: [], total: 0, pages: 0, filters: {} }, 'filters'],
    ['a null search', { list: [], total: 0, pages: 0, search: null }, 'search'],
    ['an unsafe integer total', { list: [], total: 2 ** 53, pages: 0 }, 'total'],
  ])('rejects %s at %s', (_name, input, path) => {
    const result = invitations.safeParse(input)
    expect(result.success).toBe(false)
    if (!result.success) expect(Object.keys(fieldErrors(result.error))).toContain(path)
  })
})

describe('backstackErrorBodySchema fields', () => {
  // `fields` is an object of strings (no zod record): any string key, string values only; otherwise the body fails.
  it.each<[string, unknown, boolean]>([
    ['no fields', undefined, true],
    ['empty fields', {}, true],
    ['string fields', { email: 'Taken.', fee: 'Too high.' }, true],
    ['an empty key', { '': 'x' }, true],
    ['a numeric value', { email: 1 }, false],
    ['a null value', { email: null }, false],
    ['a list', ['x'], false],
    ['null', null, false],
    ['a string', 'x', false],
  ])('%s accepted: %s', (_name, fields, accepted) => {
    const result = backstackErrorBodySchema.safeParse({ error: { message: 'M', fields } })
    expect(result.success).toBe(accepted)
    if (result.success) expect(result.data.error.fields).toEqual(fields)
  })
})

describe('activationResultSchema', () => {
  const result = { account_id: 'acc_1', user_id: 'usr_1', domain_id: 'dom_1', version_id: 'ver_1' }
  it('parses the seed shape', () => {
    expect(activationResultSchema.parse({ ...result, extra: true })).toEqual(result)
  })
  it.each<[string, unknown]>([
    ['an empty account id', { ...result, account_id: '' }],
    ['a missing user id', { ...result, user_id: undefined }],
    ['a numeric version', { ...result, version_id: 1 }],
  ])('rejects %s', (_name, input) => {
    expect(activationResultSchema.safeParse(input).success).toBe(false)
  })
})

describe('fieldErrors and describeIssue', () => {
  function errorOf(schema: z.ZodMiniType, input: unknown): z.core.$ZodError {
    const result = schema.safeParse(input)
    if (result.success) throw new Error('expected a failed parse')
    return result.error
  }

  it.each<[string, z.ZodMiniType, unknown, Record<string, string>, string]>([
    ['a root error', emailSchema, 'nope', { _: INVALID }, `(root): ${INVALID}`],
    ['one field', updateNetworkInputSchema, { fee: 101 }, { fee: 'The fee cannot be above 100%.' }, 'fee: The fee cannot be above 100%.'],
    [
      'several fields, in issue order',
      createInvitationInputSchema,
      { email: 'nope', domain_id: '', fee_proposed: -1 },
      { email: INVALID, domain_id: 'Choose an account type.', fee_proposed: 'The fee cannot be below 0%.' },
      `email: ${INVALID}`,
    ],
    [
      'the first message per field only',
      updateInvitationInputSchema,
      { email: `${'a'.repeat(300)}@@` },
      { email: INVALID },
      `email: ${INVALID}`,
    ],
    [
      'a nested path joined with dots',
      recordListSchema(networkInvitationSchema),
      { list: [{}], total: 0, pages: 0 },
      expect.objectContaining({ 'list.0.id': expect.any(String) }),
      'list.0.id',
    ],
  ])('%s', (_name, schema, input, fields, description) => {
    const error = errorOf(schema, input)
    expect(fieldErrors(error)).toEqual(fields)
    expect(describeIssue(error).startsWith(description)).toBe(true)
  })

  it('describes an error without issues', () => {
    expect(describeIssue(new z.core.$ZodError([]))).toBe('invalid value')
    expect(fieldErrors(new z.core.$ZodError([]))).toEqual({})
  })
})
