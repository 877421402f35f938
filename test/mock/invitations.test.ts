import { describe, expect, it } from 'vitest'
import { MOCK_IDS, type MockAdapter } from '../../src/adapters/mock'
import { expectApiError, freshAdapter, inviteWithToken, lastEmail } from './helpers'

const { accounts, domains } = MOCK_IDS

describe('listNetworkDomains (hierarchy)', () => {
  it.each([
    [accounts.harbor, [domains.retailer, domains.restaurant]],
    [accounts.northwind, [domains.retailer, domains.restaurant]],
    [accounts.civic, [domains.department]],
    [accounts.platform, [domains.distributor, domains.agency]],
    [accounts.corner, []],
  ])('%s sees only its subordinate domains', async (accountId, expected) => {
    const adapter = freshAdapter()
    adapter.backend.signInAs(accountId)
    const list = await adapter.listNetworkDomains()
    expect(list.map((domain) => domain.id)).toEqual(expected)
    for (const domain of list) {
      expect(Object.keys(domain).sort()).toEqual(['description', 'id', 'title'])
      expect(domain.title).not.toBe('')
    }
  })
})

describe('createInvitation', () => {
  it('creates a pending invitation, lists it first and emails a tokened link', async () => {
    const adapter = freshAdapter()
    const now = adapter.backend.clock.now()
    const created = await adapter.createInvitation({ email: '  Jane.Roe@Acme-Corp.com ', domain_id: domains.restaurant, fee_proposed: 2.5, country_id: 'DE' })
    expect(created).toEqual({
      id: expect.stringMatching(/^nwi_[a-z0-9]+$/),
      created: now,
      domain_id: domains.restaurant,
      email: 'Jane.Roe@Acme-Corp.com',
      fee_proposed: 2.5,
      country_id: 'DE',
      expires: now + 48 * 3600,
      status: 'pending',
    })
    const list = await adapter.listInvitations()
    expect(list.list[0]).toEqual(created)
    const mail = lastEmail(adapter)
    expect(mail).toMatchObject({ kind: 'invitation', to: 'Jane.Roe@Acme-Corp.com', invitation_id: created.id, sent: now })
    expect(mail.link).toMatch(/^https:\/\/app\.example\/networks\?token=[A-Za-z0-9_-]{43}$/)
  })

  it('omits optional fields that were not given', async () => {
    const adapter = freshAdapter()
    const created = await adapter.createInvitation({ email: 'a@b-c.com', domain_id: domains.retailer })
    expect('fee_proposed' in created).toBe(false)
    expect('country_id' in created).toBe(false)
  })

  it.each<[string, unknown, string]>([
    ['bad email', { email: 'not-an-email', domain_id: domains.retailer }, 'email'],
    ['empty email', { email: '', domain_id: domains.retailer }, 'email'],
    ['missing email', { domain_id: domains.retailer }, 'email'],
    ['email as a number', { email: 42, domain_id: domains.retailer }, 'email'],
    ['empty domain', { email: 'a@b.com', domain_id: '' }, 'domain_id'],
    ['unknown domain', { email: 'a@b.com', domain_id: 'dom_nope' }, 'domain_id'],
    ['forbidden domain (sibling)', { email: 'a@b.com', domain_id: domains.department }, 'domain_id'],
    ['forbidden domain (own)', { email: 'a@b.com', domain_id: domains.distributor }, 'domain_id'],
    ['forbidden domain (ancestor)', { email: 'a@b.com', domain_id: domains.platform }, 'domain_id'],
    ['fee -1', { email: 'a@b.com', domain_id: domains.retailer, fee_proposed: -1 }, 'fee_proposed'],
    ['fee 101', { email: 'a@b.com', domain_id: domains.retailer, fee_proposed: 101 }, 'fee_proposed'],
    ['fee 1.234', { email: 'a@b.com', domain_id: domains.retailer, fee_proposed: 1.234 }, 'fee_proposed'],
    ['fee NaN', { email: 'a@b.com', domain_id: domains.retailer, fee_proposed: Number.NaN }, 'fee_proposed'],
    ['fee Infinity', { email: 'a@b.com', domain_id: domains.retailer, fee_proposed: Number.POSITIVE_INFINITY }, 'fee_proposed'],
    ['fee as a string', { email: 'a@b.com', domain_id: domains.retailer, fee_proposed: '2' }, 'fee_proposed'],
    ['unknown country', { email: 'a@b.com', domain_id: domains.retailer, country_id: 'XX' }, 'country_id'],
    ['user email of another account', { email: 'OLIVIA.BENNETT@commons-marketplace.com', domain_id: domains.retailer }, 'email'],
    ['own user email', { email: 'maria.lopez@harborfoods.com', domain_id: domains.retailer }, 'email'],
  ])('%s → 400 user error on that field, nothing created', async (_label, input, field) => {
    const adapter = freshAdapter()
    const before = (await adapter.listInvitations()).total
    const outboxBefore = adapter.backend.outbox().length
    const error = await expectApiError(adapter.createInvitation(input as never), { status: 400, type: 'user', reason: 'validation', field })
    expect(error.fields[field]).toMatch(/\S/)
    expect((await adapter.listInvitations()).total).toBe(before)
    expect(adapter.backend.outbox()).toHaveLength(outboxBefore)
  })

  it('reports every bad field at once', async () => {
    const adapter = freshAdapter()
    const error = await expectApiError(adapter.createInvitation({ email: 'x', domain_id: '', fee_proposed: 500 }), { status: 400, type: 'user' })
    expect(Object.keys(error.fields).sort()).toEqual(['domain_id', 'email', 'fee_proposed'])
  })

  it('uses the same message for unknown and forbidden domains', async () => {
    const adapter = freshAdapter()
    const unknown = await expectApiError(adapter.createInvitation({ email: 'a@b.com', domain_id: 'dom_nope' }), { status: 400, type: 'user', field: 'domain_id' })
    const forbidden = await expectApiError(adapter.createInvitation({ email: 'a@b.com', domain_id: domains.agency }), { status: 400, type: 'user', field: 'domain_id' })
    expect(unknown.fields.domain_id).toBe('Choose one of the listed account types.')
    expect(forbidden.fields.domain_id).toBe(unknown.fields.domain_id)
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 42],
    ['a string', 'jdoe@acme-corp.com'],
    ['an array', [{ email: 'a@b.com' }]],
    ['undefined', undefined],
  ])('input that is %s → 400 codebase', async (_label, input) => {
    await expectApiError(freshAdapter().createInvitation(input as never), { status: 400, type: 'codebase' })
  })

  it('refuses a fee when monetization is off, accepts no fee', async () => {
    const adapter = freshAdapter({ monetization: false })
    await expectApiError(adapter.createInvitation({ email: 'a@b.com', domain_id: domains.retailer, fee_proposed: 2 }), {
      status: 400,
      type: 'user',
      field: 'fee_proposed',
    })
    await expect(adapter.createInvitation({ email: 'a@b.com', domain_id: domains.retailer })).resolves.toMatchObject({ status: 'pending' })
    adapter.backend.setMonetization(true)
    expect(adapter.backend.monetization()).toBe(true)
    await expect(adapter.createInvitation({ email: 'c@d.com', domain_id: domains.retailer, fee_proposed: 2 })).resolves.toMatchObject({ fee_proposed: 2 })
  })

  describe('duplicates', () => {
    it('refuses a second pending invitation to the same email, case-insensitively', async () => {
      const adapter = freshAdapter()
      await adapter.createInvitation({ email: 'jdoe@acme-corp.com', domain_id: domains.retailer })
      const error = await expectApiError(adapter.createInvitation({ email: ' JDoe@ACME-corp.com', domain_id: domains.restaurant }), {
        status: 400,
        type: 'user',
        field: 'email',
      })
      expect(error.fields.email).toBe('An invitation to this email is already pending.')
    })

    it('allows the same email again once the first invitation expired', async () => {
      const adapter = freshAdapter()
      await adapter.createInvitation({ email: 'jdoe@acme-corp.com', domain_id: domains.retailer })
      adapter.backend.clock.advance(48 * 3600)
      await expect(adapter.createInvitation({ email: 'jdoe@acme-corp.com', domain_id: domains.retailer })).resolves.toMatchObject({ status: 'pending' })
    })

    it('allows another parent to invite the same email', async () => {
      const adapter = freshAdapter()
      await adapter.createInvitation({ email: 'jdoe@acme-corp.com', domain_id: domains.retailer })
      adapter.backend.signInAs(accounts.northwind)
      await expect(adapter.createInvitation({ email: 'jdoe@acme-corp.com', domain_id: domains.retailer })).resolves.toMatchObject({ status: 'pending' })
    })

    it('refuses the email of a user created by an activation', async () => {
      const adapter = freshAdapter()
      const { token } = await inviteWithToken(adapter, 'new@fresh-foods.com')
      await adapter.activateInvitation(token)
      adapter.backend.signInAs(accounts.northwind)
      await expectApiError(adapter.createInvitation({ email: 'NEW@fresh-foods.com', domain_id: domains.retailer }), { status: 400, type: 'user', field: 'email' })
    })
  })
})

