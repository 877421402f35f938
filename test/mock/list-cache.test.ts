/**
 * The mock backend's list caches (sorted per-parent index, search text, status columns): the store stays the source
 * of truth. Host changes through `$patch` / `$state` and array replacements show up in the next list; answers equal
 * a straightforward filter → sort → slice over the store's current state (the pre-cache algorithm), kept here as
 * the reference.
 */
import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import { createMockAdapter, createMockBackend, MOCK_IDS, mockInvitationStatus, MOCK_NETWORK_FILTERS } from '../../src/adapters/mock'
import type { MockBackend, MockBackendState, MockInvitationRecord, MockNetworkRecord } from '../../src/adapters/mock'
import { INVITATION_STATUSES, pageCount } from '../../src/core'
import type { ListQuery, Network, NetworkInvitation, RecordList } from '../../src/core'
import { createRandom } from '../../src/adapters/mock/random'

/** The mock's own seeded generator, as a bare `() => number`. */
const rng = (seed: number): (() => number) => createRandom(seed).next

const { accounts, domains } = MOCK_IDS

/** A plain snapshot of the store's state. */
const snapshot = (backend: MockBackend): MockBackendState => JSON.parse(JSON.stringify(backend.store.$state)) as MockBackendState

/** The pre-cache algorithm: filter by search and filter, sort newest first, slice one page. */
function referenceList<R, V>(
  rows: readonly R[],
  query: ListQuery,
  filters: readonly string[],
  haystack: (row: R) => string[],
  matches: (row: R, filter: string) => boolean,
  created: (row: R) => number,
  id: (row: R) => string,
  view: (row: R) => V,
): RecordList<V> {
  const search = (query.search ?? '').trim()
  const filter = (query.filter ?? '').trim()
  const page = query.page ?? 1
  const records = query.records ?? 25
  const needle = search.toLowerCase()
  const matching = rows
    .filter((row) => (needle === '' || haystack(row).some((text) => text.toLowerCase().includes(needle))) && (filter === '' || matches(row, filter)))
    .sort((a, b) => created(b) - created(a) || (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0))
  const start = (page - 1) * records
  return { list: matching.slice(start, start + records).map(view), total: matching.length, search, filter, filters: [...filters], pages: pageCount(matching.length, records) }
}

function referenceInvitations(backend: MockBackend, query: ListQuery): RecordList<NetworkInvitation> {
  const s = snapshot(backend)
  const title = (id: string): string => s.domains.find((domain) => domain.id === id)?.title ?? ''
  return referenceList(
    s.invitations.filter((record) => record.parent_account_id === s.session.accountId),
    query,
    INVITATION_STATUSES,
    (record) => [record.email, title(record.domain_id)],
    (record, filter) => mockInvitationStatus(record, s.now) === filter,
    (record) => record.created,
    (record) => record.id,
    (record) => {
      const view: NetworkInvitation = {
        id: record.id,
        created: record.created,
        domain_id: record.domain_id,
        email: record.email,
        expires: record.expires,
        status: mockInvitationStatus(record, s.now),
      }
      if (record.fee_proposed !== undefined) view.fee_proposed = record.fee_proposed
      if (record.country_id !== undefined) view.country_id = record.country_id
      return view
    },
  )
}

function referenceNetworks(backend: MockBackend, query: ListQuery): RecordList<Network> {
  const s = snapshot(backend)
  const title = (id: string): string => s.domains.find((domain) => domain.id === id)?.title ?? ''
  const account = (id: string) => s.accounts.find((candidate) => candidate.id === id)
  return referenceList(
    s.networks.filter((network) => network.parent_account_id === s.session.accountId),
    query,
    MOCK_NETWORK_FILTERS,
    (network) => {
      const child = account(network.child_account_id)
      return [child?.title ?? '', title(child?.domain_id ?? '')]
    },
    (network) => network.fee_proposed !== undefined,
    (network) => network.created,
    (network) => network.child_account_id,
    (network) => {
      const child = account(network.child_account_id)
      const view: Network = {
        account_id: network.child_account_id,
        account_title: child?.title ?? '',
        domain_id: child?.domain_id ?? '',
        domain_title: title(child?.domain_id ?? ''),
        fee: network.fee,
        created: network.created,
      }
      if (network.fee_proposed !== undefined) view.fee_proposed = network.fee_proposed
      if (network.proposed_date !== undefined) view.proposed_date = network.proposed_date
      if (network.proposed_account_id !== undefined) view.proposed_account_id = network.proposed_account_id
      if (network.proposed_user_id !== undefined) view.proposed_user_id = network.proposed_user_id
      return view
    },
  )
}

