import type { NetworkApiErrorInit } from '../../core/errors'
import type { AccessMap } from '../../core/access'
import type { NetworksAdapter, NetworksOperation } from '../../core/adapter'
import type { NetworkDomain, Country, InvitationStatus } from '../../core/types'
import type { Pinia } from 'pinia'

/** A domain (account type) in the mock's hierarchy. */
export interface MockDomain extends NetworkDomain {
  /** Parent domain id; `null` for a root. Children of a domain are its subordinate domains. */
  parent_id: string | null
}

/** A user of a mock account. */
export interface MockUser {
  /** User id, `usr_…`. */
  id: string
  /** Login email. */
  email: string
  /** Display name. */
  name: string
}

/** An account in the mock backend. */
export interface MockAccount {
  /** Account id, `acc_…`. */
  id: string
  /** Display name. */
  title: string
  /** Domain (account type) id. */
  domain_id: string
  /** Country id. */
  country_id: string
  /** Users of the account; the first one is the one signed in by `signInAs`. */
  users: MockUser[]
  /** Access map of the account's users. */
  access: AccessMap
  /** When the account was created (Unix seconds). */
  created: number
}

/** An invitation as stored, with its secret. Never returned by the adapter as is. */
export interface MockInvitationRecord {
  /** Invitation id, `nwi_…`. */
  id: string
  /** The inviting (parent) account. */
  parent_account_id: string
  /** When it was created (Unix seconds). */
  created: number
  /** Domain of the future child account. */
  domain_id: string
  /** Recipient email, trimmed. */
  email: string
  /** Proposed fee in percent. */
  fee_proposed?: number
  /** Country of the future child account; absent = the parent's. */
  country_id?: string
  /** When the current link stops working (Unix seconds); restarted by an update. */
  expires: number
  /** When it was activated (Unix seconds), or `null`; status `active` when set, else derived from `expires` and the clock. */
  activated: number | null
  /** The current secret token. */
  token: string
  /** Child account created by activation. */
  child_account_id?: string
}

/** A network as stored. */
export interface MockNetworkRecord {
  /** The parent account. */
  parent_account_id: string
  /** The child account. */
  child_account_id: string
  /** Agreed fee in percent. */
  fee: number
  /** Pending fee proposal in percent. */
  fee_proposed?: number
  /** When the pending fee was proposed (Unix seconds). */
  proposed_date?: number
  /** Account that proposed the pending fee. */
  proposed_account_id?: string
  /** User who proposed the pending fee. */
  proposed_user_id?: string
  /** When the network was established (Unix seconds). */
  created: number
  /** The invitation this network came from. */
  invitation_id: string
}

/** An email the mock "sent". */
export interface MockEmail {
  /** Email id, `eml_…`, in sending order. */
  id: string
  /** When it was sent (mock clock, Unix seconds). */
  sent: number
  /** What it is. */
  kind: 'invitation' | 'login-instructions'
  /** Recipient. */
  to: string
  /** Subject line. */
  subject: string
  /** Plain-text body. */
  text: string
  /** The link in the email (activation link with `?token=` or the login URL). */
  link: string
  /** The invitation it belongs to. */
  invitation_id?: string
}

/** A failure to inject: a full error, or a shorthand by HTTP status. */
export type MockFailure = NetworkApiErrorInit | 401 | 403 | 404 | 429 | 500 | 503 | 'network' | 'timeout'

/** Latency of every adapter call: fixed milliseconds or a random `[min, max]` range. */
export type MockLatency = number | readonly [min: number, max: number]

/** Options of `createMockBackend`. */
export interface MockBackendOptions {
  /** Seed of the deterministic demo data and of the pseudo-random generator; `false` for no demo invitations and networks. @defaultValue 1 */
  seed?: number | false
  /** Pinia instance to keep the store in; a private one is created otherwise. */
  pinia?: Pinia
  /** Pinia store id; give each backend on one Pinia its own. @defaultValue 'vue-account-networks-mock' */
  storeId?: string
  /** Start of the mock clock (Unix seconds). @defaultValue 1767261600 (2026-01-01T10:00:00Z) */
  now?: number
  /** Invitation lifetime in seconds. @defaultValue 172800 (48 h) */
  invitationLifetime?: number
  /** Whether the application's networks are monetized (fees allowed). @defaultValue true */
  monetization?: boolean
  /** Base URL of the host's activation page; the link is `networkUrl?token=…`. @defaultValue 'https://app.example/networks' */
  networkUrl?: string
  /** Login URL put in login-instructions emails. @defaultValue 'https://app.example/login' */
  loginUrl?: string
  /** Account signed in at start; `null` for none. @defaultValue MOCK_IDS.accounts.harbor */
  signedInAs?: string | null
  /** Latency of adapter calls. @defaultValue 0 */
  latency?: MockLatency
  /** Whether the backend offers countries (adapter gets `listCountries`). @defaultValue true */
  countries?: boolean
}

/** The mock's controllable clock (Unix seconds). */
export interface MockClock {
  /** Current time. */
  now(): number
  /** Moves time forward by `seconds`. */
  advance(seconds: number): void
  /** Sets the time. */
  set(unixSeconds: number): void
}

/** Who the mock acts as. */
export interface MockSession {
  /** Signed-in account id, or `null`. */
  accountId: string | null
  /** Signed-in user id, or `null`. */
  userId: string | null
  /** Access map of the session. */
  access: AccessMap
}

