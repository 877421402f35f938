/**
 * Model-based property test of the mock backend (through the mock adapter): random sequences of invitations,
 * updates, deletions, activations (good, expired, reused, replaced, revoked, random and malformed tokens,
 * and concurrent ones driven by fast-check's scheduler), clock moves and account switches, checked against a
 * small model after every command.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MOCK_IDS, createMockAdapter, createMockBackend } from '../../src/adapters/mock'
import type { MockAdapter, MockBackend } from '../../src/adapters/mock'
import type { NetworkApiErrorReason, NetworkInvitation } from '../../src/core'
import { INVITATION_STATUSES, feeSchema, pageCount } from '../../src/core'
import {
  assertActivationResult,
  assertApiError,
  assertInvitation,
  assertInvitationList,
  assertMalformedTokenRejected,
  assertNetwork,
  assertNetworkList,
  assertNoSecret,
  assertSingleActivation,
  assertTokenRejected,
  expectedInvitationStatus,
  invitationTokenFor,
  latestEmail,
  rejectionOf,
} from '../../src/testing'
import { allPages } from '../../src/testing/pages'

const LIFETIME = 3600
const PAGE_SIZE = 3
const ACCOUNTS = [MOCK_IDS.accounts.harbor, MOCK_IDS.accounts.northwind, MOCK_IDS.accounts.civic] as const
type AccountId = (typeof ACCOUNTS)[number]

// ---------------------------------------------------------------------------------------------- the model

interface ModelInvitation {
  id: string
  owner: AccountId
  email: string
  domain_id: string
  fee?: number
  created: number
  expires: number
  state: 'open' | 'activated' | 'deleted'
  /** The current token (the one in the newest email). */
  token: string
}

interface ModelToken {
  invitationId: string
  /** When this token stopped working by the clock (the invitation's expiry while it was current). */
  expires: number
}

interface ModelNetwork {
  parent: AccountId
  invitationId: string
  domain_id: string
  fee: number
  fee_proposed?: number
}

interface Model {
  now: number
  session: AccountId
  invitations: ModelInvitation[]
  tokens: Map<string, ModelToken>
  usedTokens: Set<string>
  networks: Map<string, ModelNetwork>
  /** Emails the backend must have sent so far. */
  emails: number
  /** Counter for unique addresses. */
  addresses: number
  /** Subordinate domains per account, from the backend's hierarchy. */
  domains: Record<AccountId, string[]>
  allDomains: string[]
}

interface Real {
  adapter: MockAdapter
  backend: MockBackend
  scheduler: fc.Scheduler
}

/** What activating a token must do, by the model. */
type Outcome = { ok: true; invitation: ModelInvitation } | { ok: false; reasons: NetworkApiErrorReason[] }

/** The `pick`-th of `items`, wrapping around (`items` must not be empty). */
function pickFrom<T>(items: readonly T[], pick: number): T {
  return items[pick % items.length] as T
}

function invitationById(m: Model, id: string): ModelInvitation {
  const invitation = m.invitations.find((i) => i.id === id)
  if (!invitation) throw new Error(`model has no invitation ${id}`)
  return invitation
}

function statusOf(invitation: ModelInvitation, now: number) {
  return expectedInvitationStatus(invitation.expires, now, invitation.state === 'activated')
}

function isOpenPending(invitation: ModelInvitation, now: number): boolean {
  return invitation.state === 'open' && now < invitation.expires
}

function expectedActivation(m: Model, token: string): Outcome {
  const known = m.tokens.get(token)
  if (!known) return { ok: false, reasons: ['token_invalid'] }
  const invitation = invitationById(m, known.invitationId)
  const current = invitation.token === token
  if (m.usedTokens.has(token)) return { ok: false, reasons: ['token_used'] }
  if (!current) {
    // A replaced token: "a newer link was sent". Where a second reason also holds, either is acceptable.
    const reasons: NetworkApiErrorReason[] = ['token_replaced']
    if (invitation.state === 'deleted') reasons.push('token_revoked')
    if (invitation.state === 'activated') reasons.push('token_used')
    if (m.now >= known.expires) reasons.push('token_expired')
    return { ok: false, reasons }
  }
  if (invitation.state === 'deleted') return { ok: false, reasons: m.now >= invitation.expires ? ['token_revoked', 'token_expired'] : ['token_revoked'] }
  if (m.now >= invitation.expires) return { ok: false, reasons: ['token_expired'] }
  return { ok: true, invitation }
}

