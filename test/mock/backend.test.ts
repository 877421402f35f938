import { createPinia } from 'pinia'
import { describe, expect, it } from 'vitest'
import {
  MOCK_IDS,
  MOCK_STORE_ID,
  createMockAdapter,
  createMockBackend,
  type MockAdapter,
  type MockBackend,
  type MockEmail,
} from '../../src/adapters/mock'
import { base64url, createRandom, createToken } from '../../src/adapters/mock/random'
import { freshAdapter, inviteWithToken, lastEmail } from './helpers'

const { accounts, domains } = MOCK_IDS

/** Everything an adapter lets a signed-in account read, as JSON. */
async function everythingVisible(adapter: MockAdapter): Promise<string> {
  const parts: unknown[] = []
  const signedIn = adapter.backend.session().accountId
  for (const accountId of Object.values(accounts)) {
    adapter.backend.signInAs(accountId)
    parts.push(await adapter.listNetworkDomains(), await adapter.listInvitations({ records: 100 }), await adapter.listNetworks({ records: 100 }))
  }
  adapter.backend.signInAs(signedIn)
  return JSON.stringify(parts)
}

/** The seed data of a backend as its accounts see it (tokens excluded: they are always random). */
async function seedSnapshot(backend: MockBackend): Promise<string> {
  const adapter = createMockAdapter(backend)
  return JSON.stringify([backend.accounts(), backend.domains(), backend.countries(), await everythingVisible(adapter)])
}

describe('tokens', () => {
  it('are 43 base64url characters (256 bits) and differ every time', () => {
    const tokens = new Set<string>()
    for (let i = 0; i < 200; i++) {
      const token = createToken()
      expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
      tokens.add(token)
    }
    expect(tokens.size).toBe(200)
  })

  it('use many different characters (not a counter or a pattern)', () => {
    const characters = new Set(Array.from({ length: 20 }, createToken).join(''))
    expect(characters.size).toBeGreaterThan(50)
  })

  it.each([
    [[], ''],
    [[0xff], '_w'],
    [[0xfb, 0xff], '-_8'],
    [[1, 2, 3], 'AQID'],
    [[0, 0, 0, 0], 'AAAAAA'],
  ])('base64url(%j) = %s (same as Node)', (bytes, encoded) => {
    const array = new Uint8Array(bytes)
    expect(base64url(array)).toBe(encoded)
    expect(base64url(array)).toBe(Buffer.from(array).toString('base64url'))
  })

  it('base64url matches Node for random lengths', () => {
    for (let length = 0; length < 70; length++) {
      const bytes = new Uint8Array(length)
      crypto.getRandomValues(bytes)
      expect(base64url(bytes)).toBe(Buffer.from(bytes).toString('base64url'))
    }
  })

  it('never appear in anything the adapter returns', async () => {
    const adapter = freshAdapter()
    const returned: unknown[] = []
    const { invitation, token: first } = await inviteWithToken(adapter, 'secret@acme-corp.com', { fee_proposed: 1 })
    returned.push(invitation)
    returned.push(await adapter.updateInvitation(invitation.id, { fee_proposed: 2 }))
    const second = adapter.backend.tokenFromEmail(lastEmail(adapter))!
    const other = await inviteWithToken(adapter, 'other@acme-corp.com')
    returned.push(other.invitation, await adapter.activateInvitation(other.token))
    returned.push(await adapter.listInvitations({ records: 100 }), await adapter.listNetworks({ records: 100 }))
    returned.push(await adapter.getNetwork(accounts.corner), await adapter.updateNetwork(accounts.corner, { fee: 3 }))
    const json = JSON.stringify(returned) + (await everythingVisible(adapter))
    for (const token of [first, second, other.token]) {
      expect(token).toHaveLength(43)
      expect(json).not.toContain(token)
    }
  })

  it('are not in the error of a failed activation', async () => {
    const adapter = freshAdapter()
    const { token } = await inviteWithToken(adapter)
    await adapter.activateInvitation(token)
    const error = await adapter.activateInvitation(token).catch((caught: unknown) => caught)
    expect(JSON.stringify(error)).not.toContain(token)
  })

  it('tokenFromEmail reads the link\'s query or hash, and nothing from other emails', () => {
    const backend = createMockBackend({ seed: false })
    const email = (link: string, kind: MockEmail['kind'] = 'invitation'): MockEmail => ({ id: 'eml_1', sent: 0, kind, to: 'a@b.example', subject: '', text: '', link })
    expect(backend.tokenFromEmail(email('https://x.example/n?token=abc'))).toBe('abc')
    expect(backend.tokenFromEmail(email('https://x.example/n#token=abc'))).toBe('abc')
    expect(backend.tokenFromEmail(email('https://x.example/n'))).toBeNull()
    expect(backend.tokenFromEmail(email('not a url'))).toBeNull()
    expect(backend.tokenFromEmail(email('https://x.example/login?token=abc', 'login-instructions'))).toBeNull()
  })
})

