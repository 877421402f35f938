import { describe, expect, it } from 'vitest'
import { NetworkApiError } from '../../src/core'
import type { NetworkInvitation, RecordList } from '../../src/core'
import {
  ConformanceError,
  assertActivationResult,
  assertApiError,
  assertCountries,
  assertDeleteNetworkResult,
  assertDomains,
  assertInvitation,
  assertInvitationList,
  assertMalformedTokenRejected,
  assertNetwork,
  assertNetworkList,
  assertNoSecret,
  assertRecordList,
  assertSingleActivation,
  assertStatusAgreesWithClock,
  assertTokenRejected,
  assertUnique,
  conformanceCheck,
  expectedInvitationStatus,
  expectedPageLength,
  invitationTokenFor,
  latestEmail,
  rejectionOf,
} from '../../src/testing'
import type { ConformanceEmail } from '../../src/testing'

const invitation: NetworkInvitation = {
  id: 'nwi_1',
  created: 1000,
  domain_id: 'dom_retailer',
  email: 'ada@example.com',
  fee_proposed: 2.5,
  expires: 1000 + 172800,
  status: 'pending',
}

const network = {
  account_id: 'acc_child',
  account_title: 'Ada Retail',
  domain_id: 'dom_retailer',
  domain_title: 'Retail store',
  fee: 0,
  created: 1000,
}

function page<T>(list: T[], over: Partial<RecordList<T>> = {}): RecordList<T> {
  return { list, total: list.length, search: '', filter: '', filters: ['pending', 'expired', 'active'], pages: list.length === 0 ? 0 : 1, ...over }
}

function apiError(over: Partial<ConstructorParameters<typeof NetworkApiError>[0]> = {}): NetworkApiError {
  return new NetworkApiError({ status: 400, type: 'user', message: 'Some fields need your attention.', fields: { email: 'Enter an email.' }, reason: 'validation', ...over })
}

describe('conformanceCheck', () => {
  it('passes on a truthy condition and throws a ConformanceError with the message otherwise', () => {
    expect(() => conformanceCheck(1, 'never')).not.toThrow()
    expect(() => conformanceCheck(0, 'the message')).toThrow(new ConformanceError('the message'))
  })
})

describe('shape checks', () => {
  it('accept a valid invitation and reject one with a wrong status or a missing id', () => {
    expect(assertInvitation(invitation)).toEqual(invitation)
    expect(() => assertInvitation({ ...invitation, status: 'done' })).toThrow(ConformanceError)
    expect(() => assertInvitation({ ...invitation, id: undefined })).toThrow(/invitation has the wrong shape/)
  })

  it('accept a network, normalising fee_proposed_date, and reject a fee above 100', () => {
    expect(assertNetwork({ ...network, fee_proposed: 3, fee_proposed_date: 2000 })).toMatchObject({ proposed_date: 2000 })
    expect(() => assertNetwork({ ...network, fee: 101 })).toThrow(ConformanceError)
  })

  it('require a non-empty domains array with unique ids', () => {
    const domain = { id: 'dom_a', title: 'A', description: '' }
    expect(assertDomains([domain])).toEqual([domain])
    expect(() => assertDomains([])).toThrow(/empty/)
    expect(() => assertDomains({ dom_a: domain })).toThrow(/not an array/)
    expect(() => assertDomains([domain, domain])).toThrow(/Duplicate domain id/)
    expect(() => assertDomains([{ id: 'dom_a', title: 'A' }])).toThrow(ConformanceError)
  })

  it('check countries, activation results and delete results', () => {
    expect(assertCountries([{ id: 'NL', title: 'Netherlands' }])).toHaveLength(1)
    expect(() => assertCountries([{ id: '', title: 'Nowhere' }])).toThrow(ConformanceError)
    const result = { account_id: 'acc_1', user_id: 'usr_1', domain_id: 'dom_1', version_id: 'ver_1' }
    expect(assertActivationResult(result)).toEqual(result)
    expect(() => assertActivationResult({ ...result, account_id: '' })).toThrow(ConformanceError)
    const ids = { parent_account_id: 'acc_p', child_account_id: 'acc_c' }
    expect(assertDeleteNetworkResult(ids, ids)).toEqual(ids)
    expect(() => assertDeleteNetworkResult(ids, { ...ids, child_account_id: 'acc_x' })).toThrow(/names/)
    expect(() => assertDeleteNetworkResult({ parent_account_id: 'acc_p' })).toThrow(ConformanceError)
  })

  it('assertUnique names the duplicate', () => {
    expect(() => assertUnique(['a', 'b'], 'id')).not.toThrow()
    expect(() => assertUnique(['a', 'b', 'a'], 'id')).toThrow(/Duplicate id "a"/)
  })
})