function feeIsValid(fee: number | undefined): boolean {
  return fee === undefined || feeSchema.safeParse(fee).success
}

// ------------------------------------------------------------------------------------- invariants

/** Checks everything the model knows against what each account sees; restores the session afterwards. */
async function checkInvariants(m: Model, r: Real): Promise<void> {
  const { adapter } = r
  expect(r.backend.clock.now(), 'the clock').toBe(m.now)
  expect(r.backend.outbox().length, 'emails sent').toBe(m.emails)

  // A token activates at most once, and every network comes from exactly one activated invitation.
  const activated = m.invitations.filter((i) => i.state === 'activated')
  expect(m.usedTokens.size).toBe(activated.length)
  const seenChildren = new Set<string>()

  for (const account of ACCOUNTS) {
    r.backend.signInAs(account)
    const own = m.invitations.filter((i) => i.owner === account && i.state !== 'deleted')
    const foreignIds = new Set(m.invitations.filter((i) => i.owner !== account).map((i) => i.id))

    const rows = await allPages(async (page) => {
      const q = { page, records: PAGE_SIZE }
      return assertInvitationList(await adapter.listInvitations(q), q)
    })
    expect(rows.map((i) => i.id).sort(), `${account} sees exactly its invitations`).toEqual(own.map((i) => i.id).sort())
    for (const row of rows) {
      expect(foreignIds.has(row.id), `${account} sees another account's invitation ${row.id}`).toBe(false)
      const expected = invitationById(m, row.id)
      expect(row, `${account}: invitation ${row.id} at ${m.now}`).toEqual(expectedRow(expected, m.now))
      const token = expected.token
      assertNoSecret(row, token, `Invitation ${row.id} in the list`)
    }

    const unfiltered = assertInvitationList(await adapter.listInvitations({ records: PAGE_SIZE }), { records: PAGE_SIZE })
    expect(unfiltered.total).toBe(own.length)
    expect(unfiltered.pages).toBe(pageCount(own.length, PAGE_SIZE))
    const statusFilters = unfiltered.filters.filter((f) => (INVITATION_STATUSES as readonly string[]).includes(f))
    let sum = 0
    for (const filter of statusFilters) {
      const q = { filter, records: PAGE_SIZE }
      const list = assertInvitationList(await adapter.listInvitations(q), q)
      expect(list.total, `${account}: ${filter} total`).toBe(own.filter((i) => statusOf(i, m.now) === filter).length)
      expect(list.pages).toBe(pageCount(list.total, PAGE_SIZE))
      sum += list.total
    }
    expect(sum, `${account}: the filters' totals add up to the unfiltered total`).toBe(unfiltered.total)

    const networks = await allPages(async (page) => {
      const q = { page, records: PAGE_SIZE }
      return assertNetworkList(await adapter.listNetworks(q), q)
    })
    const expectedNetworks = [...m.networks].filter(([, n]) => n.parent === account)
    expect(networks.map((n) => n.account_id).sort(), `${account} sees exactly its networks`).toEqual(expectedNetworks.map(([id]) => id).sort())
    for (const network of networks) {
      const model = m.networks.get(network.account_id)
      expect(model).toBeDefined()
      expect(seenChildren.has(network.account_id), `network ${network.account_id} has two parents`).toBe(false)
      seenChildren.add(network.account_id)
      expect(network).toMatchObject({ domain_id: model?.domain_id, fee: model?.fee })
      expect(network.fee_proposed).toBe(model?.fee_proposed)
      const source = invitationById(m, model?.invitationId ?? '')
      expect(source.state, `network ${network.account_id} comes from an activated invitation`).toBe('activated')
    }
  }
  const sources = [...m.networks.values()].map((n) => n.invitationId)
  expect(new Set(sources).size, 'no invitation made two networks').toBe(sources.length)
  r.backend.signInAs(m.session)
}

function expectedRow(invitation: ModelInvitation, now: number): NetworkInvitation {
  const row: NetworkInvitation = {
    id: invitation.id,
    created: invitation.created,
    domain_id: invitation.domain_id,
    email: invitation.email,
    expires: invitation.expires,
    status: statusOf(invitation, now),
  }
  if (invitation.fee !== undefined) row.fee_proposed = invitation.fee
  return row
}