describe('outbox', () => {
  it('invitation email names the parent, the domain, the fee and the expiry', async () => {
    const adapter = freshAdapter()
    const { invitation, mail, token } = await inviteWithToken(adapter, 'jdoe@acme-corp.com', { domain_id: domains.restaurant, fee_proposed: 2.5 })
    expect(mail).toMatchObject({ id: 'eml_000001', kind: 'invitation', to: 'jdoe@acme-corp.com', invitation_id: invitation.id })
    expect(mail.subject).toContain('Harbor Foods Distribution')
    expect(mail.text).toContain('Harbor Foods Distribution')
    expect(mail.text).toContain('Restaurant')
    expect(mail.text).toContain('2.5%')
    expect(mail.text).toContain('This link expires on 2026-01-03T10:00:00Z.')
    expect(mail.text).toContain(mail.link)
    expect(mail.link).toBe(`https://app.example/networks?token=${token}`)
  })

  it('builds the link with the URL API from a custom network URL', async () => {
    const adapter = freshAdapter({ networkUrl: 'https://shop.example/accept?lang=en' })
    const { mail, token } = await inviteWithToken(adapter)
    expect(mail.link).toBe(`https://shop.example/accept?lang=en&token=${token}`)
  })

  it('keeps every email in order: invitation, resend, login instructions', async () => {
    const adapter = freshAdapter({ loginUrl: 'https://shop.example/sign-in' })
    const { invitation } = await inviteWithToken(adapter)
    await adapter.updateInvitation(invitation.id, { email: 'jdoe2@acme-corp.com' })
    await adapter.activateInvitation(adapter.backend.tokenFromEmail(lastEmail(adapter))!)
    const outbox = adapter.backend.outbox()
    expect(outbox.map((email) => [email.id, email.kind, email.to])).toEqual([
      ['eml_000001', 'invitation', 'jdoe@acme-corp.com'],
      ['eml_000002', 'invitation', 'jdoe2@acme-corp.com'],
      ['eml_000003', 'login-instructions', 'jdoe2@acme-corp.com'],
    ])
    expect(outbox[2]?.link).toBe('https://shop.example/sign-in')
  })

  it('a failed create sends nothing', async () => {
    const adapter = freshAdapter()
    await adapter.createInvitation({ email: 'bad', domain_id: domains.retailer }).catch(() => undefined)
    expect(adapter.backend.outbox()).toEqual([])
  })
})

