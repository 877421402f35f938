/**
 * The adapter conformance suite: one call registers vitest tests that hold any `NetworksAdapter`
 * (and the backend behind it) to the whole contract, through the adapter and the control levers only.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { NetworksAdapter, NetworksOperation, OptionalNetworksOperation } from '../core/adapter'
import { NETWORKS_OPERATIONS, adapterSupports } from '../core/adapter'
import { isNetworkApiError } from '../core/errors'
import type { ActivationResult, CreateInvitationInput, ListQuery, Network, NetworkInvitation, RecordList, UpdateInvitationInput } from '../core/types'
import { INVITATION_STATUSES } from '../core/types'
import {
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
  assertSingleActivation,
  assertStatusAgreesWithClock,
  assertTokenRejected,
  conformanceCheck,
  invitationTokenFor,
  latestEmail,
  rejectionOf,
} from './assertions'
import { lookalikeToken } from './links'
import { allPages } from './pages'
import type { ConformanceFixtures, ConformanceOptions, ConformanceSubject } from './types'

/** The adapter operations the contract marks optional, in declaration order. */
export const OPTIONAL_OPERATIONS: readonly OptionalNetworksOperation[] = [
  'listCountries',
  'updateInvitation',
  'deleteInvitation',
  'listNetworks',
  'getNetwork',
  'updateNetwork',
  'deleteNetwork',
]

const REQUIRED_OPERATIONS: readonly NetworksOperation[] = NETWORKS_OPERATIONS.filter(
  (op) => !(OPTIONAL_OPERATIONS as readonly string[]).includes(op),
)

/** The optional operations `adapter` implements, in declaration order. */
export function supportedOptionalOperations(adapter: NetworksAdapter): OptionalNetworksOperation[] {
  return OPTIONAL_OPERATIONS.filter((op) => adapterSupports(adapter, op))
}

/** `ConformanceOptions` with every default filled in. */
export type ResolvedConformanceOptions = Required<ConformanceOptions>

/** Fills the defaults of `ConformanceOptions`. */
export function resolveConformanceOptions(options: ConformanceOptions = {}): ResolvedConformanceOptions {
  return {
    monetizedByDefault: options.monetizedByDefault ?? true,
    timeout: options.timeout ?? 10_000,
    sessionRequired: options.sessionRequired ?? true,
    activatedInvitations: options.activatedInvitations ?? 'active',
    clockTolerance: options.clockTolerance ?? 5,
  }
}

const UNKNOWN_INVITATION_ID = 'nwi_conformance0unknown'
const UNKNOWN_ACCOUNT_ID = 'acc_conformance0unknown'
const RUN_ID = Math.random().toString(36).slice(2, 8).padEnd(6, '0')
let testCounter = 0

/** What `World.invite` returns: the created invitation, the address used, and the token from the email. */
interface Invited {
  invitation: NetworkInvitation
  email: string
  token: string
}

/** What `World.establish` returns: the invitation and the activation that created a network from it. */
interface Established extends Invited {
  result: ActivationResult
}

/** One test's view of the subject, with the steps most tests share. */
class World {
  readonly adapter: NetworksAdapter
  readonly fixtures: ConformanceFixtures
  /** A tag unique to this test, inside every email address it invents; search by it to scope lists. */
  readonly tag: string
  private emails = 0

  constructor(
    readonly subject: ConformanceSubject,
    readonly options: ResolvedConformanceOptions,
  ) {
    this.adapter = subject.adapter
    this.fixtures = subject.fixtures
    this.tag = `cf${RUN_ID}t${++testCounter}`
  }

  /**
   * A fresh address carrying this test's tag, on its own host under the reserved `.example` top-level domain
   * (RFC 2606), so that backends deriving the child account's title from the host give each one its own title.
   */
  email(): string {
    const n = ++this.emails
    return `${this.tag}-${n}@${this.tag}n${n}.example`
  }

  async signInAs(accountId: string | null): Promise<void> {
    await this.subject.control.signInAs(accountId)
  }

  async advance(seconds: number): Promise<void> {
    if (seconds > 0) await this.subject.control.advanceClock(seconds)
  }

  async monetization(on: boolean): Promise<void> {
    await this.subject.control.setMonetization(on)
  }

  async outbox() {
    return [...(await this.subject.control.outbox())]
  }

  /** Creates an invitation (into the invitable domain unless overridden) and reads its token from the outbox. */
  async invite(input: Partial<CreateInvitationInput> = {}): Promise<Invited> {
    const email = input.email ?? this.email()
    const created = await this.adapter.createInvitation({ domain_id: this.fixtures.invitableDomainId, ...input, email })
    const invitation = assertInvitation(created)
    const token = invitationTokenFor(await this.outbox(), email.trim())
    assertNoSecret(created, token, 'The created invitation')
    return { invitation, email: email.trim(), token }
  }

  /** Invites and activates, so that the parent has a network. */
  async establish(input: Partial<CreateInvitationInput> = {}): Promise<Established> {
    const invited = await this.invite(input)
    const result = assertActivationResult(await this.adapter.activateInvitation(invited.token))
    return { ...invited, result }
  }

  /** Every row matching `query` across all pages (100 per page), each page fetched by `fetch` and checked by `check`. */
  private async rowsOf<T>(
    query: Omit<ListQuery, 'page' | 'records'>,
    fetch: (q: ListQuery) => Promise<unknown>,
    check: (value: unknown, q: ListQuery) => RecordList<T>,
  ): Promise<T[]> {
    return allPages(async (page) => {
      const q = { ...query, page, records: 100 }
      return check(await fetch(q), q)
    })
  }

  /** Every invitation matching `query` across all pages (100 per page). */
  allInvitations(query: Omit<ListQuery, 'page' | 'records'> = {}): Promise<NetworkInvitation[]> {
    return this.rowsOf(query, (q) => this.adapter.listInvitations(q), assertInvitationList)
  }