// --------------------------------------------------------------------------------------- commands

type Cmd = fc.AsyncCommand<Model, Real>

function nextAddress(m: Model): string {
  m.addresses += 1
  return `prop-${m.addresses}@example.com`
}

/** Reads the token of the newest invitation email to `email`, which must be a token the model has never seen. */
function freshToken(m: Model, r: Real, email: string): string {
  const token = invitationTokenFor(r.backend.outbox(), email)
  expect(m.tokens.has(token), 'a new email carries a new token').toBe(false)
  return token
}

class InviteCommand implements Cmd {
  constructor(
    readonly domain: { allowed: true; index: number } | { allowed: false; index: number },
    readonly fee: number | undefined,
  ) {}
  check = () => true
  async run(m: Model, r: Real) {
    const allowed = m.domains[m.session]
    const forbidden = m.allDomains.filter((d) => !allowed.includes(d))
    const pool = this.domain.allowed ? allowed : forbidden
    const domain_id = pool[this.domain.index % Math.max(pool.length, 1)] ?? 'dom_none'
    const email = nextAddress(m)
    const input = this.fee === undefined ? { email, domain_id } : { email, domain_id, fee_proposed: this.fee }
    const attempt = r.adapter.createInvitation(input)
    if (allowed.includes(domain_id) && feeIsValid(this.fee)) {
      const invitation = assertInvitation(await attempt)
      m.emails += 1
      const token = freshToken(m, r, email)
      assertNoSecret(invitation, token, 'The created invitation')
      const model: ModelInvitation = { id: invitation.id, owner: m.session, email, domain_id, created: m.now, expires: m.now + LIFETIME, state: 'open', token }
      if (this.fee !== undefined) model.fee = this.fee
      expect(invitation).toEqual(expectedRow(model, m.now))
      m.invitations.push(model)
      m.tokens.set(token, { invitationId: model.id, expires: model.expires })
    } else {
      const error = assertApiError(await rejectionOf(attempt), { status: 400, type: 'user' })
      // Each input at fault may be named; with both wrong, naming either one is enough.
      const atFault = [...(allowed.includes(domain_id) ? [] : ['domain_id']), ...(feeIsValid(this.fee) ? [] : ['fee_proposed'])]
      expect(atFault.some((field) => field in error.fields), `fields ${JSON.stringify(error.fields)} name one of ${atFault.join(', ')}`).toBe(true)
      for (const field of Object.keys(error.fields)) expect(atFault).toContain(field)
    }
    await checkInvariants(m, r)
  }
  toString = () => `invite(${this.domain.allowed ? 'allowed' : 'forbidden'} #${this.domain.index}, fee ${String(this.fee)})`
}

type InvitationChange = { kind: 'fee'; fee: number } | { kind: 'fee-null' } | { kind: 'email' } | { kind: 'empty-email' } | { kind: 'nothing' }

function ownOpen(m: Readonly<Model>): ModelInvitation[] {
  return m.invitations.filter((i) => i.owner === m.session && isOpenPending(i, m.now))
}

class UpdateInvitationCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly change: InvitationChange,
  ) {}
  check = (m: Readonly<Model>) => ownOpen(m).length > 0
  async run(m: Model, r: Real) {
    const target = pickFrom(ownOpen(m), this.pick)
    const c = this.change
    const newEmail = c.kind === 'email' ? nextAddress(m) : undefined
    const input = c.kind === 'fee' ? { fee_proposed: c.fee } : c.kind === 'fee-null' ? { fee_proposed: null } : c.kind === 'email' ? { email: newEmail } : c.kind === 'empty-email' ? { email: '' } : {}
    const attempt = r.adapter.updateInvitation(target.id, input)
    if (c.kind === 'fee' && !feeIsValid(c.fee)) {
      assertApiError(await rejectionOf(attempt), { status: 400, type: 'user', field: 'fee_proposed' })
    } else {
      const updated = assertInvitation(await attempt)
      m.emails += 1
      if (c.kind === 'fee') target.fee = c.fee
      if (c.kind === 'fee-null') delete target.fee
      if (newEmail !== undefined) target.email = newEmail
      target.expires = m.now + LIFETIME
      target.token = freshToken(m, r, target.email)
      m.tokens.set(target.token, { invitationId: target.id, expires: target.expires })
      expect(updated).toEqual(expectedRow(target, m.now))
      assertNoSecret(updated, target.token, 'The updated invitation')
    }
    await checkInvariants(m, r)
  }
  toString = () => `updateInvitation(#${this.pick}, ${JSON.stringify(this.change)})`
}