describe('seed data', () => {
  it('gives harbor 30+ invitations of every status and 10+ networks, some with proposals', async () => {
    const adapter = freshAdapter()
    const invitations = await adapter.listInvitations({ records: 100 })
    expect(invitations.total).toBeGreaterThanOrEqual(30)
    const statuses = new Set(invitations.list.map((invitation) => invitation.status))
    expect([...statuses].sort()).toEqual(['active', 'expired', 'pending'])
    const networks = await adapter.listNetworks({ records: 100 })
    expect(networks.total).toBeGreaterThanOrEqual(10)
    expect((await adapter.listNetworks({ filter: 'proposed' })).total).toBeGreaterThanOrEqual(2)
  })

  it.each([accounts.northwind, accounts.civic])('gives %s a few invitations and networks', async (accountId) => {
    const adapter = freshAdapter({ signedInAs: accountId })
    expect((await adapter.listInvitations()).total).toBeGreaterThanOrEqual(3)
    expect((await adapter.listNetworks()).total).toBeGreaterThanOrEqual(2)
  })

  it('has the named accounts, domains and ten countries', () => {
    const backend = createMockBackend()
    const byId = new Map(backend.accounts().map((account) => [account.id, account]))
    expect(byId.get(accounts.harbor)?.domain_id).toBe(domains.distributor)
    expect(byId.get(accounts.northwind)?.domain_id).toBe(domains.distributor)
    expect(byId.get(accounts.civic)?.domain_id).toBe(domains.agency)
    expect(byId.get(accounts.platform)?.domain_id).toBe(domains.platform)
    expect(byId.get(accounts.corner)?.domain_id).toBe(domains.retailer)
    expect(byId.get(accounts.corner)?.access).toEqual({ 'account-networks': 'r', 'account-network': 'r', 'account-network-invitations': 'r' })
    expect(backend.domains().map((domain) => [domain.id, domain.parent_id])).toEqual([
      [domains.platform, null],
      [domains.distributor, domains.platform],
      [domains.retailer, domains.distributor],
      [domains.restaurant, domains.distributor],
      [domains.agency, domains.platform],
      [domains.department, domains.agency],
    ])
    expect(backend.countries().map((country) => country.id)).toEqual(['US', 'CA', 'GB', 'DE', 'FR', 'NL', 'ES', 'AU', 'JP', 'BR'])
  })

  it('every user email is unique, and every invitation’s parent may invite into its domain', () => {
    const backend = createMockBackend()
    const emails = backend.accounts().flatMap((account) => account.users.map((user) => user.email.toLowerCase()))
    expect(new Set(emails).size).toBe(emails.length)
    const domainOf = new Map(backend.accounts().map((account) => [account.id, account.domain_id]))
    const parentOf = new Map(backend.domains().map((domain) => [domain.id, domain.parent_id]))
    for (const record of backend.store.invitations) {
      expect(parentOf.get(record.domain_id)).toBe(domainOf.get(record.parent_account_id))
    }
  })

  it('is deterministic for a seed and differs between seeds', async () => {
    const a = await seedSnapshot(createMockBackend({ seed: 7 }))
    const b = await seedSnapshot(createMockBackend({ seed: 7 }))
    const c = await seedSnapshot(createMockBackend({ seed: 8 }))
    expect(a).toBe(b)
    expect(c).not.toBe(a)
  })

  it('does not depend on wall-clock time, only on the mock clock', async () => {
    const a = await seedSnapshot(createMockBackend({ now: 1_800_000_000 }))
    const b = await seedSnapshot(createMockBackend({ now: 1_800_000_000 }))
    expect(a).toBe(b)
    const backend = createMockBackend({ now: 1_800_000_000 })
    expect(backend.clock.now()).toBe(1_800_000_000)
    expect(Math.max(...backend.store.invitations.map((record) => record.created))).toBeLessThanOrEqual(1_800_000_000)
  })

  it('seed: false has accounts, domains and countries only', async () => {
    const adapter = freshAdapter({ seed: false })
    expect(adapter.backend.accounts()).toHaveLength(5)
    expect(adapter.backend.countries()).toHaveLength(10)
    await expect(adapter.listInvitations()).resolves.toMatchObject({ list: [], total: 0, pages: 0 })
    await expect(adapter.listNetworks()).resolves.toMatchObject({ list: [], total: 0, pages: 0 })
    await expect(adapter.listNetworkDomains()).resolves.toHaveLength(2)
  })

  it('the PRNG is deterministic', () => {
    const a = createRandom(42)
    const b = createRandom(42)
    const xs = Array.from({ length: 5 }, () => a.next())
    expect(Array.from({ length: 5 }, () => b.next())).toEqual(xs)
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true)
    expect(createRandom(43).next()).not.toBe(xs[0])
  })
})

