import { describe, expect, it } from 'vitest'
import { MOCK_IDS, MOCK_VERSION_ID, createMockAdapter, createMockBackend, titleFromEmail } from '../../src/adapters/mock'
import { expectApiError, freshAdapter, inviteWithToken, lastEmail } from './helpers'

const { accounts, domains } = MOCK_IDS
const HOUR = 3600

describe('activateInvitation', () => {
  it('creates the child account, its first user and the network, and emails login instructions', async () => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter, 'jdoe@acme-corp.com', { domain_id: domains.restaurant, fee_proposed: 2.5 })
    adapter.backend.clock.advance(HOUR)
    const accountsBefore = adapter.backend.accounts().length
    adapter.backend.signInAs(null) // activation needs no session
    const result = await adapter.activateInvitation(token)
    expect(result).toEqual({
      account_id: expect.stringMatching(/^acc_/),
      user_id: expect.stringMatching(/^usr_/),
      domain_id: domains.restaurant,
      version_id: MOCK_VERSION_ID,
    })
    const all = adapter.backend.accounts()
    expect(all).toHaveLength(accountsBefore + 1)
    const child = all.find((account) => account.id === result.account_id)
    expect(child).toMatchObject({
      title: 'Acme Corp',
      domain_id: domains.restaurant,
      country_id: 'US', // harbor's country
      users: [{ id: result.user_id, email: 'jdoe@acme-corp.com', name: 'Jdoe' }],
      created: adapter.backend.clock.now(),
    })
    const login = lastEmail(adapter)
    expect(login).toMatchObject({ kind: 'login-instructions', to: 'jdoe@acme-corp.com', link: 'https://app.example/login', invitation_id: invitation.id })
    expect(login.text).toContain('Acme Corp')
    expect(login.text).toContain('Harbor Foods Distribution')
    expect(adapter.backend.tokenFromEmail(login)).toBeNull()

    adapter.backend.signInAs(accounts.harbor)
    const network = await adapter.getNetwork(result.account_id)
    expect(network).toEqual({
      account_id: result.account_id,
      account_title: 'Acme Corp',
      domain_id: domains.restaurant,
      domain_title: 'Restaurant',
      fee: 2.5,
      created: adapter.backend.clock.now(),
    })
    const listed = await adapter.listInvitations({ filter: 'active', search: 'jdoe@acme-corp.com' })
    expect(listed.list).toEqual([{ ...invitation, status: 'active' }])
  })

  it('uses the invitation country and a 0 fee when none was proposed', async () => {
    const adapter = freshAdapter()
    const { token } = await inviteWithToken(adapter, 'ana@pixel-market.co.uk', { country_id: 'GB' })
    const result = await adapter.activateInvitation(token)
    expect(adapter.backend.accounts().find((account) => account.id === result.account_id)).toMatchObject({ country_id: 'GB', title: 'Pixel Market' })
    expect((await adapter.getNetwork(result.account_id)).fee).toBe(0)
  })

  it('the new account can sign in and see its own (empty) networks', async () => {
    const adapter = freshAdapter()
    const { token } = await inviteWithToken(adapter)
    const { account_id } = await adapter.activateInvitation(token)
    adapter.backend.signInAs(account_id)
    expect(adapter.backend.session()).toMatchObject({ accountId: account_id })
    await expect(adapter.listNetworks()).resolves.toMatchObject({ total: 0 })
  })

  it.each<[string, string]>([
    ['jdoe@acme-corp.com', 'Acme Corp'],
    ['x@mail.shop.co.uk', 'Shop'],
    ['x@blue_door.io', 'Blue Door'],
    ['x@localhost', 'Localhost'],
    ['jane.doe@', 'Jane Doe'],
  ])('derives the title of %s as %s', (email, title) => {
    expect(titleFromEmail(email)).toBe(title)
  })

  describe('distinct token errors', () => {
    it.each<[string, string]>([
      ['empty', ''],
      ['too short', 'abc'],
      ['bad characters', 'a'.repeat(20) + '!@#$'],
      ['with a space inside', 'abcdefgh ijklmnopqrstu'],
      ['too long', 'a'.repeat(600)],
    ])('malformed (%s) → 400 token_malformed', async (_label, token) => {
      await expectApiError(freshAdapter().activateInvitation(token), { status: 400, type: 'user', reason: 'token_malformed' })
    })

    it.each<[string, unknown]>([
      ['null', null],
      ['a number', 12345],
      ['an object', { token: 'x' }],
    ])('a token that is %s → 400 token_malformed', async (_label, token) => {
      await expectApiError(freshAdapter().activateInvitation(token as never), { status: 400, type: 'user', reason: 'token_malformed' })
    })

    it('unknown → 404 token_invalid', async () => {
      await expectApiError(freshAdapter().activateInvitation('A'.repeat(43)), { status: 404, type: 'user', reason: 'token_invalid' })
    })

    it('expired → 410 token_expired, with the documented message', async () => {
      const adapter = freshAdapter()
      const { token } = await inviteWithToken(adapter)
      adapter.backend.clock.advance(48 * HOUR)
      const error = await expectApiError(adapter.activateInvitation(token), { status: 410, type: 'user', reason: 'token_expired' })
      expect(error.message).toBe('This invitation has expired. Ask the sender to send a new one.')
    })

    it('already used → 409 token_used, with the documented message', async () => {
      const adapter = freshAdapter()
      const { token } = await inviteWithToken(adapter)
      await adapter.activateInvitation(token)
      const error = await expectApiError(adapter.activateInvitation(token), { status: 409, type: 'user', reason: 'token_used' })
      expect(error.message).toBe('This invitation has already been accepted. Sign in to your account instead.')
      // used beats expired
      adapter.backend.clock.advance(100 * HOUR)
      await expectApiError(adapter.activateInvitation(token), { status: 409, type: 'user', reason: 'token_used' })
    })

    it('deleted → 410 token_revoked', async () => {
      const adapter = freshAdapter()
      const { invitation, token } = await inviteWithToken(adapter)
      await adapter.deleteInvitation(invitation.id)
      await expectApiError(adapter.activateInvitation(token), { status: 410, type: 'user', reason: 'token_revoked' })
    })

    it('replaced → 410 token_replaced, with the documented message', async () => {
      const adapter = freshAdapter()
      const { invitation, token } = await inviteWithToken(adapter)
      await adapter.updateInvitation(invitation.id, { email: 'jdoe2@acme-corp.com' })
      const error = await expectApiError(adapter.activateInvitation(token), { status: 410, type: 'user', reason: 'token_replaced' })
      expect(error.message).toBe('A newer invitation was sent to this address; use the link in the latest email.')
    })

    it('all messages differ', async () => {
      const adapter = freshAdapter()
      const messages = new Set<string>()
      const record = async (promise: Promise<unknown>) => messages.add((await expectApiError(promise, { type: 'user' })).message)
      const one = await inviteWithToken(adapter, 'one@a-b.com')
      const two = await inviteWithToken(adapter, 'two@a-b.com')
      const three = await inviteWithToken(adapter, 'three@a-b.com')
      await adapter.activateInvitation(one.token)
      await adapter.deleteInvitation(two.invitation.id)
      await adapter.updateInvitation(three.invitation.id, {})
      await record(adapter.activateInvitation('bad'))
      await record(adapter.activateInvitation('B'.repeat(43)))
      await record(adapter.activateInvitation(one.token))
      await record(adapter.activateInvitation(two.token))
      await record(adapter.activateInvitation(three.token))
      const four = await inviteWithToken(adapter, 'four@a-b.com')
      adapter.backend.clock.advance(49 * HOUR)
      await record(adapter.activateInvitation(four.token))
      expect(messages.size).toBe(6)
    })
  })

  describe('expiry boundary (now >= expires is expired)', () => {
    it.each<[string, number, 'pending' | 'expired']>([
      ['one second before', 48 * HOUR - 1, 'pending'],
      ['exactly at expires', 48 * HOUR, 'expired'],
      ['one second after', 48 * HOUR + 1, 'expired'],
    ])('%s', async (_label, elapsed, status) => {
      const adapter = freshAdapter()
      const { invitation, token } = await inviteWithToken(adapter)
      adapter.backend.clock.set(invitation.created + elapsed)
      expect((await adapter.listInvitations({ search: invitation.email })).list[0]?.status).toBe(status)
      if (status === 'pending') await expect(adapter.activateInvitation(token)).resolves.toBeDefined()
      else await expectApiError(adapter.activateInvitation(token), { status: 410, type: 'user', reason: 'token_expired' })
    })

    it('follows a custom lifetime', async () => {
      const adapter = freshAdapter({ invitationLifetime: 60 })
      const { invitation } = await inviteWithToken(adapter)
      expect(invitation.expires - invitation.created).toBe(60)
    })
  })

  it('refuses when the email became a user meanwhile (another parent’s invitation was accepted)', async () => {
    const adapter = freshAdapter()
    const first = await inviteWithToken(adapter, 'shared@dual-foods.com')
    adapter.backend.signInAs(accounts.northwind)
    const second = await inviteWithToken(adapter, 'shared@dual-foods.com')
    await adapter.activateInvitation(first.token)
    await expectApiError(adapter.activateInvitation(second.token), { status: 409, type: 'user', reason: 'email_taken' })
  })

  it('two concurrent activations of one token create exactly one account', async () => {
    const backend = createMockBackend({ latency: [5, 30], seed: 3 })
    const adapter = createMockAdapter(backend)
    const { token } = await inviteWithToken(adapter)
    const before = backend.accounts().length
    const results = await Promise.allSettled([adapter.activateInvitation(token), adapter.activateInvitation(token)])
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1)
    const rejected = results.find((result) => result.status === 'rejected')
    expect(rejected?.status === 'rejected' && rejected.reason).toMatchObject({ status: 409, reason: 'token_used' })
    expect(backend.accounts()).toHaveLength(before + 1)
    expect(backend.outbox().filter((email) => email.kind === 'login-instructions')).toHaveLength(1)
  })
})