function ownDeletable(m: Readonly<Model>): ModelInvitation[] {
  return m.invitations.filter((i) => i.owner === m.session && i.state === 'open')
}

class DeleteInvitationCommand implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => ownDeletable(m).length > 0
  async run(m: Model, r: Real) {
    const target = pickFrom(ownDeletable(m), this.pick)
    await r.adapter.deleteInvitation(target.id)
    target.state = 'deleted'
    await checkInvariants(m, r)
  }
  toString = () => `deleteInvitation(#${this.pick})`
}

function foreignInvitations(m: Readonly<Model>): ModelInvitation[] {
  return m.invitations.filter((i) => i.owner !== m.session && i.state !== 'deleted')
}

/** Another account's invitation must look nonexistent: 404 to update and delete, and nothing changes. */
class TouchForeignInvitationCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly action: 'update' | 'delete',
  ) {}
  check = (m: Readonly<Model>) => foreignInvitations(m).length > 0
  async run(m: Model, r: Real) {
    const target = pickFrom(foreignInvitations(m), this.pick)
    const attempt = this.action === 'update' ? r.adapter.updateInvitation(target.id, { fee_proposed: 1 }) : r.adapter.deleteInvitation(target.id)
    assertApiError(await rejectionOf(attempt), { status: 404 })
    await checkInvariants(m, r)
  }
  toString = () => `${this.action}ForeignInvitation(#${this.pick})`
}

type TokenKind = 'current' | 'used' | 'replaced' | 'revoked'

function tokensOfKind(m: Readonly<Model>, kind: TokenKind): string[] {
  const out: string[] = []
  for (const [token, info] of m.tokens) {
    const invitation = m.invitations.find((i) => i.id === info.invitationId)
    if (!invitation) continue
    const current = invitation.token === token
    if (kind === 'used' && m.usedTokens.has(token)) out.push(token)
    if (kind === 'current' && current && invitation.state === 'open') out.push(token)
    if (kind === 'replaced' && !current) out.push(token)
    if (kind === 'revoked' && current && invitation.state === 'deleted') out.push(token)
  }
  return out
}

function applyActivation(m: Model, r: Real, token: string, invitation: ModelInvitation, result: unknown): void {
  const activation = assertActivationResult(result)
  expect(activation.domain_id).toBe(invitation.domain_id)
  expect(m.networks.has(activation.account_id), 'activation creates a new child account').toBe(false)
  assertNoSecret(activation, token, 'The activation result')
  invitation.state = 'activated'
  m.usedTokens.add(token)
  m.networks.set(activation.account_id, { parent: invitation.owner, invitationId: invitation.id, domain_id: invitation.domain_id, fee: invitation.fee ?? 0 })
  m.emails += 1
  const login = latestEmail(r.backend.outbox(), invitation.email, 'login-instructions')
  expect(login, `login instructions to ${invitation.email}`).toBeDefined()
}

/** Activates a token the model knows (current, used, replaced or revoked); the model predicts the outcome. */
class ActivateKnownCommand implements Cmd {
  constructor(
    readonly kind: TokenKind,
    readonly pick: number,
  ) {}
  check = (m: Readonly<Model>) => tokensOfKind(m, this.kind).length > 0
  async run(m: Model, r: Real) {
    const tokens = tokensOfKind(m, this.kind)
    const token = pickFrom(tokens, this.pick)
    await activateAndCheck(m, r, token)
    await checkInvariants(m, r)
  }
  toString = () => `activate(${this.kind} #${this.pick})`
}

async function activateAndCheck(m: Model, r: Real, token: string): Promise<void> {
  const expected = expectedActivation(m, token)
  const attempt = r.adapter.activateInvitation(token)
  if (expected.ok) applyActivation(m, r, token, expected.invitation, await attempt)
  else assertTokenRejected(await rejectionOf(attempt, `activating a token expected to fail with ${expected.reasons.join('/')}`), expected.reasons)
}