describe('listInvitations', () => {
  const harbor = (): MockAdapter => freshAdapter()

  it('has the record-list shape with harbor seed data', async () => {
    const list = await harbor().listInvitations()
    expect(Object.keys(list).sort()).toEqual(['filter', 'filters', 'list', 'pages', 'search', 'total'])
    expect(list).toMatchObject({ search: '', filter: '', filters: ['pending', 'expired', 'active'] })
    expect(list.total).toBeGreaterThanOrEqual(30)
    expect(list.list).toHaveLength(25)
    expect(list.pages).toBe(Math.ceil(list.total / 25))
  })

  it('sorts newest first', async () => {
    const { list } = await harbor().listInvitations({ records: 100 })
    const created = list.map((invitation) => invitation.created)
    expect(created).toEqual([...created].sort((a, b) => b - a))
  })

  it.each(['pending', 'expired', 'active'] as const)('filter %s returns only that status and echoes it', async (status) => {
    const list = await harbor().listInvitations({ filter: status, records: 100 })
    expect(list.filter).toBe(status)
    expect(list.total).toBeGreaterThan(0)
    expect(list.list.every((invitation) => invitation.status === status)).toBe(true)
  })

  it('filters add up to the total', async () => {
    const adapter = harbor()
    const all = (await adapter.listInvitations()).total
    let sum = 0
    for (const status of ['pending', 'expired', 'active']) sum += (await adapter.listInvitations({ filter: status })).total
    expect(sum).toBe(all)
  })

  it('searches email and domain title case-insensitively, trimmed and echoed', async () => {
    const adapter = harbor()
    await adapter.createInvitation({ email: 'zed.unique@quirky-kitchen.com', domain_id: domains.restaurant })
    const byEmail = await adapter.listInvitations({ search: '  QUIRKY-kitchen ' })
    expect(byEmail.search).toBe('QUIRKY-kitchen')
    expect(byEmail.list.map((invitation) => invitation.email)).toEqual(['zed.unique@quirky-kitchen.com'])
    const byDomain = await adapter.listInvitations({ search: 'restaurant', records: 100 })
    expect(byDomain.total).toBeGreaterThan(0)
    expect(byDomain.list.every((invitation) => invitation.domain_id === domains.restaurant)).toBe(true)
    const none = await adapter.listInvitations({ search: 'no-such-thing-anywhere' })
    expect(none).toMatchObject({ list: [], total: 0, pages: 0 })
  })

  it('combines search and filter', async () => {
    const adapter = harbor()
    const list = await adapter.listInvitations({ search: 'retail', filter: 'active', records: 100 })
    expect(list.list.every((invitation) => invitation.status === 'active' && invitation.domain_id === domains.retailer)).toBe(true)
  })

  it('paginates without gaps or overlaps, and a page past the end is empty', async () => {
    const adapter = harbor()
    const all = await adapter.listInvitations({ records: 100 })
    const seen: string[] = []
    for (let page = 1; page <= Math.ceil(all.total / 7); page++) {
      const chunk = await adapter.listInvitations({ records: 7, page })
      expect(chunk.pages).toBe(Math.ceil(all.total / 7))
      seen.push(...chunk.list.map((invitation) => invitation.id))
    }
    expect(seen).toEqual(all.list.map((invitation) => invitation.id))
    const past = await adapter.listInvitations({ records: 7, page: 99 })
    expect(past).toMatchObject({ list: [], total: all.total, pages: Math.ceil(all.total / 7) })
  })

  it.each<[string, unknown, string]>([
    ['page 0', { page: 0 }, 'page'],
    ['page 1.5', { page: 1.5 }, 'page'],
    ['records 0', { records: 0 }, 'records'],
    ['records 1000', { records: 1000 }, 'records'],
    ['unknown filter', { filter: 'archived' }, 'filter'],
    ['network filter on invitations', { filter: 'proposed' }, 'filter'],
    ['search too long', { search: 'x'.repeat(201) }, 'search'],
  ])('%s → 400 user field error', async (_label, query, field) => {
    await expectApiError(harbor().listInvitations(query as never), { status: 400, type: 'user', reason: 'validation', field })
  })

  it.each<[string, unknown]>([
    ['null', null],
    ['a number', 3],
  ])('a query that is %s → 400 codebase', async (_label, query) => {
    await expectApiError(harbor().listInvitations(query as never), { status: 400, type: 'codebase' })
  })

  it('derives expired from the clock', async () => {
    const adapter = harbor()
    const before = await adapter.listInvitations({ filter: 'pending' })
    adapter.backend.clock.advance(48 * 3600)
    expect((await adapter.listInvitations({ filter: 'pending' })).total).toBe(0)
    expect((await adapter.listInvitations({ filter: 'expired' })).total).toBeGreaterThanOrEqual(before.total)
  })
})