describe('copies', () => {
  it('mutating returned objects does not change the next read', async () => {
    const adapter = freshAdapter()
    const list = await adapter.listInvitations()
    const first = list.list[0]!
    const original = { ...first }
    first.email = 'hacked@example.com'
    first.status = 'active'
    list.list.length = 0
    list.filters.push('hacked')
    const again = await adapter.listInvitations()
    expect(again.list[0]).toEqual(original)
    expect(again.filters).toEqual(['pending', 'expired', 'active'])

    const network = await adapter.getNetwork(accounts.corner)
    network.fee = 99
    expect((await adapter.getNetwork(accounts.corner)).fee).not.toBe(99)

    const domainsList = await adapter.listNetworkDomains()
    domainsList[0]!.title = 'hacked'
    expect((await adapter.listNetworkDomains())[0]?.title).toBe('Retail store')

    const countries = await adapter.listCountries!()
    countries[0]!.title = 'hacked'
    expect((await adapter.listCountries!())[0]?.title).toBe('United States')
  })

  it('backend readers return copies too', async () => {
    const adapter = freshAdapter()
    await inviteWithToken(adapter)
    adapter.backend.accounts()[0]!.title = 'hacked'
    adapter.backend.domains()[0]!.title = 'hacked'
    adapter.backend.outbox()[0]!.to = 'hacked'
    expect(adapter.backend.accounts()[0]?.title).not.toBe('hacked')
    expect(adapter.backend.domains()[0]?.title).not.toBe('hacked')
    expect(adapter.backend.outbox()[0]?.to).not.toBe('hacked')
  })

  it('returned objects are plain (not reactive proxies) and structured-cloneable', async () => {
    const adapter = freshAdapter()
    const list = await adapter.listNetworks()
    expect(() => structuredClone(list)).not.toThrow()
    expect(() => structuredClone(adapter.backend.accounts())).not.toThrow()
  })
})

describe('reset', () => {
  it('restores data, clock, session, settings; clears outbox and failures', async () => {
    const adapter = freshAdapter({ seed: 5 })
    const before = await seedSnapshot(adapter.backend)
    await inviteWithToken(adapter)
    await adapter.deleteNetwork(accounts.corner)
    adapter.backend.clock.advance(1000)
    adapter.backend.signInAs(accounts.civic)
    adapter.backend.setMonetization(false)
    adapter.backend.setLatency(500)
    adapter.backend.failOperation('listInvitations', 500)
    adapter.backend.failNext(503)
    adapter.backend.setFailureRate(1)
    adapter.backend.reset()
    expect(adapter.backend.outbox()).toEqual([])
    expect(adapter.backend.clock.now()).toBe(1767261600)
    expect(adapter.backend.session().accountId).toBe(accounts.harbor)
    expect(adapter.backend.monetization()).toBe(true)
    expect(adapter.backend.store.settings.latency).toBe(0)
    expect(adapter.backend.store.retiredTokens).toEqual({})
    await expect(adapter.listInvitations()).resolves.toBeDefined()
    expect(await seedSnapshot(adapter.backend)).toBe(before)
  })

  it('merges new options over the original ones', async () => {
    const adapter = freshAdapter({ monetization: false, now: 1_700_000_000 })
    adapter.backend.reset({ seed: false })
    expect(adapter.backend.monetization()).toBe(false)
    expect(adapter.backend.clock.now()).toBe(1_700_000_000)
    expect((await adapter.listInvitations()).total).toBe(0)
    adapter.backend.reset()
    expect((await adapter.listInvitations()).total).toBeGreaterThan(0)
  })

  it('a token from before a reset no longer works', async () => {
    const adapter = freshAdapter()
    const { token } = await inviteWithToken(adapter)
    adapter.backend.reset()
    await expect(adapter.activateInvitation(token)).rejects.toMatchObject({ reason: 'token_invalid' })
  })
})

describe('clock', () => {
  it('advances and sets', () => {
    const backend = createMockBackend({ now: 100 })
    backend.clock.advance(50)
    expect(backend.clock.now()).toBe(150)
    backend.clock.set(1000)
    expect(backend.clock.now()).toBe(1000)
    expect(backend.store.now).toBe(1000)
    expect(() => backend.clock.advance(Number.NaN)).toThrow(RangeError)
  })
})