describe('assertRecordList', () => {
  const rows = Array.from({ length: 5 }, (_, i) => ({ ...invitation, id: `nwi_${i}` }))

  it('accepts consistent pages, including an empty page past the end', () => {
    expect(assertInvitationList(page(rows.slice(0, 2), { total: 5, pages: 3 }), { page: 1, records: 2 }).list).toHaveLength(2)
    expect(assertInvitationList(page(rows.slice(4), { total: 5, pages: 3 }), { page: 3, records: 2 }).list).toHaveLength(1)
    expect(assertInvitationList(page([], { total: 5, pages: 3 }), { page: 4, records: 2 }).list).toEqual([])
    expect(assertInvitationList(page([]), {}).total).toBe(0)
  })

  it.each(([
    { what: 'not an object', value: [], match: /not an object/ },
    { what: 'no list', value: { total: 0, pages: 0, search: '', filter: '', filters: [] }, match: /no `list`/ },
    { what: 'a negative total', value: { ...page([]), total: -1 }, match: /total/ },
    { what: 'a fractional page count', value: { ...page([]), pages: 0.5 }, match: /pages/ },
    { what: 'pages that disagree with total and records', value: page(rows.slice(0, 2), { total: 5, pages: 2 }), query: { records: 2 }, match: /3/ },
    { what: 'more rows than the page size', value: page(rows.slice(0, 3), { total: 5, pages: 3 }), query: { records: 2 }, match: /holds 3 rows; expected 2/ },
    { what: 'rows past the end', value: page(rows.slice(0, 1), { total: 5, pages: 3 }), query: { page: 4, records: 2 }, match: /expected 0/ },
    { what: 'a short page that is not the last', value: page(rows.slice(0, 1), { total: 5, pages: 3 }), query: { page: 1, records: 2 }, match: /expected 2/ },
    { what: 'a search echo that differs', value: page([], { search: 'bob' }), query: { search: 'ada' }, match: /search/ },
    { what: 'a filter echo that differs', value: page([], { filter: '' }), query: { filter: 'pending' }, match: /filter/ },
    { what: 'an applied filter that is not offered', value: page([], { filter: 'pending', filters: [] }), query: { filter: 'pending' }, match: /not among the offered/ },
    { what: 'filters that are not strings', value: page([], { filters: [1] as unknown as string[] }), match: /filters/ },
    { what: 'a row of the wrong shape', value: page([{ id: 1 }]), match: /wrong shape/ },
    { what: 'a row in another status than the filter', value: page([invitation], { filter: 'expired' }), query: { filter: 'expired' }, match: /status "pending"/ },
    { what: 'the same row twice', value: page([invitation, invitation]), match: /Duplicate invitation id/ },
  ] as { what: string; value: unknown; query?: object; match: RegExp }[]).map((c) => [c.what, c] as const))('rejects a list with %s', (_what, { value, query, match }) => {
    expect(() => assertInvitationList(value, query)).toThrow(match)
  })

  it('passes each row through the given parser', () => {
    const seen: number[] = []
    assertRecordList(page(['a', 'b']), {}, (_row, index) => seen.push(index))
    expect(seen).toEqual([0, 1])
  })

  it('checks networks lists for unique child accounts', () => {
    expect(assertNetworkList(page([network])).list).toHaveLength(1)
    expect(() => assertNetworkList(page([network, network]))).toThrow(/Duplicate network account id/)
  })

  it('expectedPageLength counts full, partial and empty pages', () => {
    expect([1, 2, 3, 4].map((p) => expectedPageLength(5, p, 2))).toEqual([2, 2, 1, 0])
    expect(expectedPageLength(0, 1, 25)).toBe(0)
  })
})