describe('updateInvitation', () => {
  it('changes only the submitted fields, rotates the token, restarts expiry and resends', async () => {
    const adapter = freshAdapter()
    const { invitation, token: oldToken } = await inviteWithToken(adapter, 'jdoe@acme-corp.com', { fee_proposed: 2, country_id: 'FR' })
    adapter.backend.clock.advance(3600)
    const updated = await adapter.updateInvitation(invitation.id, { fee_proposed: 3.5 })
    expect(updated).toEqual({ ...invitation, fee_proposed: 3.5, expires: adapter.backend.clock.now() + 48 * 3600 })
    const mail = lastEmail(adapter)
    expect(mail.subject).toMatch(/updated/i)
    const newToken = adapter.backend.tokenFromEmail(mail)
    expect(newToken).not.toBeNull()
    expect(newToken).not.toBe(oldToken)
    await expectApiError(adapter.activateInvitation(oldToken), { status: 410, type: 'user', reason: 'token_replaced' })
    await expect(adapter.activateInvitation(newToken!)).resolves.toMatchObject({ domain_id: domains.retailer })
  })

  it.each<[string, Record<string, unknown>, Record<string, unknown>]>([
    ['new email', { email: 'jdoe2@acme-corp.com' }, { email: 'jdoe2@acme-corp.com', fee_proposed: 2 }],
    ['empty email keeps the old one', { email: '' }, { email: 'jdoe@acme-corp.com', fee_proposed: 2 }],
    ['blank email keeps the old one', { email: '   ' }, { email: 'jdoe@acme-corp.com', fee_proposed: 2 }],
    ['fee null deletes the fee', { fee_proposed: null }, { email: 'jdoe@acme-corp.com' }],
    ['empty object only resends', {}, { email: 'jdoe@acme-corp.com', fee_proposed: 2 }],
    ['case change of own email', { email: 'JDOE@acme-corp.com' }, { email: 'JDOE@acme-corp.com', fee_proposed: 2 }],
  ])('%s', async (_label, input, expected) => {
    const adapter = freshAdapter()
    const { invitation } = await inviteWithToken(adapter, 'jdoe@acme-corp.com', { fee_proposed: 2 })
    const updated = await adapter.updateInvitation(invitation.id, input)
    expect(updated.email).toBe(expected.email)
    expect(updated.fee_proposed).toBe(expected.fee_proposed)
    expect('fee_proposed' in updated).toBe('fee_proposed' in expected)
    expect(lastEmail(adapter).to).toBe(expected.email)
  })

  it('renews an expired invitation', async () => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter)
    adapter.backend.clock.advance(72 * 3600)
    expect((await adapter.listInvitations({ search: invitation.email })).list[0]?.status).toBe('expired')
    const renewed = await adapter.updateInvitation(invitation.id, {})
    expect(renewed.status).toBe('pending')
    expect(renewed.expires).toBe(adapter.backend.clock.now() + 48 * 3600)
    await expectApiError(adapter.activateInvitation(token), { status: 410, type: 'user', reason: 'token_replaced' })
  })

  it('refuses to change an accepted invitation', async () => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter)
    await adapter.activateInvitation(token)
    await expectApiError(adapter.updateInvitation(invitation.id, { fee_proposed: 1 }), { status: 400, type: 'user', reason: 'invitation_active' })
  })

  it.each<[string, Record<string, unknown>, string]>([
    ['bad email', { email: 'nope' }, 'email'],
    ['fee 101', { fee_proposed: 101 }, 'fee_proposed'],
    ['fee -1', { fee_proposed: -1 }, 'fee_proposed'],
    ['fee 1.234', { fee_proposed: 1.234 }, 'fee_proposed'],
    ['fee NaN', { fee_proposed: Number.NaN }, 'fee_proposed'],
    ['email of an existing user', { email: 'liam.tremblay@northwind-traders.ca' }, 'email'],
  ])('%s → 400 field error, token unchanged', async (_label, input, field) => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter)
    await expectApiError(adapter.updateInvitation(invitation.id, input), { status: 400, type: 'user', field })
    await expect(adapter.activateInvitation(token)).resolves.toBeDefined()
  })

  it('refuses an email that another pending invitation of the parent uses', async () => {
    const adapter = freshAdapter()
    await adapter.createInvitation({ email: 'taken@acme-corp.com', domain_id: domains.retailer })
    const { invitation } = await inviteWithToken(adapter, 'other@acme-corp.com')
    await expectApiError(adapter.updateInvitation(invitation.id, { email: 'TAKEN@acme-corp.com' }), { status: 400, type: 'user', field: 'email' })
  })

  it('refuses a fee when monetization is off, but may delete one', async () => {
    const adapter = freshAdapter()
    const { invitation } = await inviteWithToken(adapter, 'jdoe@acme-corp.com', { fee_proposed: 2 })
    adapter.backend.setMonetization(false)
    await expectApiError(adapter.updateInvitation(invitation.id, { fee_proposed: 3 }), { status: 400, type: 'user', field: 'fee_proposed' })
    const updated = await adapter.updateInvitation(invitation.id, { fee_proposed: null })
    expect(updated.fee_proposed).toBeUndefined()
  })

  it.each<[string, unknown, unknown, { status: number; type: 'user' | 'codebase' }]>([
    ['unknown id', 'nwi_doesnotexist', {}, { status: 404, type: 'codebase' }],
    ['empty id', '', {}, { status: 400, type: 'codebase' }],
    ['id as a number', 7, {}, { status: 400, type: 'codebase' }],
    ['null input', 'nwi_x', null, { status: 400, type: 'codebase' }],
    ['numeric input', 'nwi_x', 5, { status: 400, type: 'codebase' }],
  ])('%s → NetworkApiError', async (_label, id, input, expected) => {
    await expectApiError(freshAdapter().updateInvitation(id as never, input as never), expected)
  })
})