  /** The invitation with `id` as the list shows it (searching by its address), or `undefined`. */
  async findInvitation(id: string, email: string, filter?: string): Promise<NetworkInvitation | undefined> {
    const rows = await this.allInvitations(filter === undefined ? { search: email } : { search: email, filter })
    return rows.find((row) => row.id === id)
  }

  /** The adapter, checked to still implement the optional `op` it was found to support while collecting. */
  supporting<K extends OptionalNetworksOperation>(op: K): NetworksAdapter & Required<Pick<NetworksAdapter, K>> {
    const adapter = this.adapter
    conformanceCheck(adapterSupports(adapter, op), `${op} vanished.`)
    return adapter
  }

  /** Every network across all pages (100 per page); the adapter must support `listNetworks`. */
  async allNetworks(query: Omit<ListQuery, 'page' | 'records'> = {}): Promise<Network[]> {
    const adapter = this.adapter
    conformanceCheck(adapterSupports(adapter, 'listNetworks'), 'allNetworks needs listNetworks.')
    return this.rowsOf(query, (q) => adapter.listNetworks(q), assertNetworkList)
  }
}

function expectNear(actual: number, expected: number, tolerance: number, what: string): void {
  conformanceCheck(Math.abs(actual - expected) <= tolerance, `${what} is ${actual}; expected ${expected} ± ${tolerance}.`)
}

/**
 * Registers the conformance suite for one adapter under `describe(name)`. `setup` runs before each test for a
 * fresh backend (and `teardown` after); it also runs once while collecting, to learn which optional operations
 * the adapter implements, so tests of missing operations are never generated (nothing is skipped).
 */