/** Status of a stored invitation at the mock's current time. */
export type MockInvitationStatus = InvitationStatus

/** An in-memory Backstack-like server, state in a Pinia store. */
export interface MockBackend {
  /** The Pinia store holding all state (visible in Vue devtools). */
  readonly store: MockBackendStore
  /** The controllable clock. */
  readonly clock: MockClock
  /** Acts as `accountId` (its first user) from now on; `null` signs out (calls then fail 401). */
  signInAs(accountId: string | null): void
  /**
   * Runs the synchronous `fn` with the API answering as `accountId` (as if signed in), then returns its result.
   * Nothing is written: the store, its subscribers and the list caches see no change, and `session()` inside
   * `fn` names `accountId`. For servers that take the account per request (the reference server's header).
   */
  actAs<T>(accountId: string, fn: () => T): T
  /** The current session. */
  session(): MockSession
  /** Copies of every account. */
  accounts(): MockAccount[]
  /** Copies of every domain, with hierarchy. */
  domains(): MockDomain[]
  /** Copies of the countries. */
  countries(): Country[]
  /** Copies of every email sent, oldest first. */
  outbox(): MockEmail[]
  /** The activation token inside an email's link, or `null`. */
  tokenFromEmail(email: MockEmail): string | null
  /** Turns monetization on or off. */
  setMonetization(on: boolean): void
  /** Current monetization setting. */
  monetization(): boolean
  /** Sets adapter latency. */
  setLatency(latency: MockLatency): void
  /** Makes the next call (optionally only of `operation`) fail with `failure`. Several queue up. */
  failNext(failure: MockFailure, operation?: NetworksOperation): void
  /** Makes a fraction (0..1) of calls fail with `failure` (default 500); 0 turns it off. */
  setFailureRate(rate: number, failure?: MockFailure): void
  /** Makes every call of `operation` fail with `failure` until cleared (`null`). */
  failOperation(operation: NetworksOperation, failure: MockFailure | null): void
  /** Removes every injected failure. */
  clearFailures(): void
  /** Restores the initial seed data, clock, session and settings (options may be changed). */
  reset(options?: MockBackendOptions): void
  /**
   * The server side of each adapter operation, synchronous and without latency or injected failures.
   * Each returns fresh objects (never the store's own) and throws `NetworkApiError` exactly like the real API.
   * Used by the mock adapter and the reference server.
   */
  readonly api: Required<Omit<NetworksAdapter, 'name'>> extends infer A
    ? { [K in keyof A]: A[K] extends (...args: infer P) => Promise<infer R> ? (...args: P) => R : never }
    : never
  /**
   * Runs the latency and failure injection for one call of `operation`: resolves after the latency, or rejects
   * with the injected `NetworkApiError`. The mock adapter awaits it before each call.
   */
  beforeCall(operation: NetworksOperation): Promise<void>
}

/** Options of `createMockAdapter` when it creates its own backend. */
export interface MockAdapterOptions extends MockBackendOptions {}

/**
 * The mock adapter: a `NetworksAdapter` with its backend attached. Every optional operation except `listCountries`
 * (present only when the backend offers countries) is always implemented, so the type makes them required.
 */
export interface MockAdapter extends NetworksAdapter {
  /** The backend this adapter talks to. */
  readonly backend: MockBackend
  /** Always implemented by the mock. */
  updateInvitation: NonNullable<NetworksAdapter['updateInvitation']>
  /** Always implemented by the mock. */
  deleteInvitation: NonNullable<NetworksAdapter['deleteInvitation']>
  /** Always implemented by the mock. */
  listNetworks: NonNullable<NetworksAdapter['listNetworks']>
  /** Always implemented by the mock. */
  getNetwork: NonNullable<NetworksAdapter['getNetwork']>
  /** Always implemented by the mock. */
  updateNetwork: NonNullable<NetworksAdapter['updateNetwork']>
  /** Always implemented by the mock. */
  deleteNetwork: NonNullable<NetworksAdapter['deleteNetwork']>
}

/** State of the Pinia store (see `useMockBackendStore`). */
export interface MockBackendState {
  /** The mock clock (Unix seconds). */
  now: number
  /** Settings (see `MockBackendOptions`). */
  settings: {
    /** Whether fees are allowed. */
    monetization: boolean
    /** Invitation lifetime in seconds. */
    invitationLifetime: number
    /** Activation page URL. */
    networkUrl: string
    /** Login page URL. */
    loginUrl: string
    /** Latency of adapter calls. */
    latency: MockLatency
    /** Whether countries are offered. */
    countries: boolean
  }
  /** The signed-in account, if any. */
  session: { accountId: string | null }
  /** Domains with hierarchy. */
  domains: MockDomain[]
  /** Countries. */
  countries: Country[]
  /** Every account. */
  accounts: MockAccount[]
  /** Every invitation, with its token. */
  invitations: MockInvitationRecord[]
  /** Every network. */
  networks: MockNetworkRecord[]
  /** Emails sent, oldest first. */
  outbox: MockEmail[]
  /**
   * Tokens that no longer work, with why: `replaced` (the invitation was updated), `revoked` (deleted while not
   * accepted), `used` (accepted, then deleted). Keyed by the token itself: fine for a mock; a real server keeps hashes.
   */
  retiredTokens: Record<string, 'revoked' | 'replaced' | 'used'>
  /** Counter for ids. */
  sequence: number
}

/** The mock backend's Pinia store. */
export type MockBackendStore = import('pinia').Store<string, MockBackendState>