const SEARCHES = ['', '', 'a', 'CO', 'retail', 'Restaurant', 'store', 'garcia', 'GARCIA', 'maple', 'x@', '.com', 'zz-none', 'wholesale', 'E']

function randomQuery(random: () => number, filters: readonly string[]): ListQuery {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
  const query: ListQuery = {}
  const search = pick(SEARCHES)
  if (search !== '' || random() < 0.3) query.search = random() < 0.2 ? `  ${search} ` : search
  if (random() < 0.5) query.filter = pick(filters)
  if (random() < 0.6) query.page = 1 + Math.floor(random() * 4)
  if (random() < 0.6) query.records = pick([1, 2, 3, 7, 25, 100])
  return query
}

/** Invitation records with equal `created` values, mixed-case emails and every status, for `parent`. */
function records(random: () => number, count: number, parent: string, now: number, offset = 0): MockInvitationRecord[] {
  const names = ['Ava.Garcia', 'noah.smith', 'EMMA.KIM', 'leo.rossi', 'mia.walsh']
  const places = ['maple-market', 'Cedar-Bistro', 'copper-diner', 'summit.co']
  const domainIds = [domains.retailer, domains.restaurant, 'dom_unknown']
  return Array.from({ length: count }, (_, k) => {
    const i = k + offset
    const created = now - Math.floor(random() * 6) * 3600
    const record: MockInvitationRecord = {
      id: `nwi_${(1e15 + Math.floor(random() * 1e15)).toString(36)}${i}`,
      parent_account_id: parent,
      created,
      domain_id: domainIds[i % domainIds.length] as string,
      email: `${names[i % names.length]}${i}@${places[Math.floor(random() * places.length)]}.com`,
      expires: created + Math.floor(random() * 4) * 3600,
      activated: random() < 0.3 ? created + 60 : null,
      token: `tok_${i.toString(36).padStart(40, 'x')}`,
    }
    if (random() < 0.5) record.fee_proposed = 2
    return record
  })
}

function expectSameLists(backend: MockBackend, queries: ListQuery[]): void {
  for (const query of queries) {
    expect(backend.api.listInvitations(query), JSON.stringify(query)).toEqual(referenceInvitations(backend, query))
  }
}

function expectSameNetworkLists(backend: MockBackend, queries: ListQuery[]): void {
  for (const query of queries) {
    expect(backend.api.listNetworks(query), JSON.stringify(query)).toEqual(referenceNetworks(backend, query))
  }
}

