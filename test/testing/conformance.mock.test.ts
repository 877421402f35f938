import type { NetworksAdapter } from '../../src/core'
import { createMockConformanceSubject, describeAdapterConformance } from '../../src/testing'

describeAdapterConformance('mock adapter', () => createMockConformanceSubject())

// The mock with its demo data: the suite must hold on a backend that already has invitations and networks.
describeAdapterConformance('mock adapter with demo data', () => createMockConformanceSubject({ seed: 1 }))

// An adapter with only the required operations: the suite generates no tests for the missing ones.
describeAdapterConformance('mock adapter reduced to the required operations', () => {
  const subject = createMockConformanceSubject()
  const full = subject.adapter
  const adapter: NetworksAdapter = {
    name: 'mock-required-only',
    listNetworkDomains: () => full.listNetworkDomains(),
    createInvitation: (input) => full.createInvitation(input),
    listInvitations: (query) => full.listInvitations(query),
    activateInvitation: (token) => full.activateInvitation(token),
  }
  return { ...subject, adapter }
})

// A backend whose networks start unmonetized, with a short invitation lifetime.
describeAdapterConformance('mock adapter, unmonetized, with a one-minute lifetime', () => createMockConformanceSubject({ monetization: false, invitationLifetime: 60 }), {
  monetizedByDefault: false,
})