describe('deleteInvitation', () => {
  it('removes it and revokes its link', async () => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter)
    await expect(adapter.deleteInvitation(invitation.id)).resolves.toBeUndefined()
    expect((await adapter.listInvitations({ search: invitation.email })).total).toBe(0)
    await expectApiError(adapter.activateInvitation(token), { status: 410, type: 'user', reason: 'token_revoked' })
    await expectApiError(adapter.deleteInvitation(invitation.id), { status: 404, type: 'codebase', reason: 'not_found' })
  })

  it('may delete an accepted invitation (history), keeping its network; its link then says used', async () => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter)
    const result = await adapter.activateInvitation(token)
    await adapter.deleteInvitation(invitation.id)
    await expect(adapter.getNetwork(result.account_id)).resolves.toMatchObject({ account_id: result.account_id })
    await expectApiError(adapter.activateInvitation(token), { status: 409, type: 'user', reason: 'token_used' })
  })

  it.each<[string, unknown, number]>([
    ['unknown id', 'nwi_nope', 404],
    ['empty id', '', 400],
    ['null', null, 400],
  ])('%s → NetworkApiError %i', async (_label, id, status) => {
    await expectApiError(freshAdapter().deleteInvitation(id as never), { status, type: 'codebase' })
  })
})