/** Activates a random well-formed token (unknown, so `token_invalid`) or a malformed one. */
class ActivateRandomCommand implements Cmd {
  constructor(readonly token: string) {}
  check = () => true
  async run(m: Model, r: Real) {
    if (/^[A-Za-z0-9._~-]{16,512}$/.test(this.token)) {
      await activateAndCheck(m, r, this.token)
    } else {
      assertMalformedTokenRejected(await rejectionOf(r.adapter.activateInvitation(this.token)))
    }
    await checkInvariants(m, r)
  }
  toString = () => `activate(random ${JSON.stringify(this.token)})`
}

/** Starts several activations of one pending token at once; fast-check's scheduler picks the interleaving. */
class ConcurrentActivationCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly copies: number,
  ) {}
  check = (m: Readonly<Model>) => tokensOfKind(m, 'current').some((t) => expectedActivation(m as Model, t).ok)
  async run(m: Model, r: Real) {
    const tokens = tokensOfKind(m, 'current').filter((t) => expectedActivation(m, t).ok)
    const token = pickFrom(tokens, this.pick)
    const expected = expectedActivation(m, token)
    if (!expected.ok) throw new Error('unreachable')
    const activate = r.scheduler.scheduleFunction((t: string) => r.adapter.activateInvitation(t))
    const list = r.scheduler.scheduleFunction(() => r.adapter.listInvitations())
    const calls = Array.from({ length: this.copies }, () => activate(token))
    const read = list()
    await r.scheduler.waitIdle()
    const results = await Promise.allSettled(calls)
    const rows = (await read).list
    for (const row of rows) expect(['pending', 'active', 'expired']).toContain(row.status)
    applyActivation(m, r, token, expected.invitation, assertSingleActivation(results))
    await checkInvariants(m, r)
  }
  toString = () => `concurrentActivation(#${this.pick} x${this.copies})`
}

class AdvanceClockCommand implements Cmd {
  constructor(readonly seconds: number) {}
  check = () => true
  async run(m: Model, r: Real) {
    r.backend.clock.advance(this.seconds)
    m.now += this.seconds
    await checkInvariants(m, r)
  }
  toString = () => `advance(${this.seconds}s)`
}

function notYetExpired(m: Readonly<Model>, offset: number): ModelInvitation[] {
  return m.invitations.filter((i) => i.state !== 'deleted' && i.expires + offset > m.now)
}

/** Moves the clock exactly to an invitation's `expires` (offset 0) or one second before it (offset -1). */
class AdvanceToExpiryCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly offset: 0 | -1,
  ) {}
  check = (m: Readonly<Model>) => notYetExpired(m, this.offset).length > 0
  async run(m: Model, r: Real) {
    const candidates = notYetExpired(m, this.offset)
    const target = pickFrom(candidates, this.pick)
    const seconds = target.expires + this.offset - m.now
    r.backend.clock.advance(seconds)
    m.now += seconds
    await checkInvariants(m, r)
  }
  toString = () => `advanceToExpiry(#${this.pick}${this.offset === 0 ? '' : ' - 1s'})`
}

class SignInCommand implements Cmd {
  constructor(readonly account: AccountId) {}
  check = (m: Readonly<Model>) => m.session !== this.account
  async run(m: Model, r: Real) {
    r.backend.signInAs(this.account)
    m.session = this.account
    await checkInvariants(m, r)
  }
  toString = () => `signInAs(${this.account})`
}

function ownNetworks(m: Readonly<Model>): string[] {
  return [...m.networks].filter(([, n]) => n.parent === m.session).map(([id]) => id)
}

/** Proposes a fee on one of the session's networks: the agreed fee stays, the proposal is recorded. */
class ProposeFeeCommand implements Cmd {
  constructor(
    readonly pick: number,
    readonly fee: number,
  ) {}
  check = (m: Readonly<Model>) => ownNetworks(m).length > 0
  async run(m: Model, r: Real) {
    const child = pickFrom(ownNetworks(m), this.pick)
    const model = m.networks.get(child) as ModelNetwork
    const attempt = r.adapter.updateNetwork(child, { fee: this.fee })
    if (feeIsValid(this.fee)) {
      const network = assertNetwork(await attempt)
      model.fee_proposed = this.fee
      expect(network).toMatchObject({ account_id: child, fee: model.fee, fee_proposed: this.fee, proposed_date: m.now, proposed_account_id: m.session })
    } else {
      assertApiError(await rejectionOf(attempt), { status: 400, type: 'user', field: 'fee' })
    }
    await checkInvariants(m, r)
  }
  toString = () => `proposeFee(#${this.pick}, ${this.fee})`
}

