import { describe, expect, it } from 'vitest'
import { MOCK_IDS, type MockAdapter } from '../../src/adapters/mock'
import { expectApiError, freshAdapter, inviteWithToken } from './helpers'

const { accounts, domains } = MOCK_IDS

/** Every session-bound operation, called with harmless arguments. */
const calls: [string, (adapter: MockAdapter) => Promise<unknown>][] = [
  ['listNetworkDomains', (a) => a.listNetworkDomains()],
  ['listCountries', (a) => a.listCountries!()],
  ['createInvitation', (a) => a.createInvitation({ email: 'a@b.com', domain_id: domains.retailer })],
  ['listInvitations', (a) => a.listInvitations()],
  ['updateInvitation', (a) => a.updateInvitation('nwi_x', {})],
  ['deleteInvitation', (a) => a.deleteInvitation('nwi_x')],
  ['listNetworks', (a) => a.listNetworks()],
  ['getNetwork', (a) => a.getNetwork(accounts.corner)],
  ['updateNetwork', (a) => a.updateNetwork(accounts.corner, { fee: 1 })],
  ['deleteNetwork', (a) => a.deleteNetwork(accounts.corner)],
]

describe('session', () => {
  it('starts signed in as harbor with full access', () => {
    expect(freshAdapter().backend.session()).toEqual({
      accountId: accounts.harbor,
      userId: 'usr_harbor',
      access: { 'account-networks': 'crud', 'account-network': 'crud', 'account-network-invitations': 'crud' },
    })
  })

  it.each(calls)('%s without a session → 401 unauthenticated', async (_name, call) => {
    const adapter = freshAdapter({ signedInAs: null })
    const error = await expectApiError(call(adapter), { status: 401, type: 'user', reason: 'unauthenticated' })
    expect(error.message).toBe('Your session has ended. Sign in again.')
  })

  it('signInAs(null) signs out; signing in again works', async () => {
    const adapter = freshAdapter()
    adapter.backend.signInAs(null)
    expect(adapter.backend.session()).toEqual({ accountId: null, userId: null, access: {} })
    await expectApiError(adapter.listInvitations(), { status: 401, type: 'user' })
    adapter.backend.signInAs(accounts.harbor)
    await expect(adapter.listInvitations()).resolves.toBeDefined()
  })

  it('signInAs an unknown account throws', () => {
    expect(() => freshAdapter().backend.signInAs('acc_nope')).toThrow(/acc_nope/)
  })

  it('actAs answers as another account for one synchronous call, writing nothing, and nests', () => {
    const { backend } = freshAdapter()
    let patches = 0
    backend.store.$subscribe(() => void patches++, { flush: 'sync' })
    const invitation = backend.api.createInvitation({ email: 'n@example.com', domain_id: domains.retailer })
    patches = 0
    expect(backend.actAs(accounts.corner, () => [backend.session().accountId, backend.api.listInvitations({}).total])).toEqual([accounts.corner, 0])
    expect(backend.actAs(accounts.corner, () => backend.actAs(accounts.harbor, () => backend.api.listInvitations({}).total))).toBe(
      backend.api.listInvitations({}).total,
    )
    expect(() => backend.actAs(accounts.corner, () => backend.api.deleteInvitation(invitation.id))).toThrow(expect.objectContaining({ status: 403 }))
    expect(patches).toBe(0)
    expect(backend.session().accountId).toBe(accounts.harbor)
    expect(backend.api.listInvitations({}).list.map((i) => i.id)).toContain(invitation.id)
  })

  it('actAs an unknown account throws and runs nothing', () => {
    const { backend } = freshAdapter()
    let ran = false
    expect(() => backend.actAs('acc_nope', () => (ran = true))).toThrow(/acc_nope/)
    expect(ran).toBe(false)
  })

  it.each([
    ['createInvitation', (a: MockAdapter) => a.createInvitation({ email: 'a@b.com', domain_id: domains.retailer })],
    ['updateNetwork', (a: MockAdapter) => a.updateNetwork(accounts.corner, { fee: 1 })],
    ['deleteInvitation', (a: MockAdapter) => a.deleteInvitation('nwi_x')],
    ['deleteNetwork', (a: MockAdapter) => a.deleteNetwork(accounts.corner)],
  ] as const)('read-only corner: %s → 403 forbidden', async (_name, call) => {
    const adapter = freshAdapter({ signedInAs: accounts.corner })
    const error = await expectApiError(call(adapter), { status: 403, type: 'user', reason: 'forbidden' })
    expect(error.message).toBe("You don't have access to networks.")
  })

  it('read-only corner may still read its lists', async () => {
    const adapter = freshAdapter({ signedInAs: accounts.corner })
    await expect(adapter.listInvitations()).resolves.toMatchObject({ total: 0 })
    await expect(adapter.listNetworks()).resolves.toMatchObject({ total: 0 })
    await expect(adapter.listNetworkDomains()).resolves.toEqual([])
  })
})

describe('isolation between accounts', () => {
  it('another account never sees or changes harbor’s invitations (404 as if absent)', async () => {
    const adapter = freshAdapter()
    const { invitation, token } = await inviteWithToken(adapter)
    adapter.backend.signInAs(accounts.northwind)
    const list = await adapter.listInvitations({ records: 100 })
    expect(list.list.map((row) => row.id)).not.toContain(invitation.id)
    await expectApiError(adapter.updateInvitation(invitation.id, { fee_proposed: 1 }), { status: 404, type: 'codebase', reason: 'not_found' })
    await expectApiError(adapter.deleteInvitation(invitation.id), { status: 404, type: 'codebase', reason: 'not_found' })
    adapter.backend.signInAs(accounts.harbor)
    await expect(adapter.activateInvitation(token)).resolves.toBeDefined()
  })

  it('another account never sees or changes harbor’s networks', async () => {
    const adapter = freshAdapter()
    adapter.backend.signInAs(accounts.northwind)
    const list = await adapter.listNetworks({ records: 100 })
    expect(list.list.map((row) => row.account_id)).not.toContain(accounts.corner)
    await expectApiError(adapter.getNetwork(accounts.corner), { status: 404, type: 'codebase' })
    await expectApiError(adapter.updateNetwork(accounts.corner, { fee: 1 }), { status: 404, type: 'codebase' })
    await expectApiError(adapter.deleteNetwork(accounts.corner), { status: 404, type: 'codebase' })
    adapter.backend.signInAs(accounts.harbor)
    await expect(adapter.getNetwork(accounts.corner)).resolves.toMatchObject({ account_id: accounts.corner })
  })

  it('lists of different accounts are disjoint', async () => {
    const adapter = freshAdapter()
    const ids = async (accountId: string) => {
      adapter.backend.signInAs(accountId)
      return (await adapter.listInvitations({ records: 100 })).list.map((row) => row.id)
    }
    const harbor = await ids(accounts.harbor)
    const northwind = await ids(accounts.northwind)
    const civic = await ids(accounts.civic)
    expect(northwind.length).toBeGreaterThan(0)
    expect(civic.length).toBeGreaterThan(0)
    expect(new Set([...harbor, ...northwind, ...civic]).size).toBe(harbor.length + northwind.length + civic.length)
  })

  it('civic invites municipal departments only', async () => {
    const adapter = freshAdapter({ signedInAs: accounts.civic })
    await expect(adapter.createInvitation({ email: 'parks@springfield-parks.gov', domain_id: domains.department })).resolves.toMatchObject({ status: 'pending' })
    await expectApiError(adapter.createInvitation({ email: 'shop@x-y.com', domain_id: domains.retailer }), { status: 400, type: 'user', field: 'domain_id' })
  })
})