describe('list caches', () => {
  it('a host $patch adding an invitation shows up in the next list (and its search and filter)', () => {
    const backend = createMockBackend()
    const before = backend.api.listInvitations({ records: 100 })
    const now = backend.clock.now()
    backend.store.$patch((state) => {
      state.invitations.push({
        id: 'nwi_hostpatch000001',
        parent_account_id: accounts.harbor,
        created: now + 10,
        domain_id: domains.restaurant,
        email: 'Patched.Host@example.com',
        expires: now + 3600,
        activated: null,
        token: `tok_${'p'.repeat(40)}`,
      })
    })
    const after = backend.api.listInvitations({ records: 100 })
    expect(after.total).toBe(before.total + 1)
    expect(after.list[0]).toMatchObject({ id: 'nwi_hostpatch000001', email: 'Patched.Host@example.com', status: 'pending' })
    expect(backend.api.listInvitations({ search: 'patched.HOST' }).list.map((row) => row.id)).toEqual(['nwi_hostpatch000001'])
    expect(backend.api.listInvitations({ filter: 'pending', records: 100 }).list.map((row) => row.id)).toContain('nwi_hostpatch000001')
  })

  it('a host $patch editing, reordering or removing rows is seen by the next list', () => {
    const backend = createMockBackend()
    const first = backend.api.listInvitations({ records: 100 })
    const last = first.list[first.list.length - 1]!
    // Warm the search columns, then change the searched text in place.
    expect(backend.api.listInvitations({ search: 'renamed-in-place' }).total).toBe(0)
    backend.store.$patch((state) => {
      const record = state.invitations.find((candidate) => candidate.id === last.id)!
      record.email = 'Renamed-In-Place@example.com'
      record.created = backend.clock.now() + 100
    })
    expect(backend.api.listInvitations({ search: 'renamed-in-place' }).list.map((row) => row.id)).toEqual([last.id])
    expect(backend.api.listInvitations().list[0]!.id).toBe(last.id)
    backend.store.$patch((state) => {
      state.invitations = state.invitations.filter((candidate) => candidate.id !== last.id)
    })
    expect(backend.api.listInvitations({ records: 100 }).list.map((row) => row.id)).not.toContain(last.id)
    expectSameLists(backend, [{}, { search: 'a' }, { filter: 'expired' }, { records: 100 }])
  })

  it('a host $patch changing status inputs (activated, expires) is seen by the filters', () => {
    const backend = createMockBackend()
    const pending = backend.api.listInvitations({ filter: 'pending', records: 100 })
    const target = pending.list[0]!
    backend.store.$patch((state) => {
      state.invitations.find((candidate) => candidate.id === target.id)!.expires = backend.clock.now()
    })
    expect(backend.api.listInvitations({ filter: 'pending', records: 100 }).list.map((row) => row.id)).not.toContain(target.id)
    expect(backend.api.listInvitations({ filter: 'expired', records: 100 }).list.map((row) => row.id)).toContain(target.id)
  })

  it('status follows the clock: a cached index still filters by the current time', () => {
    const backend = createMockBackend({ seed: false })
    const now = backend.clock.now()
    backend.store.$patch((state) => {
      state.invitations = records(rng(7), 40, accounts.harbor, now)
    })
    expectSameLists(backend, [{ filter: 'pending', records: 100 }, { filter: 'expired', records: 100 }])
    for (const step of [1800, 3600, 7200]) {
      backend.clock.advance(step)
      expectSameLists(backend, [{ filter: 'pending', records: 100 }, { filter: 'expired', records: 100 }, { filter: 'active' }])
    }
  })

  it('host $state assignment, direct array replacement and direct pushes invalidate the cache', () => {
    const backend = createMockBackend({ seed: false })
    const now = backend.clock.now()
    const random = rng(3)
    expect(backend.api.listInvitations().total).toBe(0)
    backend.store.$state = { ...snapshot(backend), invitations: records(random, 12, accounts.harbor, now) }
    expect(backend.api.listInvitations().total).toBe(12)
    backend.store.invitations = records(random, 5, accounts.harbor, now, 100)
    expect(backend.api.listInvitations().total).toBe(5)
    backend.store.invitations.push(...records(random, 2, accounts.harbor, now, 200))
    expect(backend.api.listInvitations().total).toBe(7)
    expectSameLists(backend, [{}, { search: 'garcia' }, { filter: 'active' }])
  })

  it('reset() and changes made by another backend on the same store are seen', async () => {
    const pinia = createPinia()
    const one = createMockBackend({ pinia })
    const two = createMockBackend({ pinia, seed: false })
    // Same store id: `two` reloaded the shared state without records.
    expect(one.api.listInvitations().total).toBe(0)
    const adapter = createMockAdapter(two)
    await adapter.createInvitation({ email: 'shared@example.com', domain_id: domains.retailer })
    expect(one.api.listInvitations().list.map((row) => row.email)).toEqual(['shared@example.com'])
    one.reset()
    expect(two.api.listInvitations().total).toBe(referenceInvitations(one, {}).total)
    expect(two.api.listInvitations().total).toBeGreaterThan(30)
  })

  it('answers like the reference through random API calls, host patches, clock moves and sessions', async () => {
    const random = rng(42)
    const backend = createMockBackend({ invitationLifetime: 7200 })
    const adapter = createMockAdapter(backend)
    const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T
    let serial = 0
    for (let step = 0; step < 60; step++) {
      const action = Math.floor(random() * 8)
      const mine = backend.api.listInvitations({ records: 100 }).list
      try {
        if (action === 0) await adapter.createInvitation({ email: `Step${serial++}.Garcia@maple-market.com`, domain_id: pick([domains.retailer, domains.restaurant]) })
        else if (action === 1 && mine.length) await adapter.updateInvitation(pick(mine).id, { email: `Moved${serial++}@copper-diner.com` })
        else if (action === 2 && mine.length) await adapter.deleteInvitation(pick(mine).id)
        else if (action === 3) backend.clock.advance(pick([60, 3600, 7200, 86400]))
        else if (action === 4) backend.signInAs(pick([accounts.harbor, accounts.northwind, accounts.civic]))
        else if (action === 5) {
          const now = backend.clock.now()
          const extra = records(random, 1 + Math.floor(random() * 5), backend.session().accountId ?? accounts.harbor, now, 1000 + step * 10)
          backend.store.$patch((state) => {
            state.invitations.push(...extra)
          })
        } else if (action === 6) {
          const email = backend.outbox().findLast((mail) => mail.kind === 'invitation')
          const token = email ? backend.tokenFromEmail(email) : null
          if (token) await adapter.activateInvitation(token)
        } else if (action === 7) {
          const networks = backend.api.listNetworks({ records: 100 }).list
          if (networks.length) await adapter.updateNetwork(pick(networks).account_id, { fee: 3 })
        }
      } catch {
        // Refusals (taken emails, expired tokens, no access) are fine: the lists must still agree.
      }
      if (backend.session().accountId === null) continue
      expectSameLists(
        backend,
        Array.from({ length: 6 }, () => randomQuery(random, INVITATION_STATUSES)),
      )
      expectSameNetworkLists(
        backend,
        Array.from({ length: 3 }, () => randomQuery(random, MOCK_NETWORK_FILTERS)),
      )
    }
  })

  it('networks: a host $patch adding a network, or renaming its child account, shows up in the next list', () => {
    const backend = createMockBackend()
    const before = backend.api.listNetworks({ records: 100 })
    expect(backend.api.listNetworks({ search: 'brand new co' }).total).toBe(0)
    const now = backend.clock.now()
    backend.store.$patch((state) => {
      state.accounts.push({ id: 'acc_hostpatch01', title: 'Brand New Co', domain_id: domains.retailer, country_id: 'US', users: [], access: {}, created: now })
      state.networks.push({ parent_account_id: accounts.harbor, child_account_id: 'acc_hostpatch01', fee: 1, created: now + 5, invitation_id: 'nwi_x' } satisfies MockNetworkRecord)
    })
    const after = backend.api.listNetworks({ records: 100 })
    expect(after.total).toBe(before.total + 1)
    expect(after.list[0]).toMatchObject({ account_id: 'acc_hostpatch01', account_title: 'Brand New Co', domain_title: 'Retail store' })
    expect(backend.api.listNetworks({ search: 'BRAND new' }).list.map((row) => row.account_id)).toEqual(['acc_hostpatch01'])
    backend.store.$patch((state) => {
      state.accounts.find((account) => account.id === 'acc_hostpatch01')!.title = 'Renamed Partner'
    })
    expect(backend.api.listNetworks({ search: 'brand new' }).total).toBe(0)
    expect(backend.api.listNetworks({ search: 'renamed partner' }).list.map((row) => row.account_id)).toEqual(['acc_hostpatch01'])
    expectSameNetworkLists(backend, [{}, { filter: 'proposed' }, { search: 'restaurant' }, { search: 're', filter: 'proposed', records: 2, page: 2 }])
  })

  it('returns copies: changing a returned row changes neither the store nor the next answer', () => {
    const backend = createMockBackend()
    const first = backend.api.listInvitations()
    const row = first.list[0]!
    row.email = 'mutated@example.com'
    row.status = 'active'
    const again = backend.api.listInvitations()
    expect(again.list[0]).not.toBe(row)
    expect(again.list[0]!.email).not.toBe('mutated@example.com')
    expect(backend.store.invitations.some((record) => record.email === 'mutated@example.com')).toBe(false)
    const network = backend.api.listNetworks().list[0]!
    network.account_title = 'mutated'
    expect(backend.api.listNetworks().list[0]!.account_title).not.toBe('mutated')
  })

  it('seeding 20k invitations through one $patch is one patch for the host, and the next list sees them', () => {
    // How fast this is belongs to `npm run bench` (part 4 reports the insert time), not to a timed test.
    const backend = createMockBackend({ seed: false })
    const seen: string[] = []
    backend.store.$subscribe((mutation) => seen.push(mutation.type), { flush: 'sync' })
    const many = records(rng(9), 20_000, accounts.harbor, backend.clock.now())
    backend.store.$patch((state) => {
      state.invitations = many
    })
    expect(seen).toEqual(['patch function'])
    const list = backend.api.listInvitations({ search: 'garcia', filter: 'pending', page: 2 })
    expect(list).toEqual(referenceInvitations(backend, { search: 'garcia', filter: 'pending', page: 2 }))
  })
})