class DeleteNetworkCommand implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => ownNetworks(m).length > 0
  async run(m: Model, r: Real) {
    const child = pickFrom(ownNetworks(m), this.pick)
    expect(await r.adapter.deleteNetwork(child)).toEqual({ parent_account_id: m.session, child_account_id: child })
    m.networks.delete(child)
    await checkInvariants(m, r)
  }
  toString = () => `deleteNetwork(#${this.pick})`
}

/** Another account's network must look nonexistent. */
class TouchForeignNetworkCommand implements Cmd {
  constructor(readonly pick: number) {}
  check = (m: Readonly<Model>) => [...m.networks.values()].some((n) => n.parent !== m.session)
  async run(m: Model, r: Real) {
    const foreign = [...m.networks].filter(([, n]) => n.parent !== m.session).map(([id]) => id)
    const child = pickFrom(foreign, this.pick)
    for (const attempt of [r.adapter.getNetwork(child), r.adapter.updateNetwork(child, { fee: 1 }), r.adapter.deleteNetwork(child)]) {
      assertApiError(await rejectionOf(attempt), { status: 404 })
    }
    await checkInvariants(m, r)
  }
  toString = () => `touchForeignNetwork(#${this.pick})`
}

// ----------------------------------------------------------------------------------- arbitraries

const pick = fc.nat({ max: 1000 })
const validFee = fc.integer({ min: 0, max: 10_000 }).map((cents) => cents / 100)
const invalidFee = fc.constantFrom(-1, -0.01, 100.01, 101, 1.234, Number.NaN, Number.POSITIVE_INFINITY)
const anyFee = fc.oneof({ weight: 4, arbitrary: validFee }, { weight: 1, arbitrary: invalidFee })
const randomToken = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9_-]{16,64}$/),
  fc.constantFrom('abc', '', '../../x', ' ', 'has spaces in it, long enough', '%2e%2e%2f%2e%2e%2fsecret-token-x'),
)
const change: fc.Arbitrary<InvitationChange> = fc.oneof(
  anyFee.map((fee) => ({ kind: 'fee' as const, fee })),
  fc.constant({ kind: 'fee-null' as const }),
  fc.constant({ kind: 'email' as const }),
  fc.constant({ kind: 'empty-email' as const }),
  fc.constant({ kind: 'nothing' as const }),
)

const commands = [
  fc.record({ allowed: fc.boolean(), index: pick }).chain(({ allowed, index }) =>
    fc.option(anyFee, { nil: undefined }).map((fee) => new InviteCommand(allowed ? { allowed: true, index } : { allowed: false, index }, fee)),
  ),
  fc.tuple(pick, fc.option(validFee, { nil: undefined })).map(([p, fee]) => new InviteCommand({ allowed: true, index: p }, fee)),
  fc.tuple(pick, change).map(([p, c]) => new UpdateInvitationCommand(p, c)),
  pick.map((p) => new DeleteInvitationCommand(p)),
  fc.tuple(pick, fc.constantFrom('update' as const, 'delete' as const)).map(([p, a]) => new TouchForeignInvitationCommand(p, a)),
  fc.tuple(fc.constantFrom<TokenKind>('current', 'current', 'used', 'replaced', 'revoked'), pick).map(([k, p]) => new ActivateKnownCommand(k, p)),
  fc.tuple(fc.constantFrom<TokenKind>('current', 'used', 'replaced', 'revoked'), pick).map(([k, p]) => new ActivateKnownCommand(k, p)),
  randomToken.map((t) => new ActivateRandomCommand(t)),
  fc.tuple(pick, fc.integer({ min: 2, max: 3 })).map(([p, n]) => new ConcurrentActivationCommand(p, n)),
  fc.integer({ min: 1, max: LIFETIME }).map((s) => new AdvanceClockCommand(s)),
  fc.tuple(pick, fc.constantFrom(0 as const, -1 as const)).map(([p, o]) => new AdvanceToExpiryCommand(p, o)),
  fc.constantFrom(...ACCOUNTS).map((a) => new SignInCommand(a)),
  fc.tuple(pick, anyFee).map(([p, f]) => new ProposeFeeCommand(p, f)),
  pick.map((p) => new DeleteNetworkCommand(p)),
  pick.map((p) => new TouchForeignNetworkCommand(p)),
]

