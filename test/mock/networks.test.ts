import { describe, expect, it } from 'vitest'
import { MOCK_IDS } from '../../src/adapters/mock'
import { expectApiError, freshAdapter } from './helpers'

const { accounts } = MOCK_IDS

describe('listNetworks', () => {
  it('has the record-list shape, newest first, with the proposed filter offered', async () => {
    const list = await freshAdapter().listNetworks({ records: 100 })
    expect(Object.keys(list).sort()).toEqual(['filter', 'filters', 'list', 'pages', 'search', 'total'])
    expect(list).toMatchObject({ search: '', filter: '', filters: ['proposed'], pages: 1 })
    expect(list.total).toBeGreaterThanOrEqual(10)
    const created = list.list.map((network) => network.created)
    expect(created).toEqual([...created].sort((a, b) => b - a))
    for (const network of list.list) {
      expect(network.account_title).not.toBe('')
      expect(network.domain_title).not.toBe('')
    }
  })

  it('includes the corner store in harbor’s networks', async () => {
    const list = await freshAdapter().listNetworks({ search: 'corner grocery' })
    expect(list.list.map((network) => network.account_id)).toEqual([accounts.corner])
  })

  it('filter proposed returns only networks with a pending fee proposal', async () => {
    const list = await freshAdapter().listNetworks({ filter: 'proposed' })
    expect(list.filter).toBe('proposed')
    expect(list.total).toBeGreaterThan(0)
    for (const network of list.list) {
      expect(network.fee_proposed).toBeTypeOf('number')
      expect(network.proposed_date).toBeTypeOf('number')
      expect(network.proposed_account_id).toMatch(/^acc_/)
      expect(network.proposed_user_id).toMatch(/^usr_/)
    }
  })

  it('searches account title and domain title case-insensitively', async () => {
    const adapter = freshAdapter()
    const all = await adapter.listNetworks({ records: 100 })
    const sample = all.list[0]!
    const byTitle = await adapter.listNetworks({ search: sample.account_title.toUpperCase(), records: 100 })
    expect(byTitle.list.map((network) => network.account_id)).toContain(sample.account_id)
    const byDomain = await adapter.listNetworks({ search: 'RESTAURANT', records: 100 })
    expect(byDomain.total).toBeGreaterThan(0)
    expect(byDomain.list.every((network) => network.domain_title === 'Restaurant')).toBe(true)
  })

  it('paginates, and a page past the end is empty with the right total', async () => {
    const adapter = freshAdapter()
    const first = await adapter.listNetworks({ records: 4 })
    expect(first.list).toHaveLength(4)
    expect(first.pages).toBe(Math.ceil(first.total / 4))
    const past = await adapter.listNetworks({ records: 4, page: first.pages + 1 })
    expect(past).toMatchObject({ list: [], total: first.total, pages: first.pages })
  })

  it.each<[string, unknown, string]>([
    ['page 0', { page: 0 }, 'page'],
    ['records 1000', { records: 1000 }, 'records'],
    ['unknown filter', { filter: 'pending' }, 'filter'],
  ])('%s → 400 user field error', async (_label, query, field) => {
    await expectApiError(freshAdapter().listNetworks(query as never), { status: 400, type: 'user', field })
  })
})

describe('getNetwork', () => {
  it('returns one network by child account id', async () => {
    const adapter = freshAdapter()
    const network = await adapter.getNetwork(accounts.corner)
    expect(network).toMatchObject({ account_id: accounts.corner, account_title: 'Corner Grocery', domain_title: 'Retail store' })
  })

  it.each<[string, unknown, number]>([
    ['unknown child', 'acc_nope', 404],
    ['an account that is not a child', accounts.northwind, 404],
    ['the account itself', accounts.harbor, 404],
    ['empty id', '', 400],
    ['undefined', undefined, 400],
  ])('%s → codebase %i', async (_label, id, status) => {
    await expectApiError(freshAdapter().getNetwork(id as never), { status, type: 'codebase' })
  })
})

describe('updateNetwork', () => {
  it('records a proposal by the session account and user; the agreed fee stays', async () => {
    const adapter = freshAdapter()
    const before = await adapter.getNetwork(accounts.corner)
    adapter.backend.clock.advance(120)
    const updated = await adapter.updateNetwork(accounts.corner, { fee: 4.25 })
    expect(updated).toEqual({
      ...before,
      fee: before.fee,
      fee_proposed: 4.25,
      proposed_date: adapter.backend.clock.now(),
      proposed_account_id: accounts.harbor,
      proposed_user_id: adapter.backend.session().userId,
    })
    expect(await adapter.getNetwork(accounts.corner)).toEqual(updated)
    expect((await adapter.listNetworks({ filter: 'proposed', search: 'Corner Grocery' })).total).toBe(1)
  })

  it.each<[string, unknown]>([
    ['fee -1', { fee: -1 }],
    ['fee 101', { fee: 101 }],
    ['fee 1.234', { fee: 1.234 }],
    ['fee NaN', { fee: Number.NaN }],
    ['no fee', {}],
    ['fee as text', { fee: 'two' }],
  ])('%s → 400 user error on fee', async (_label, input) => {
    await expectApiError(freshAdapter().updateNetwork(accounts.corner, input as never), { status: 400, type: 'user', reason: 'validation', field: 'fee' })
  })

  it('refuses when monetization is off', async () => {
    const adapter = freshAdapter({ monetization: false })
    await expectApiError(adapter.updateNetwork(accounts.corner, { fee: 2 }), { status: 400, type: 'user', field: 'fee' })
    expect((await adapter.getNetwork(accounts.corner)).fee_proposed).toBeUndefined()
  })

  it.each<[string, unknown, unknown, number, 'user' | 'codebase']>([
    ['unknown child', 'acc_nope', { fee: 1 }, 404, 'codebase'],
    ['null input', accounts.corner, null, 400, 'codebase'],
    ['numeric input', accounts.corner, 3, 400, 'codebase'],
  ])('%s → NetworkApiError', async (_label, id, input, status, type) => {
    await expectApiError(freshAdapter().updateNetwork(id as never, input as never), { status, type })
  })
})

describe('deleteNetwork', () => {
  it('removes the relationship only; the child account stays', async () => {
    const adapter = freshAdapter()
    const total = (await adapter.listNetworks()).total
    await expect(adapter.deleteNetwork(accounts.corner)).resolves.toEqual({ parent_account_id: accounts.harbor, child_account_id: accounts.corner })
    expect((await adapter.listNetworks()).total).toBe(total - 1)
    await expectApiError(adapter.getNetwork(accounts.corner), { status: 404, type: 'codebase', reason: 'not_found' })
    expect(adapter.backend.accounts().some((account) => account.id === accounts.corner)).toBe(true)
    adapter.backend.signInAs(accounts.corner)
    await expect(adapter.listNetworkDomains()).resolves.toEqual([])
  })

  it.each<[string, unknown, number]>([
    ['unknown child', 'acc_nope', 404],
    ['empty id', '', 400],
  ])('%s → codebase %i', async (_label, id, status) => {
    await expectApiError(freshAdapter().deleteNetwork(id as never), { status, type: 'codebase' })
  })
})
