/**
 * A conformance subject backed by the in-memory mock backend: the reference run of the suite, and an
 * example of how a host app wires its own backend's test hooks into `ConformanceControl`.
 */
import { MOCK_DEFAULT_INVITATION_LIFETIME, MOCK_IDS, createMockAdapter, createMockBackend } from '../adapters/mock'
import type { MockAdapter, MockBackend, MockBackendOptions } from '../adapters/mock'
import type { ConformanceFixtures, ConformanceSubject } from './types'

/** Options of `createMockConformanceSubject`: mock backend options, except that `seed` defaults to `false`. */
export interface MockConformanceSubjectOptions extends MockBackendOptions {}

/** A conformance subject whose backend is the mock, exposed for tests that need more than the levers. */
export interface MockConformanceSubject extends ConformanceSubject {
  /** The mock adapter under test. */
  adapter: MockAdapter
  /** The mock backend behind it. */
  backend: MockBackend
}

/** The fixtures the mock's seed ids provide: harbor invites retailers; northwind is the other account. */
export function mockConformanceFixtures(invitationLifetime: number = MOCK_DEFAULT_INVITATION_LIFETIME): ConformanceFixtures {
  return {
    parentAccountId: MOCK_IDS.accounts.harbor,
    otherAccountId: MOCK_IDS.accounts.northwind,
    invitableDomainId: MOCK_IDS.domains.retailer,
    forbiddenDomainId: MOCK_IDS.domains.department,
    invitationLifetime,
  }
}

/** Builds a fresh mock backend and adapter (no demo records unless `seed` is given) as a conformance subject. */
export function createMockConformanceSubject(options: MockConformanceSubjectOptions = {}): MockConformanceSubject {
  const invitationLifetime = options.invitationLifetime ?? MOCK_DEFAULT_INVITATION_LIFETIME
  const backend = createMockBackend({ ...options, seed: options.seed ?? false, invitationLifetime })
  const adapter = createMockAdapter(backend)
  return {
    adapter,
    backend,
    fixtures: mockConformanceFixtures(invitationLifetime),
    control: {
      signInAs: (accountId) => backend.signInAs(accountId),
      advanceClock: (seconds) => backend.clock.advance(seconds),
      outbox: () => backend.outbox().map(({ to, kind, link }) => ({ to, kind, link })),
      setMonetization: (on) => backend.setMonetization(on),
    },
  }
}