function setup(scheduler: fc.Scheduler): { model: Model; real: Real } {
  const backend = createMockBackend({ seed: false, invitationLifetime: LIFETIME, monetization: true, latency: 0 })
  const adapter = createMockAdapter(backend)
  const accounts = backend.accounts()
  const domains = backend.domains()
  const subordinate = (account: AccountId): string[] => {
    const domain = accounts.find((a) => a.id === account)?.domain_id
    return domains.filter((d) => d.parent_id === domain).map((d) => d.id)
  }
  const model: Model = {
    now: backend.clock.now(),
    session: MOCK_IDS.accounts.harbor,
    invitations: [],
    tokens: new Map(),
    usedTokens: new Set(),
    networks: new Map(),
    emails: backend.outbox().length,
    addresses: 0,
    domains: {
      [MOCK_IDS.accounts.harbor]: subordinate(MOCK_IDS.accounts.harbor),
      [MOCK_IDS.accounts.northwind]: subordinate(MOCK_IDS.accounts.northwind),
      [MOCK_IDS.accounts.civic]: subordinate(MOCK_IDS.accounts.civic),
    },
    allDomains: domains.map((d) => d.id),
  }
  backend.signInAs(model.session)
  return { model, real: { adapter, backend, scheduler } }
}

describe('mock backend against a model', () => {
  it('setup knows each account’s subordinate domains', () => {
    const { model } = setup(fc.sample(fc.scheduler(), 1)[0] as fc.Scheduler)
    expect(model.domains[MOCK_IDS.accounts.harbor]).toEqual(expect.arrayContaining([MOCK_IDS.domains.retailer, MOCK_IDS.domains.restaurant]))
    expect(model.domains[MOCK_IDS.accounts.civic]).toEqual([MOCK_IDS.domains.department])
  })

  it('keeps tokens single-use, networks traceable, statuses on the clock, accounts apart and totals consistent', async () => {
    await fc.assert(
      fc.asyncProperty(fc.scheduler(), fc.commands(commands, { maxCommands: 30, size: 'max' }), async (scheduler, cmds) => {
        await fc.asyncModelRun(() => setup(scheduler), cmds)
      }),
      { numRuns: 50 },
    )
  }, 60_000)

  it('model: predicts each token outcome', () => {
    // A self-check of the model's activation rules, so a wrong model cannot make the property pass vacuously.
    const { model } = setup(fc.sample(fc.scheduler(), 1)[0] as fc.Scheduler)
    const invitation: ModelInvitation = { id: 'nwi_x', owner: MOCK_IDS.accounts.harbor, email: 'x@example.com', domain_id: MOCK_IDS.domains.retailer, created: model.now, expires: model.now + LIFETIME, state: 'open', token: 'tok-current-000000' }
    model.invitations.push(invitation)
    model.tokens.set('tok-current-000000', { invitationId: 'nwi_x', expires: invitation.expires })
    model.tokens.set('tok-old-0000000000', { invitationId: 'nwi_x', expires: model.now })
    expect(expectedActivation(model, 'tok-current-000000')).toEqual({ ok: true, invitation })
    expect(expectedActivation(model, 'tok-unknown-00000')).toEqual({ ok: false, reasons: ['token_invalid'] })
    expect(expectedActivation(model, 'tok-old-0000000000')).toEqual({ ok: false, reasons: ['token_replaced', 'token_expired'] })
    model.now = invitation.expires
    expect(expectedActivation(model, 'tok-current-000000')).toEqual({ ok: false, reasons: ['token_expired'] })
    invitation.state = 'deleted'
    expect(expectedActivation(model, 'tok-current-000000')).toEqual({ ok: false, reasons: ['token_revoked', 'token_expired'] })
    model.usedTokens.add('tok-current-000000')
    expect(expectedActivation(model, 'tok-current-000000')).toEqual({ ok: false, reasons: ['token_used'] })
  })
})
