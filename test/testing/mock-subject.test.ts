import { describe, expect, it } from 'vitest'
import { MOCK_IDS } from '../../src/adapters/mock'
import {
  OPTIONAL_OPERATIONS,
  createMockConformanceSubject,
  mockConformanceFixtures,
  resolveConformanceOptions,
  supportedOptionalOperations,
} from '../../src/testing'

describe('createMockConformanceSubject', () => {
  it('names harbor as parent, northwind as the other account, retailer invitable and department forbidden', () => {
    expect(createMockConformanceSubject().fixtures).toEqual({
      parentAccountId: MOCK_IDS.accounts.harbor,
      otherAccountId: MOCK_IDS.accounts.northwind,
      invitableDomainId: MOCK_IDS.domains.retailer,
      forbiddenDomainId: MOCK_IDS.domains.department,
      invitationLifetime: 172800,
    })
  })

  it('passes the invitation lifetime to the backend and the fixtures alike', async () => {
    const subject = createMockConformanceSubject({ invitationLifetime: 600 })
    expect(subject.fixtures.invitationLifetime).toBe(600)
    const invitation = await subject.adapter.createInvitation({ email: 'ada@example.com', domain_id: MOCK_IDS.domains.retailer })
    expect(invitation.expires - invitation.created).toBe(600)
  })

  it('starts without demo records, and with them when a seed is given', async () => {
    expect((await createMockConformanceSubject().adapter.listInvitations()).total).toBe(0)
    expect((await createMockConformanceSubject({ seed: 1 }).adapter.listInvitations()).total).toBeGreaterThan(0)
  })

  it('drives the backend through the control levers', async () => {
    const { backend, control, adapter } = createMockConformanceSubject()
    const start = backend.clock.now()
    await control.advanceClock(90)
    expect(backend.clock.now()).toBe(start + 90)
    await control.setMonetization(false)
    expect(backend.monetization()).toBe(false)
    await control.signInAs(MOCK_IDS.accounts.northwind)
    expect(backend.session().accountId).toBe(MOCK_IDS.accounts.northwind)
    await adapter.createInvitation({ email: 'bob@example.com', domain_id: MOCK_IDS.domains.retailer })
    const outbox = await control.outbox()
    expect(outbox).toHaveLength(1)
    expect(Object.keys(outbox[0] ?? {}).sort()).toEqual(['kind', 'link', 'to'])
    await control.signInAs(null)
    expect(backend.session().accountId).toBeNull()
  })

  it('builds independent backends', async () => {
    const a = createMockConformanceSubject()
    const b = createMockConformanceSubject()
    await a.adapter.createInvitation({ email: 'ada@example.com', domain_id: MOCK_IDS.domains.retailer })
    expect((await b.adapter.listInvitations()).total).toBe(0)
    expect(await b.control.outbox()).toEqual([])
  })

  it('mockConformanceFixtures defaults the lifetime to 48 hours', () => {
    expect(mockConformanceFixtures().invitationLifetime).toBe(48 * 3600)
  })
})

describe('suite configuration helpers', () => {
  it('supportedOptionalOperations lists what an adapter implements, in contract order', () => {
    expect(supportedOptionalOperations(createMockConformanceSubject().adapter)).toEqual(OPTIONAL_OPERATIONS)
    expect(supportedOptionalOperations(createMockConformanceSubject({ countries: false }).adapter)).not.toContain('listCountries')
    const adapter = createMockConformanceSubject().adapter
    expect(supportedOptionalOperations({ listNetworkDomains: adapter.listNetworkDomains, createInvitation: adapter.createInvitation, listInvitations: adapter.listInvitations, activateInvitation: adapter.activateInvitation })).toEqual([])
  })

  it('resolveConformanceOptions fills the documented defaults and keeps given values', () => {
    expect(resolveConformanceOptions()).toEqual({ monetizedByDefault: true, timeout: 10000, sessionRequired: true, activatedInvitations: 'active', clockTolerance: 5 })
    expect(resolveConformanceOptions({ sessionRequired: false, activatedInvitations: 'removed', clockTolerance: 0 })).toMatchObject({ sessionRequired: false, activatedInvitations: 'removed', clockTolerance: 0 })
  })
})