describe('pinia store', () => {
  it('works with an explicitly provided pinia', async () => {
    const pinia = createPinia()
    const backend = createMockBackend({ pinia })
    expect(pinia.state.value[MOCK_STORE_ID]).toBeDefined()
    expect(backend.store.$id).toBe(MOCK_STORE_ID)
    const adapter = createMockAdapter(backend)
    await inviteWithToken(adapter)
    expect((pinia.state.value[MOCK_STORE_ID] as { outbox: unknown[] }).outbox).toHaveLength(1)
  })

  it('two backends on one pinia with different store ids are independent', async () => {
    const pinia = createPinia()
    const one = createMockAdapter({ pinia, storeId: 'mock-one' })
    const two = createMockAdapter({ pinia, storeId: 'mock-two', seed: false })
    await inviteWithToken(one)
    one.backend.clock.advance(10)
    expect(two.backend.outbox()).toEqual([])
    expect(two.backend.clock.now()).toBe(1767261600)
    expect((await two.listInvitations()).total).toBe(0)
    expect((await one.listInvitations()).total).toBeGreaterThan(30)
    expect(Object.keys(pinia.state.value).sort()).toEqual(['mock-one', 'mock-two'])
  })

  it('changes state through $patch (visible to devtools and $subscribe)', async () => {
    const backend = createMockBackend()
    const mutations: string[] = []
    backend.store.$subscribe((mutation) => mutations.push(mutation.type), { flush: 'sync' })
    const adapter = createMockAdapter(backend)
    await inviteWithToken(adapter)
    backend.clock.advance(1)
    backend.signInAs(accounts.civic)
    expect(mutations).toEqual(['patch function', 'patch function', 'patch function'])
  })

  it('reads through the store: editing the store changes what the API returns', async () => {
    const backend = createMockBackend()
    backend.store.$patch((state) => {
      state.settings.monetization = false
    })
    expect(backend.monetization()).toBe(false)
  })
})

describe('reactivity of the control accessors', () => {
  it('a computed over the outbox, clock, session and settings follows every change', async () => {
    const { computed } = await import('vue')
    const backend = createMockBackend({ seed: false })
    const view = computed(() => ({
      emails: backend.outbox().length,
      now: backend.clock.now(),
      account: backend.session().accountId,
      monetization: backend.monetization(),
      accounts: backend.accounts().length,
    }))
    const before = view.value
    backend.api.createInvitation({ email: 'reactive@bayside.example', domain_id: MOCK_IDS.domains.retailer })
    backend.clock.advance(60)
    backend.setMonetization(!before.monetization)
    backend.signInAs(MOCK_IDS.accounts.northwind)
    expect(view.value).toEqual({
      emails: before.emails + 1,
      now: before.now + 60,
      account: MOCK_IDS.accounts.northwind,
      monetization: !before.monetization,
      accounts: before.accounts,
    })
  })
})

describe('reactivity of changed records', () => {
  it('a computed over the store sees an update, an activation and a fee proposal written to existing records', async () => {
    const { computed } = await import('vue')
    const backend = createMockBackend({ seed: false })
    const invitation = backend.api.createInvitation({ email: 'r@bayside.example', domain_id: MOCK_IDS.domains.retailer })
    const record = computed(() => {
      const found = backend.store.invitations.find((i) => i.id === invitation.id)
      return { email: found?.email, fee: found?.fee_proposed, activated: found?.activated }
    })
    expect(record.value).toEqual({ email: 'r@bayside.example', fee: undefined, activated: null })
    backend.api.updateInvitation(invitation.id, { email: 's@bayside.example', fee_proposed: 3 })
    expect(record.value).toEqual({ email: 's@bayside.example', fee: 3, activated: null })
    const { account_id } = backend.api.activateInvitation(backend.tokenFromEmail(backend.outbox().at(-1)!)!)
    expect(record.value.activated).toBe(backend.clock.now())
    const proposed = computed(() => backend.store.networks.find((n) => n.child_account_id === account_id)?.fee_proposed)
    expect(proposed.value).toBeUndefined()
    backend.api.updateNetwork(account_id, { fee: 4 })
    expect(proposed.value).toBe(4)
  })
})
