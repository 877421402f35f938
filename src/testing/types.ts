import type { NetworksAdapter } from '../core/adapter'

/** An email as the conformance suite needs to see it. */
export interface ConformanceEmail {
  /** Recipient address. */
  to: string
  /** `invitation` for activation links, `login-instructions` after activation. */
  kind: 'invitation' | 'login-instructions'
  /** The link in the email; for invitations it carries `token=` in its query or hash. */
  link: string
}

/** Levers on the backend behind the adapter under test, as a server's test hooks would offer them. */
export interface ConformanceControl {
  /** Acts as `accountId` from now on (`null`: no session). */
  signInAs(accountId: string | null): void | Promise<void>
  /** Moves the backend's clock forward. The suite assumes the clock stands still unless moved by this. */
  advanceClock(seconds: number): void | Promise<void>
  /** Every email sent so far, oldest first. */
  outbox(): ConformanceEmail[] | Promise<ConformanceEmail[]>
  /** Turns monetization on or off. */
  setMonetization(on: boolean): void | Promise<void>
}

/** Facts about the backend's fixture data that the suite relies on. */
export interface ConformanceFixtures {
  /** An account that may invite into `invitableDomainId`; signed in at the start of each test. */
  parentAccountId: string
  /** Another account with subordinate domains, used to prove isolation. */
  otherAccountId: string
  /** A domain subordinate to the parent's. */
  invitableDomainId: string
  /** An existing domain the parent may not invite into. */
  forbiddenDomainId: string
  /** Invitation lifetime in seconds. */
  invitationLifetime: number
}

/** One fresh adapter with its backend, for one test. */
export interface ConformanceSubject {
  /** The adapter under test. */
  adapter: NetworksAdapter
  /** Levers on its backend. */
  control: ConformanceControl
  /** Fixture facts. */
  fixtures: ConformanceFixtures
  /** Releases resources (a server, a port) after the test. */
  teardown?(): void | Promise<void>
}

/** Options of `describeAdapterConformance`. */
export interface ConformanceOptions {
  /** Monetization state the backend starts each test with. @defaultValue true */
  monetizedByDefault?: boolean
  /** Per-test timeout in ms. @defaultValue 10000 */
  timeout?: number
  /** Whether the backend refuses calls without a session (401); generates the "without a session" tests. @defaultValue true */
  sessionRequired?: boolean
  /**
   * What activation does to the invitation: keeps it with status `active` (the mock, seed 001) or removes it
   * from the list (seed 003: "Deletes the associated network invitation"). @defaultValue 'active'
   */
  activatedInvitations?: 'active' | 'removed'
  /** Seconds a server-computed time (`expires`, `proposed_date`) may be off by. @defaultValue 5 */
  clockTolerance?: number
}