describe('assertNoSecret', () => {
  const token = 'Tok3n-abc_DEF.123~xyz'

  it('passes when the token is nowhere in the value', () => {
    expect(() => assertNoSecret({ invitation, list: [invitation] }, token)).not.toThrow()
  })

  it.each([
    { what: 'a field', value: { ...invitation, token } },
    { what: 'a nested link', value: { list: [{ ...invitation, link: `https://app.example/networks?token=${token}` }] } },
    { what: 'a URL-encoded link', value: { link: `https://x/?t=${encodeURIComponent('a b+' + token)}` }, secret: 'a b+' + token },
  ].map((c) => [c.what, c] as const))('throws when the token is in %s', (_what, { value, secret }) => {
    expect(() => assertNoSecret(value, secret ?? token, 'The thing')).toThrow(/The thing exposes the activation token/)
  })

  it('refuses an empty secret rather than passing vacuously', () => {
    expect(() => assertNoSecret({}, '')).toThrow(ConformanceError)
  })
})

describe('status and the clock', () => {
  it('derives pending before expires, expired from expires on, active once activated', () => {
    expect(expectedInvitationStatus(100, 99, false)).toBe('pending')
    expect(expectedInvitationStatus(100, 100, false)).toBe('expired')
    expect(expectedInvitationStatus(100, 500, true)).toBe('active')
  })

  it('assertStatusAgreesWithClock throws on a pending invitation at its expiry and an expired one before it', () => {
    expect(() => assertStatusAgreesWithClock(invitation, invitation.expires - 1)).not.toThrow()
    expect(() => assertStatusAgreesWithClock(invitation, invitation.expires)).toThrow(/expected "expired"/)
    expect(() => assertStatusAgreesWithClock({ ...invitation, status: 'expired' }, invitation.expires - 1)).toThrow(/expected "pending"/)
    expect(() => assertStatusAgreesWithClock({ ...invitation, status: 'active' }, invitation.expires + 1)).not.toThrow()
  })
})

describe('error checks', () => {
  it('assertApiError accepts a matching NetworkApiError', () => {
    const error = apiError()
    expect(assertApiError(error, { status: 400, type: 'user', field: 'email', reason: 'validation' })).toBe(error)
    expect(assertApiError(error, { status: [400, 422], type: ['user', 'codebase'], reason: ['validation', 'token_invalid'] })).toBe(error)
  })

  it.each(([
    { what: 'a plain Error', error: new Error('boom'), expected: {} },
    { what: 'a plain object shaped like the error', error: { status: 400, type: 'user', message: 'x', fields: {} }, expected: {} },
    { what: 'another status', error: apiError(), expected: { status: 404 } },
    { what: 'another type', error: apiError(), expected: { type: 'codebase' } },
    { what: 'a missing field', error: apiError(), expected: { field: 'fee_proposed' } },
    { what: 'an empty field message', error: apiError({ fields: { email: ' ' } }), expected: { field: 'email' } },
    { what: 'another reason', error: apiError(), expected: { reason: 'token_used' } },
    { what: 'no reason', error: apiError({ reason: undefined }), expected: { reason: 'validation' } },
    { what: 'a blank message', error: apiError({ message: '  ' }), expected: {} },
  ] as { what: string; error: unknown; expected: Parameters<typeof assertApiError>[1] }[]).map((c) => [c.what, c] as const))('assertApiError throws on %s', (_what, { error, expected }) => {
    expect(() => assertApiError(error, expected)).toThrow(ConformanceError)
  })

  it('assertTokenRejected needs the reason and a 4xx status', () => {
    expect(() => assertTokenRejected(apiError({ status: 410, reason: 'token_expired' }), 'token_expired')).not.toThrow()
    expect(() => assertTokenRejected(apiError({ status: 410, reason: 'token_expired' }), 'token_used')).toThrow(/token_used/)
    expect(() => assertTokenRejected(apiError({ status: 500, type: 'system', reason: 'token_expired' }), 'token_expired')).toThrow(/4xx/)
  })

  it('assertMalformedTokenRejected takes token_malformed or a 400 user error, nothing else', () => {
    expect(() => assertMalformedTokenRejected(apiError({ status: 404, reason: 'token_malformed' }))).not.toThrow()
    expect(() => assertMalformedTokenRejected(apiError({ status: 400, type: 'user', reason: undefined }))).not.toThrow()
    expect(() => assertMalformedTokenRejected(apiError({ status: 404, type: 'user', reason: 'token_invalid' }))).toThrow(ConformanceError)
    expect(() => assertMalformedTokenRejected(apiError({ status: 400, type: 'codebase', reason: 'validation' }))).toThrow(ConformanceError)
  })

  it('rejectionOf returns the rejection and throws when the promise resolves', async () => {
    const error = apiError()
    await expect(rejectionOf(Promise.reject(error))).resolves.toBe(error)
    await expect(rejectionOf(Promise.resolve({ id: 'nwi_1' }), 'createInvitation')).rejects.toThrow(/createInvitation resolved with \{"id":"nwi_1"\}/)
  })
})