export function describeAdapterConformance(
  name: string,
  setup: () => ConformanceSubject | Promise<ConformanceSubject>,
  options: ConformanceOptions = {},
): void {
  const opts = resolveConformanceOptions(options)
  const timeout = opts.timeout

  describe(name, async () => {
    const probe = await setup()
    const supported = new Set<NetworksOperation>(supportedOptionalOperations(probe.adapter))
    await probe.teardown?.()
    const has = (op: OptionalNetworksOperation) => supported.has(op)

    let current: World | undefined
    const world = (): World => {
      conformanceCheck(current, 'The conformance subject was not set up.')
      return current
    }

    beforeEach(async () => {
      const subject = await setup()
      current = new World(subject, opts)
      await subject.control.signInAs(subject.fixtures.parentAccountId)
    }, timeout)

    afterEach(async () => {
      const subject = current?.subject
      current = undefined
      await subject?.teardown?.()
    }, timeout)

    it('declares which optional operations it supports', async ({ annotate }) => {
      const { adapter } = world()
      const declared = OPTIONAL_OPERATIONS.filter((op) => supported.has(op))
      await annotate(`optional operations: ${declared.join(', ') || 'none'}`)
      for (const op of REQUIRED_OPERATIONS) {
        conformanceCheck(typeof adapter[op] === 'function', `The adapter lacks the required operation ${op}.`)
      }
      for (const op of OPTIONAL_OPERATIONS) {
        const kind = typeof adapter[op]
        conformanceCheck(kind === 'function' || kind === 'undefined', `The optional operation ${op} is a ${kind}, neither a function nor absent.`)
      }
      conformanceCheck(adapter.name === undefined || (typeof adapter.name === 'string' && adapter.name !== ''), 'The adapter name must be a non-empty string when set.')
      expect(supportedOptionalOperations(adapter), 'every setup() must give an adapter with the same operations').toEqual(declared)
    }, timeout)

    describe('listNetworkDomains', () => {
      it('lists at least one domain, each with an id, a title and a description', async () => {
        assertDomains(await world().adapter.listNetworkDomains())
      }, timeout)

      it('offers the invitable domain and not the forbidden one', async () => {
        const w = world()
        const ids = assertDomains(await w.adapter.listNetworkDomains()).map((d) => d.id)
        expect(ids).toContain(w.fixtures.invitableDomainId)
        expect(ids).not.toContain(w.fixtures.forbiddenDomainId)
      }, timeout)
    })

    if (has('listCountries')) {
      describe('listCountries', () => {
        it('lists countries with unique ids and titles', async () => {
          const w = world()
          assertCountries(await w.supporting('listCountries').listCountries())
        }, timeout)

        it('lets an invitation name one of the listed countries', async () => {
          const w = world()
          const [country] = assertCountries(await w.supporting('listCountries').listCountries())
          conformanceCheck(country, 'No country is offered, so none can be chosen.')
          const { invitation } = await w.invite({ country_id: country.id })
          expect(invitation.country_id).toBe(country.id)
        }, timeout)
      })
    }

    describe('createInvitation', () => {
      it('returns a pending invitation that expires one lifetime after it was created', async () => {
        const w = world()
        await w.monetization(true)
        const email = w.email()
        const invitation = assertInvitation(await w.adapter.createInvitation({ email, domain_id: w.fixtures.invitableDomainId, fee_proposed: 2.5 }))
        expect(invitation).toMatchObject({ email, domain_id: w.fixtures.invitableDomainId, fee_proposed: 2.5, status: 'pending' })
        expectNear(invitation.expires - invitation.created, w.fixtures.invitationLifetime, opts.clockTolerance, 'expires - created')
      }, timeout)

      it('stores the email trimmed', async () => {
        const w = world()
        const email = w.email()
        const { invitation } = await w.invite({ email: `  ${email}\t ` })
        expect(invitation.email).toBe(email)
      }, timeout)

      it('has no fee when none is proposed', async () => {
        const { invitation } = await world().invite()
        expect(invitation.fee_proposed).toBeUndefined()
      }, timeout)

      it.each([[0], [100], [2.25]])('accepts a fee of %s percent', async (fee) => {
        const w = world()
        await w.monetization(true)
        const { invitation } = await w.invite({ fee_proposed: fee })
        expect(invitation.fee_proposed).toBe(fee)
      }, timeout)

      it('emails the recipient an activation link that carries a token', async () => {
        const w = world()
        const email = w.email()
        const before = (await w.outbox()).length
        await w.adapter.createInvitation({ email, domain_id: w.fixtures.invitableDomainId })
        const outbox = await w.outbox()
        const sent = outbox.slice(before).filter((e) => e.kind === 'invitation')
        expect(sent.map((e) => e.to.toLowerCase())).toEqual([email])
        conformanceCheck(invitationTokenFor(outbox, email).length > 0, 'Empty token.')
      }, timeout)

      it('never returns the token, neither from create nor from the list', async () => {
        const w = world()
        const { token, email } = await w.invite()
        assertNoSecret(await w.adapter.listInvitations(), token, 'The invitations list')
        assertNoSecret(await w.adapter.listInvitations({ search: email }), token, 'The searched invitations list')
      }, timeout)

      it('gives every invitation its own id and token', async () => {
        const w = world()
        const a = await w.invite()
        const b = await w.invite()
        expect(a.invitation.id).not.toBe(b.invitation.id)
        expect(a.token).not.toBe(b.token)
      }, timeout)

      type BadCreate = [what: string, field: string, input: (f: ConformanceFixtures, email: string) => CreateInvitationInput]
      const badCreates: BadCreate[] = [
        ['an email without an @', 'email', (f) => ({ email: 'not-an-email', domain_id: f.invitableDomainId })],
        ['an empty email', 'email', (f) => ({ email: '', domain_id: f.invitableDomainId })],
        ['a blank email', 'email', (f) => ({ email: '   ', domain_id: f.invitableDomainId })],
        ['no domain', 'domain_id', (_f, email) => ({ email, domain_id: '' })],
        ['a domain the parent may not invite into', 'domain_id', (f, email) => ({ email, domain_id: f.forbiddenDomainId })],
        ['a domain that does not exist', 'domain_id', (_f, email) => ({ email, domain_id: 'dom_conformance0unknown' })],
        ['a fee of -1', 'fee_proposed', (f, email) => ({ email, domain_id: f.invitableDomainId, fee_proposed: -1 })],
        ['a fee of 101', 'fee_proposed', (f, email) => ({ email, domain_id: f.invitableDomainId, fee_proposed: 101 })],
        ['a fee of 1.234 (three decimals)', 'fee_proposed', (f, email) => ({ email, domain_id: f.invitableDomainId, fee_proposed: 1.234 })],
        ['a fee that is not a number', 'fee_proposed', (f, email) => ({ email, domain_id: f.invitableDomainId, fee_proposed: Number.NaN })],
      ]

      it.each(badCreates)('rejects %s as a user error on fields.%s, sending nothing', async (_what, field, input) => {
        const w = world()
        await w.monetization(true)
        const before = await w.outbox()
        const error = await rejectionOf(w.adapter.createInvitation(input(w.fixtures, w.email())), 'createInvitation')
        assertApiError(error, { type: 'user', field })
        expect((await w.outbox()).length).toBe(before.length)
        expect((await w.adapter.listInvitations({ search: w.tag })).total).toBe(0)
      }, timeout)

      it('rejects a fee as a user error on fields.fee_proposed when monetization is off', async () => {
        const w = world()
        await w.monetization(false)
        const error = await rejectionOf(w.adapter.createInvitation({ email: w.email(), domain_id: w.fixtures.invitableDomainId, fee_proposed: 2 }))
        assertApiError(error, { type: 'user', field: 'fee_proposed' })
      }, timeout)

      it('accepts an invitation without a fee when monetization is off', async () => {
        const w = world()
        await w.monetization(false)
        const { invitation } = await w.invite()
        expect(invitation.fee_proposed).toBeUndefined()
      }, timeout)

      it(`starts with monetization ${opts.monetizedByDefault ? 'on' : 'off'}, as configured`, async () => {
        const w = world()
        const attempt = w.adapter.createInvitation({ email: w.email(), domain_id: w.fixtures.invitableDomainId, fee_proposed: 1 })
        if (opts.monetizedByDefault) expect(assertInvitation(await attempt).fee_proposed).toBe(1)
        else assertApiError(await rejectionOf(attempt), { type: 'user', field: 'fee_proposed' })
      }, timeout)
    })

    describe('listInvitations', () => {
      it('returns a record list of the invitations, newest included', async () => {
        const w = world()
        const { invitation } = await w.invite()
        const list = assertInvitationList(await w.adapter.listInvitations())
        expect(list.total).toBeGreaterThanOrEqual(1)
        expect(await w.findInvitation(invitation.id, invitation.email)).toEqual(invitation)
      }, timeout)

      it('searches case-insensitively by email', async () => {
        const w = world()
        const a = await w.invite()
        await w.invite()
        const query = { search: a.email.toUpperCase() }
        const list = assertInvitationList(await w.adapter.listInvitations(query), query)
        expect(list.list.map((i) => i.id)).toEqual([a.invitation.id])
        expect(list.total).toBe(1)
      }, timeout)

      it('searches by domain title too', async () => {
        const w = world()
        const { invitation } = await w.invite()
        const domain = assertDomains(await w.adapter.listNetworkDomains()).find((d) => d.id === invitation.domain_id)
        conformanceCheck(domain && domain.title !== '', 'The invitable domain has no title to search for.')
        const ids = (await w.allInvitations({ search: domain.title.toUpperCase() })).map((i) => i.id)
        expect(ids).toContain(invitation.id)
      }, timeout)

      it('finds nothing for a search that matches nothing', async () => {
        const w = world()
        await w.invite()
        const query = { search: `${w.tag}-nothing-matches` }
        const list = assertInvitationList(await w.adapter.listInvitations(query), query)
        expect(list.total).toBe(0)
        expect(list.pages).toBe(0)
        expect(list.list).toEqual([])
      }, timeout)

      it('offers the pending and expired filters and filters by status', async () => {
        const w = world()
        const old = await w.invite()
        await w.advance(w.fixtures.invitationLifetime + 1)
        const fresh = await w.invite()
        const all = assertInvitationList(await w.adapter.listInvitations({ search: w.tag }), { search: w.tag })
        expect(all.filters).toEqual(expect.arrayContaining(['pending', 'expired']))
        const pending = { search: w.tag, filter: 'pending' }
        const expired = { search: w.tag, filter: 'expired' }
        expect(assertInvitationList(await w.adapter.listInvitations(pending), pending).list.map((i) => i.id)).toEqual([fresh.invitation.id])
        expect(assertInvitationList(await w.adapter.listInvitations(expired), expired).list.map((i) => i.id)).toEqual([old.invitation.id])
      }, timeout)

      it('has per-filter totals that add up to the unfiltered total', async () => {
        const w = world()
        await w.invite()
        await w.establish()
        await w.advance(w.fixtures.invitationLifetime)
        await w.invite()
        await w.invite()
        const all = assertInvitationList(await w.adapter.listInvitations({ search: w.tag }), { search: w.tag })
        const statusFilters = all.filters.filter((f) => (INVITATION_STATUSES as readonly string[]).includes(f))
        for (const row of all.list) expect(statusFilters, `a filter for status ${row.status}`).toContain(row.status)
        let sum = 0
        for (const filter of statusFilters) {
          const q = { search: w.tag, filter }
          sum += assertInvitationList(await w.adapter.listInvitations(q), q).total
        }
        expect(sum).toBe(all.total)
      }, timeout)

      it('pages through the rows without gaps or repeats', async () => {
        const w = world()
        const created = new Set<string>()
        for (let i = 0; i < 5; i++) created.add((await w.invite()).invitation.id)
        const seen: string[] = []
        for (const page of [1, 2, 3]) {
          const q = { search: w.tag, page, records: 2 }
          const list = assertInvitationList(await w.adapter.listInvitations(q), q)
          expect(list).toMatchObject({ total: 5, pages: 3 })
          seen.push(...list.list.map((i) => i.id))
        }
        expect(seen.length).toBe(5)
        expect(new Set(seen)).toEqual(created)
      }, timeout)

      it('returns an empty page past the end, with the totals kept', async () => {
        const w = world()
        await w.invite()
        await w.invite()
        const q = { search: w.tag, page: 3, records: 1 }
        const list = assertInvitationList(await w.adapter.listInvitations(q), q)
        expect(list).toMatchObject({ list: [], total: 2, pages: 2 })
      }, timeout)

      it.each([[1], [25], [100]])('accepts a page size of %s', async (records) => {
        const w = world()
        await w.invite()
        const q = { search: w.tag, records }
        expect(assertInvitationList(await w.adapter.listInvitations(q), q).total).toBe(1)
      }, timeout)

      it.each<[what: string, query: ListQuery]>([
        ['page 0', { page: 0 }],
        ['page -1', { page: -1 }],
        ['page 1.5', { page: 1.5 }],
        ['a page size of 0', { records: 0 }],
        ['a page size of 101', { records: 101 }],
        ['a page size of 1000', { records: 1000 }],
      ])('rejects %s with a NetworkApiError', async (_what, query) => {
        const error = await rejectionOf(world().adapter.listInvitations(query), 'listInvitations')
        assertApiError(error, { type: ['user', 'codebase'] })
      }, timeout)
    })

    if (has('updateInvitation')) {
      describe('updateInvitation', () => {
        const update = (w: World, id: string, input: UpdateInvitationInput) => w.supporting('updateInvitation').updateInvitation(id, input)

        it('changes only the fee when only the fee is submitted', async () => {
          const w = world()
          await w.monetization(true)
          const { invitation } = await w.invite({ fee_proposed: 2.5 })
          const updated = assertInvitation(await update(w, invitation.id, { fee_proposed: 3.75 }))
          expect(updated).toMatchObject({ id: invitation.id, email: invitation.email, domain_id: invitation.domain_id, fee_proposed: 3.75, status: 'pending' })
          expect(await w.findInvitation(invitation.id, invitation.email)).toMatchObject({ fee_proposed: 3.75, email: invitation.email })
        }, timeout)

        it('changes only the email when only the email is submitted', async () => {
          const w = world()
          await w.monetization(true)
          const { invitation } = await w.invite({ fee_proposed: 2.5 })
          const email = w.email()
          const updated = assertInvitation(await update(w, invitation.id, { email }))
          expect(updated).toMatchObject({ id: invitation.id, email, domain_id: invitation.domain_id, fee_proposed: 2.5 })
        }, timeout)

        it('deletes the fee when fee_proposed is null', async () => {
          const w = world()
          await w.monetization(true)
          const { invitation } = await w.invite({ fee_proposed: 2.5 })
          const updated = assertInvitation(await update(w, invitation.id, { fee_proposed: null }))
          expect(updated.fee_proposed).toBeUndefined()
          expect(updated.email).toBe(invitation.email)
          expect((await w.findInvitation(invitation.id, invitation.email))?.fee_proposed).toBeUndefined()
        }, timeout)

        it('keeps the email when an empty email is submitted', async () => {
          const w = world()
          const { invitation } = await w.invite()
          const updated = assertInvitation(await update(w, invitation.id, { email: '' }))
          expect(updated.email).toBe(invitation.email)
        }, timeout)

        it('stores an updated email trimmed', async () => {
          const w = world()
          const { invitation } = await w.invite()
          const email = w.email()
          expect(assertInvitation(await update(w, invitation.id, { email: ` ${email}  ` })).email).toBe(email)
        }, timeout)

        it('rejects a fee as a user error on fields.fee_proposed when monetization is off', async () => {
          const w = world()
          const { invitation } = await w.invite()
          await w.monetization(false)
          assertApiError(await rejectionOf(update(w, invitation.id, { fee_proposed: 2 })), { type: 'user', field: 'fee_proposed' })
        }, timeout)

        it('resends the invitation with a new token, never returned', async () => {
          const w = world()
          const { invitation, token } = await w.invite()
          const before = (await w.outbox()).length
          const updated = await update(w, invitation.id, {})
          const outbox = await w.outbox()
          expect(outbox.slice(before).filter((e) => e.kind === 'invitation').length).toBe(1)
          const fresh = invitationTokenFor(outbox, invitation.email)
          expect(fresh).not.toBe(token)
          assertNoSecret(updated, fresh, 'The updated invitation')
          assertNoSecret(await w.adapter.listInvitations({ search: invitation.email }), fresh, 'The invitations list')
        }, timeout)

        it('sends the new link to the new address when the email changes', async () => {
          const w = world()
          const { invitation } = await w.invite()
          const email = w.email()
          await update(w, invitation.id, { email })
          expect(latestEmail(await w.outbox(), email, 'invitation')).toBeDefined()
        }, timeout)

        it('refuses the replaced token with token_replaced and activates with the new one', async () => {
          const w = world()
          const { invitation, token } = await w.invite()
          await update(w, invitation.id, {})
          const fresh = invitationTokenFor(await w.outbox(), invitation.email)
          assertTokenRejected(await rejectionOf(w.adapter.activateInvitation(token)), 'token_replaced')
          assertActivationResult(await w.adapter.activateInvitation(fresh))
        }, timeout)

        it('restarts the expiry', async () => {
          const w = world()
          const { invitation } = await w.invite()
          const half = Math.floor(w.fixtures.invitationLifetime / 2)
          await w.advance(half)
          const updated = assertInvitation(await update(w, invitation.id, {}))
          expectNear(updated.expires, invitation.expires + half, opts.clockTolerance, 'The restarted expires')
          await w.advance(w.fixtures.invitationLifetime - half)
          expect((await w.findInvitation(invitation.id, invitation.email))?.status).toBe('pending')
        }, timeout)

        it.each<[what: string, field: string, input: UpdateInvitationInput]>([
          ['an invalid email', 'email', { email: 'not-an-email' }],
          ['a fee of -1', 'fee_proposed', { fee_proposed: -1 }],
          ['a fee of 101', 'fee_proposed', { fee_proposed: 101 }],
          ['a fee of 1.234', 'fee_proposed', { fee_proposed: 1.234 }],
        ])('rejects %s as a user error on fields.%s and changes nothing', async (_what, field, input) => {
          const w = world()
          await w.monetization(true)
          const { invitation } = await w.invite({ fee_proposed: 2 })
          assertApiError(await rejectionOf(update(w, invitation.id, input)), { type: 'user', field })
          expect(await w.findInvitation(invitation.id, invitation.email)).toEqual(invitation)
        }, timeout)

        it('rejects an unknown id with 404', async () => {
          assertApiError(await rejectionOf(update(world(), UNKNOWN_INVITATION_ID, { fee_proposed: 1 })), { status: 404 })
        }, timeout)
      })
    }

    if (has('deleteInvitation')) {
      describe('deleteInvitation', () => {
        const remove = (w: World, id: string) => w.supporting('deleteInvitation').deleteInvitation(id)

        it('removes the invitation from the list', async () => {
          const w = world()
          const { invitation } = await w.invite()
          const other = await w.invite()
          await remove(w, invitation.id)
          const ids = (await w.allInvitations({ search: w.tag })).map((i) => i.id)
          expect(ids).toEqual([other.invitation.id])
        }, timeout)

        it('refuses its token with token_revoked', async () => {
          const w = world()
          const { invitation, token } = await w.invite()
          await remove(w, invitation.id)
          assertTokenRejected(await rejectionOf(w.adapter.activateInvitation(token)), 'token_revoked')
        }, timeout)

        it('rejects an unknown id with 404', async () => {
          assertApiError(await rejectionOf(remove(world(), UNKNOWN_INVITATION_ID)), { status: 404 })
        }, timeout)

        it('rejects a second delete of the same invitation with 404', async () => {
          const w = world()
          const { invitation } = await w.invite()
          await remove(w, invitation.id)
          assertApiError(await rejectionOf(remove(w, invitation.id)), { status: 404 })
        }, timeout)
      })
    }

    describe('activateInvitation', () => {
      it('creates the child account in the invited domain and returns its ids', async () => {
        const w = world()
        const { invitation, token } = await w.invite()
        const result = assertActivationResult(await w.adapter.activateInvitation(token))
        expect(result.domain_id).toBe(invitation.domain_id)
        expect(result.account_id).not.toBe(w.fixtures.parentAccountId)
        assertNoSecret(result, token, 'The activation result')
        assertNoSecret(await w.allInvitations({ search: invitation.email }), token, 'The invitations list after activation')
        if (adapterSupports(w.adapter, 'listNetworks')) assertNoSecret(await w.allNetworks(), token, 'The networks list')
      }, timeout)

      it('emails the new user login instructions', async () => {
        const w = world()
        const { email, token } = await w.establish()
        expect(latestEmail(await w.outbox(), email, 'login-instructions')).toBeDefined()
        expect(token).not.toBe('')
      }, timeout)

      if (opts.activatedInvitations === 'active') {
        it('shows the invitation as active in the parent’s list', async () => {
          const w = world()
          const { invitation } = await w.establish()
          expect(await w.findInvitation(invitation.id, invitation.email, 'active')).toMatchObject({ id: invitation.id, status: 'active' })
          expect(await w.findInvitation(invitation.id, invitation.email, 'pending')).toBeUndefined()
        }, timeout)

        it('keeps the invitation active after its expiry time', async () => {
          const w = world()
          const { invitation } = await w.establish()
          await w.advance(w.fixtures.invitationLifetime * 2)
          expect((await w.findInvitation(invitation.id, invitation.email))?.status).toBe('active')
        }, timeout)
      } else {
        it('removes the invitation from the parent’s list', async () => {
          const w = world()
          const { invitation } = await w.establish()
          expect(await w.findInvitation(invitation.id, invitation.email)).toBeUndefined()
        }, timeout)
      }

      if (has('listNetworks') || has('getNetwork')) {
        it.each<[what: string, expected: number, fee: number | undefined]>([
          ['a proposed fee of 2.5%', 2.5, 2.5],
          ['no proposed fee', 0, undefined],
        ])(
          'establishes a network in the child’s domain from an invitation with %s, at a fee of %s%',
          async (_what, expected, fee) => {
            const w = world()
            await w.monetization(true)
            const { result, invitation } = await w.establish(fee === undefined ? {} : { fee_proposed: fee })
            let network: Network | undefined
            if (adapterSupports(w.adapter, 'listNetworks')) network = (await w.allNetworks()).find((n) => n.account_id === result.account_id)
            else if (adapterSupports(w.adapter, 'getNetwork')) network = assertNetwork(await w.adapter.getNetwork(result.account_id))
            conformanceCheck(network, `No network with the new child account ${result.account_id}.`)
            expect(network).toMatchObject({ account_id: result.account_id, domain_id: invitation.domain_id, fee: expected })
          },
          timeout,
        )
      }

      it('refuses a second use of the token with token_used', async () => {
        const w = world()
        const { token } = await w.establish()
        assertTokenRejected(await rejectionOf(w.adapter.activateInvitation(token)), 'token_used')
      }, timeout)

      it('refuses an expired token with token_expired', async () => {
        const w = world()
        const { token } = await w.invite()
        await w.advance(w.fixtures.invitationLifetime)
        assertTokenRejected(await rejectionOf(w.adapter.activateInvitation(token)), 'token_expired')
      }, timeout)

      it('refuses an unknown well-formed token with token_invalid', async () => {
        const w = world()
        const { token } = await w.invite()
        assertTokenRejected(await rejectionOf(w.adapter.activateInvitation(lookalikeToken(token))), 'token_invalid')
      }, timeout)

      it.each([['"abc"', 'abc'], ['"" (empty)', ''], ['"../../x"', '../../x'], ['" " (blank)', ' ']])(
        'refuses the malformed token %s with token_malformed or a 400 user error',
        async (_what, token) => {
          assertMalformedTokenRejected(await rejectionOf(world().adapter.activateInvitation(token)))
        },
        timeout,
      )

      it('lets exactly one of two concurrent activations of one token succeed', async () => {
        const w = world()
        const { token } = await w.invite()
        const networksBefore = adapterSupports(w.adapter, 'listNetworks') ? (await w.allNetworks()).length : 0
        const results = await Promise.allSettled([w.adapter.activateInvitation(token), w.adapter.activateInvitation(token)])
        const result = assertSingleActivation(results)
        if (adapterSupports(w.adapter, 'listNetworks')) {
          const after = await w.allNetworks()
          expect(after.length).toBe(networksBefore + 1)
          expect(after.filter((n) => n.account_id === result.account_id).length).toBe(1)
        }
      }, timeout)

      it('rejects only with NetworkApiError', async () => {
        const w = world()
        const { token } = await w.establish()
        for (const attempt of [token, lookalikeToken(token), 'abc']) {
          const error = await rejectionOf(w.adapter.activateInvitation(attempt))
          conformanceCheck(isNetworkApiError(error), `activateInvitation(${JSON.stringify(attempt)}) rejected with something else.`)
        }
      }, timeout)
    })

    describe('status and the clock', () => {
      it('is pending one second before it expires', async () => {
        const w = world()
        const { invitation } = await w.invite()
        await w.advance(invitation.expires - invitation.created - 1)
        const row = await w.findInvitation(invitation.id, invitation.email)
        expect(row?.status).toBe('pending')
        assertStatusAgreesWithClock(row ?? invitation, invitation.expires - 1)
      }, timeout)

      it('still activates one second before it expires', async () => {
        const w = world()
        const { invitation, token } = await w.invite()
        await w.advance(invitation.expires - invitation.created - 1)
        assertActivationResult(await w.adapter.activateInvitation(token))
      }, timeout)

      it('is expired exactly at its expiry time, under the expired filter only', async () => {
        const w = world()
        const { invitation } = await w.invite()
        await w.advance(invitation.expires - invitation.created)
        expect((await w.findInvitation(invitation.id, invitation.email))?.status).toBe('expired')
        expect(await w.findInvitation(invitation.id, invitation.email, 'expired')).toBeDefined()
        expect(await w.findInvitation(invitation.id, invitation.email, 'pending')).toBeUndefined()
      }, timeout)

      it('refuses the token with token_expired exactly at its expiry time', async () => {
        const w = world()
        const { invitation, token } = await w.invite()
        await w.advance(invitation.expires - invitation.created)
        assertTokenRejected(await rejectionOf(w.adapter.activateInvitation(token)), 'token_expired')
      }, timeout)

      it('stays expired later on', async () => {
        const w = world()
        const { invitation } = await w.invite()
        await w.advance(w.fixtures.invitationLifetime * 3)
        expect((await w.findInvitation(invitation.id, invitation.email))?.status).toBe('expired')
      }, timeout)
    })

    describe('isolation between accounts', () => {
      it('hides the parent’s invitations from another account', async () => {
        const w = world()
        const { invitation } = await w.invite()
        await w.signInAs(w.fixtures.otherAccountId)
        expect((await w.allInvitations()).map((i) => i.id)).not.toContain(invitation.id)
        expect((await w.adapter.listInvitations({ search: invitation.email })).total).toBe(0)
      }, timeout)

      it('hides another account’s invitations from the parent', async () => {
        const w = world()
        await w.signInAs(w.fixtures.otherAccountId)
        const [domain] = assertDomains(await w.adapter.listNetworkDomains())
        conformanceCheck(domain, 'The other account has no domain to invite into.')
        const { invitation } = await w.invite({ domain_id: domain.id })
        await w.signInAs(w.fixtures.parentAccountId)
        expect((await w.allInvitations()).map((i) => i.id)).not.toContain(invitation.id)
      }, timeout)

      if (has('updateInvitation') || has('deleteInvitation')) {
        it('answers 404 when another account updates or deletes the parent’s invitation, which stays intact', async () => {
          const w = world()
          await w.monetization(true)
          const { invitation, token } = await w.invite({ fee_proposed: 2 })
          await w.signInAs(w.fixtures.otherAccountId)
          if (adapterSupports(w.adapter, 'updateInvitation')) {
            assertApiError(await rejectionOf(w.adapter.updateInvitation(invitation.id, { fee_proposed: 9 })), { status: 404 })
          }
          if (adapterSupports(w.adapter, 'deleteInvitation')) {
            assertApiError(await rejectionOf(w.adapter.deleteInvitation(invitation.id)), { status: 404 })
          }
          await w.signInAs(w.fixtures.parentAccountId)
          expect(await w.findInvitation(invitation.id, invitation.email)).toEqual(invitation)
          expect(invitationTokenFor(await w.outbox(), invitation.email)).toBe(token)
        }, timeout)
      }

      if (has('listNetworks') || has('getNetwork') || has('updateNetwork') || has('deleteNetwork')) {
        it('hides the parent’s networks from another account and answers 404 to it', async () => {
          const w = world()
          await w.monetization(true)
          const { result } = await w.establish()
          const child = result.account_id
          await w.signInAs(w.fixtures.otherAccountId)
          const a = w.adapter
          if (adapterSupports(a, 'listNetworks')) expect((await w.allNetworks()).map((n) => n.account_id)).not.toContain(child)
          if (adapterSupports(a, 'getNetwork')) assertApiError(await rejectionOf(a.getNetwork(child)), { status: 404 })
          if (adapterSupports(a, 'updateNetwork')) assertApiError(await rejectionOf(a.updateNetwork(child, { fee: 5 })), { status: 404 })
          if (adapterSupports(a, 'deleteNetwork')) assertApiError(await rejectionOf(a.deleteNetwork(child)), { status: 404 })
          await w.signInAs(w.fixtures.parentAccountId)
          if (adapterSupports(a, 'listNetworks')) {
            const network = (await w.allNetworks()).find((n) => n.account_id === child)
            expect(network?.fee_proposed).toBeUndefined()
          }
          if (adapterSupports(a, 'getNetwork')) expect(assertNetwork(await a.getNetwork(child)).fee_proposed).toBeUndefined()
        }, timeout)
      }
    })

    if (has('listNetworks')) {
      describe('listNetworks', () => {
        const list = async (w: World, query?: ListQuery) => assertNetworkList(await w.supporting('listNetworks').listNetworks(query), query)

        it('returns a record list that includes a new network', async () => {
          const w = world()
          const { result } = await w.establish()
          const page = await list(w)
          expect(page.total).toBeGreaterThanOrEqual(1)
          expect((await w.allNetworks()).map((n) => n.account_id)).toContain(result.account_id)
        }, timeout)

        it('searches case-insensitively by account title', async () => {
          const w = world()
          const { result } = await w.establish()
          const network = (await w.allNetworks()).find((n) => n.account_id === result.account_id)
          conformanceCheck(network && network.account_title !== '', 'The new network has no account title to search for.')
          for (const search of [network.account_title.toUpperCase(), network.account_title.toLowerCase()]) {
            const rows = await w.allNetworks({ search })
            expect(rows.map((n) => n.account_id)).toContain(result.account_id)
            for (const row of rows) {
              const haystack = `${row.account_title}\n${row.domain_title}`.toLowerCase()
              conformanceCheck(haystack.includes(search.toLowerCase()), `Search ${JSON.stringify(search)} returned network ${row.account_id} (${row.account_title}, ${row.domain_title}).`)
            }
          }
        }, timeout)

        it('searches by domain title too', async () => {
          const w = world()
          const { result } = await w.establish()
          const network = (await w.allNetworks()).find((n) => n.account_id === result.account_id)
          conformanceCheck(network && network.domain_title !== '', 'The new network has no domain title to search for.')
          expect((await w.allNetworks({ search: network.domain_title.toLowerCase() })).map((n) => n.account_id)).toContain(result.account_id)
        }, timeout)

        it('finds nothing for a search that matches nothing', async () => {
          const w = world()
          await w.establish()
          const page = await list(w, { search: `${w.tag}-nothing-matches` })
          expect(page).toMatchObject({ list: [], total: 0, pages: 0 })
        }, timeout)

        it('pages through the networks with consistent totals', async () => {
          const w = world()
          for (let i = 0; i < 3; i++) await w.establish()
          const first = await list(w, { records: 1 })
          expect(first.total).toBeGreaterThanOrEqual(3)
          const pastEnd = await list(w, { records: 1, page: first.pages + 1 })
          expect(pastEnd.list).toEqual([])
          expect(pastEnd.total).toBe(first.total)
        }, timeout)
      })
    }

    if (has('getNetwork')) {
      describe('getNetwork', () => {
        it('returns the network of a child account, as the list shows it', async () => {
          const w = world()
          const adapter = w.supporting('getNetwork')
          const { result, invitation } = await w.establish()
          const network = assertNetwork(await adapter.getNetwork(result.account_id))
          expect(network).toMatchObject({ account_id: result.account_id, domain_id: invitation.domain_id })
          if (adapterSupports(w.adapter, 'listNetworks')) {
            const row = (await w.allNetworks()).find((n) => n.account_id === result.account_id)
            expect(row).toMatchObject({ account_id: network.account_id, account_title: network.account_title, domain_title: network.domain_title, fee: network.fee })
          }
        }, timeout)

        it('rejects an unknown child account with 404', async () => {
          const w = world()
          assertApiError(await rejectionOf(w.supporting('getNetwork').getNetwork(UNKNOWN_ACCOUNT_ID)), { status: 404 })
        }, timeout)
      })
    }

    if (has('updateNetwork')) {
      describe('updateNetwork', () => {
        const propose = (w: World, child: string, fee: number) => w.supporting('updateNetwork').updateNetwork(child, { fee })

        it('records a fee proposal and keeps the agreed fee', async () => {
          const w = world()
          await w.monetization(true)
          const { result, invitation } = await w.establish({ fee_proposed: 2 })
          const network = assertNetwork(await propose(w, result.account_id, 3.5))
          expect(network).toMatchObject({ account_id: result.account_id, fee: 2, fee_proposed: 3.5, proposed_account_id: w.fixtures.parentAccountId })
          conformanceCheck(network.proposed_date !== undefined, 'The proposal has no proposed_date.')
          expectNear(network.proposed_date, invitation.created, opts.clockTolerance, 'proposed_date')
        }, timeout)

        it('keeps the proposal, as later reads show', async () => {
          const w = world()
          await w.monetization(true)
          const { result } = await w.establish()
          await propose(w, result.account_id, 4)
          if (adapterSupports(w.adapter, 'getNetwork')) expect(assertNetwork(await w.adapter.getNetwork(result.account_id))).toMatchObject({ fee: 0, fee_proposed: 4 })
          if (adapterSupports(w.adapter, 'listNetworks')) {
            expect((await w.allNetworks()).find((n) => n.account_id === result.account_id)).toMatchObject({ fee: 0, fee_proposed: 4 })
          }
        }, timeout)

        it.each([[-1], [101], [1.234], [Number.NaN]])('rejects a fee of %s as a user error on fields.fee', async (fee) => {
          const w = world()
          await w.monetization(true)
          const { result } = await w.establish()
          assertApiError(await rejectionOf(propose(w, result.account_id, fee)), { type: 'user', field: 'fee' })
        }, timeout)

        it('rejects a fee as a user error on fields.fee when monetization is off', async () => {
          const w = world()
          const { result } = await w.establish()
          await w.monetization(false)
          assertApiError(await rejectionOf(propose(w, result.account_id, 2)), { type: 'user', field: 'fee' })
        }, timeout)

        it('rejects an unknown child account with 404', async () => {
          const w = world()
          await w.monetization(true)
          assertApiError(await rejectionOf(propose(w, UNKNOWN_ACCOUNT_ID, 2)), { status: 404 })
        }, timeout)
      })
    }

    if (has('deleteNetwork')) {
      describe('deleteNetwork', () => {
        const remove = (w: World, child: string) => w.supporting('deleteNetwork').deleteNetwork(child)

        it('returns the two account ids', async () => {
          const w = world()
          const { result } = await w.establish()
          assertDeleteNetworkResult(await remove(w, result.account_id), { parent_account_id: w.fixtures.parentAccountId, child_account_id: result.account_id })
        }, timeout)

        it('removes the network from the list and from reads', async () => {
          const w = world()
          const { result } = await w.establish()
          const kept = await w.establish()
          await remove(w, result.account_id)
          if (adapterSupports(w.adapter, 'listNetworks')) {
            const ids = (await w.allNetworks()).map((n) => n.account_id)
            expect(ids).not.toContain(result.account_id)
            expect(ids).toContain(kept.result.account_id)
          }
          if (adapterSupports(w.adapter, 'getNetwork')) assertApiError(await rejectionOf(w.adapter.getNetwork(result.account_id)), { status: 404 })
        }, timeout)

        it('rejects a second delete with 404', async () => {
          const w = world()
          const { result } = await w.establish()
          await remove(w, result.account_id)
          assertApiError(await rejectionOf(remove(w, result.account_id)), { status: 404 })
        }, timeout)

        it('rejects an unknown child account with 404', async () => {
          assertApiError(await rejectionOf(remove(world(), UNKNOWN_ACCOUNT_ID)), { status: 404 })
        }, timeout)
      })
    }

    if (opts.sessionRequired) {
      describe('without a session', () => {
        it.each<[operation: string, call: (w: World) => Promise<unknown>]>([
          ['listInvitations', (w) => w.adapter.listInvitations()],
          ['createInvitation', (w) => w.adapter.createInvitation({ email: w.email(), domain_id: w.fixtures.invitableDomainId })],
          ['listNetworkDomains', (w) => w.adapter.listNetworkDomains()],
        ])('rejects %s with 401', async (_operation, call) => {
          const w = world()
          await w.signInAs(null)
          assertApiError(await rejectionOf(call(w)), { status: 401 })
        }, timeout)

        it('still activates an invitation, as the activation page needs no session', async () => {
          const w = world()
          const { token } = await w.invite()
          await w.signInAs(null)
          assertActivationResult(await w.adapter.activateInvitation(token))
        }, timeout)
      })
    }
  })
}