describe('assertSingleActivation', () => {
  const result = { account_id: 'acc_1', user_id: 'usr_1', domain_id: 'dom_1', version_id: 'ver_1' }
  const used = apiError({ status: 409, reason: 'token_used' })

  it('accepts one success and one token_used refusal, in either order', () => {
    expect(assertSingleActivation([{ status: 'fulfilled', value: result }, { status: 'rejected', reason: used }])).toEqual(result)
    expect(assertSingleActivation([{ status: 'rejected', reason: used }, { status: 'fulfilled', value: result }])).toEqual(result)
  })

  it.each(([
    { what: 'two successes', results: [{ status: 'fulfilled', value: result }, { status: 'fulfilled', value: result }] },
    { what: 'two refusals', results: [{ status: 'rejected', reason: used }, { status: 'rejected', reason: used }] },
    { what: 'a loser refused for another reason', results: [{ status: 'fulfilled', value: result }, { status: 'rejected', reason: apiError({ reason: 'token_invalid' }) }] },
  ] as { what: string; results: PromiseSettledResult<unknown>[] }[]).map((c) => [c.what, c] as const))('throws on %s', (_what, { results }) => {
    expect(() => assertSingleActivation(results)).toThrow(ConformanceError)
  })
})

describe('outbox helpers', () => {
  const outbox: ConformanceEmail[] = [
    { to: 'Ada@Example.com', kind: 'invitation', link: 'https://app.example/networks?token=first0000000000000' },
    { to: 'bob@example.com', kind: 'invitation', link: 'https://app.example/networks?token=bob00000000000000' },
    { to: 'ada@example.com', kind: 'invitation', link: 'https://app.example/#/networks?token=second000000000000' },
    { to: 'ada@example.com', kind: 'login-instructions', link: 'https://app.example/login' },
    { to: 'eve@example.com', kind: 'invitation', link: 'https://app.example/networks' },
  ]

  it('latestEmail finds the newest email of a kind to an address, case-insensitively', () => {
    expect(latestEmail(outbox, 'ADA@example.com', 'invitation')).toBe(outbox[2])
    expect(latestEmail(outbox, 'ada@example.com', 'login-instructions')).toBe(outbox[3])
    expect(latestEmail(outbox, 'bob@example.com', 'login-instructions')).toBeUndefined()
  })

  it('invitationTokenFor reads the newest token and throws without an email or a token', () => {
    expect(invitationTokenFor(outbox, 'ada@example.com')).toBe('second000000000000')
    expect(() => invitationTokenFor(outbox, 'nobody@example.com')).toThrow(/No invitation email/)
    expect(() => invitationTokenFor(outbox, 'eve@example.com')).toThrow(/has no token/)
  })
})
