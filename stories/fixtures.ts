/**
 * Shared story (and test) fixtures: a fresh mock backend per scenario, with fixed seeds so every run sees the
 * same rows. Storybook's global loader (.storybook/preview.ts) builds one per story from `parameters.vnw`;
 * tests may call the factories directly.
 */
import { createPinia, type Pinia } from 'pinia'
import { createMockAdapter, createMockBackend, MOCK_IDS, type MockAdapter, type MockBackend, type MockBackendOptions, type MockFailure, type MockLatency } from '../src/adapters/mock'
import type { AccountNetworksOptions } from '../src/plugin'
import { sameEmail } from '../src/core/schemas'
import type { NetworkInvitation } from '../src/core/types'

/** The seed every story uses, so rows never change between runs. */
export const STORY_SEED = 1

/** Rows added on top of the seed by the `manyRows` fixture. */
export const MANY_ROWS_EXTRA = 120

/** A well-formed activation token that no invitation has. */
export const UNKNOWN_TOKEN = 'tok_unknown_0123456789abcdef'

/** Strings that must render as inert text wherever the API returns them. */
export const XSS_PAYLOADS = {
  html: '<img src=x onerror=alert(1)>',
  script: 'javascript:alert(1)',
} as const

/** One scenario: a backend, its adapter, plugin options and what the story needs (a token, an invitation). */
export interface StoryScenario {
  /** Fixture it came from. */
  name: StoryFixtureName
  /** The in-memory backend (inject failures, read the outbox, advance the clock). */
  backend: MockBackend
  /** The adapter the components use. */
  adapter: MockAdapter
  /** Plugin options besides `adapter` (access policy, monetization). */
  options: Omit<AccountNetworksOptions, 'adapter'>
  /** An activation token, for the activation fixtures. */
  token?: string
  /** An invitation to edit, for `invitationToEdit`. */
  invitation?: NetworkInvitation
}

/** Options of every fixture factory. */
export interface StoryFixtureOptions {
  /** Pinia to keep the mock state in. @defaultValue a fresh `createPinia()` */
  pinia?: Pinia
  /** Latency of adapter calls. @defaultValue 0 */
  latency?: MockLatency
  /** Base URL of activation links. */
  networkUrl?: string
}

/** Every fixture name. */
export type StoryFixtureName =
  | 'default'
  | 'empty'
  | 'manyRows'
  | 'noPermissions'
  | 'monetizationOff'
  | 'invitationToEdit'
  | 'activationNoToken'
  | 'activationReady'
  | 'activationExpired'
  | 'activationUsed'
  | 'activationInvalid'
  | 'hostileData'

function base(name: StoryFixtureName, options: StoryFixtureOptions, backendOptions: MockBackendOptions = {}): StoryScenario {
  const backend = createMockBackend({
    seed: STORY_SEED,
    pinia: options.pinia ?? createPinia(),
    latency: 0,
    ...(options.networkUrl ? { networkUrl: options.networkUrl } : {}),
    ...backendOptions,
  })
  const adapter = createMockAdapter(backend)
  return { name, backend, adapter, options: { monetization: () => backend.monetization() } }
}

/** The activation token of the newest invitation email to `to`. */
export function latestTokenFor(backend: MockBackend, to: string): string {
  const email = backend
    .outbox()
    .filter((candidate) => candidate.kind === 'invitation' && sameEmail(candidate.to, to))
    .at(-1)
  const token = email ? backend.tokenFromEmail(email) : null
  if (!token) throw new Error(`fixtures: no invitation email to ${to}`)
  return token
}

/** Creates an invitation as the signed-in account (no latency, no injected failure) and returns it with its token. */
export function inviteDirectly(backend: MockBackend, email: string, extra: { fee_proposed?: number } = {}): { invitation: NetworkInvitation; token: string } {
  const invitation = backend.api.createInvitation({ email, domain_id: MOCK_IDS.domains.retailer, ...extra })
  return { invitation, token: latestTokenFor(backend, email) }
}

function applyLatency(scenario: StoryScenario, options: StoryFixtureOptions): StoryScenario {
  if (options.latency !== undefined) scenario.backend.setLatency(options.latency)
  return scenario
}

/** Fixture factories by name. Each call builds a fresh, independent backend. */
export const storyFixtures: Record<StoryFixtureName, (options?: StoryFixtureOptions) => StoryScenario> = {
  /** The seed: `acc_harbor` signed in with 30+ invitations and 10+ networks. */
  default: (options = {}) => applyLatency(base('default', options), options),

  /** Accounts and domains only: no invitations, no networks. */
  empty: (options = {}) => applyLatency(base('empty', options, { seed: false }), options),

  /** The seed plus many more invitations, for paging. */
  manyRows: (options = {}) => {
    const scenario = base('manyRows', options)
    for (let i = 1; i <= MANY_ROWS_EXTRA; i += 1) {
      scenario.backend.api.createInvitation({
        email: `buyer${String(i).padStart(3, '0')}@stores.example`,
        domain_id: i % 2 === 0 ? MOCK_IDS.domains.retailer : MOCK_IDS.domains.restaurant,
        ...(i % 3 === 0 ? { fee_proposed: (i % 20) + 0.5 } : {}),
      })
      if (i % 10 === 0) scenario.backend.clock.advance(3600)
    }
    return applyLatency(scenario, options)
  },

  /** The seed, but the access policy allows nothing: every action is hidden. */
  noPermissions: (options = {}) => {
    const scenario = base('noPermissions', options)
    scenario.options.can = () => false
    return applyLatency(scenario, options)
  },

  /** The seed with monetization off: no fee fields or columns. */
  monetizationOff: (options = {}) => applyLatency(base('monetizationOff', options, { monetization: false }), options),

  /** The seed plus a fresh pending invitation with a fee, to open in edit mode. */
  invitationToEdit: (options = {}) => {
    const scenario = base('invitationToEdit', options)
    scenario.invitation = inviteDirectly(scenario.backend, 'edit.me@corner-store.example', { fee_proposed: 4.5 }).invitation
    return applyLatency(scenario, options)
  },

  /** The activation page opened without a token. */
  activationNoToken: (options = {}) => {
    const scenario = base('activationNoToken', options)
    scenario.token = ''
    return applyLatency(scenario, options)
  },

  /** A fresh, pending invitation: activating it succeeds. */
  activationReady: (options = {}) => {
    const scenario = base('activationReady', options)
    scenario.token = inviteDirectly(scenario.backend, 'new.owner@fresh-market.example').token
    return applyLatency(scenario, options)
  },

  /** An invitation whose link has expired (the clock moved past its 48 h lifetime). */
  activationExpired: (options = {}) => {
    const scenario = base('activationExpired', options)
    scenario.token = inviteDirectly(scenario.backend, 'late.owner@slow-bakery.example').token
    scenario.backend.clock.advance(3 * 24 * 3600)
    return applyLatency(scenario, options)
  },

  /** An invitation that was already activated. */
  activationUsed: (options = {}) => {
    const scenario = base('activationUsed', options)
    const { token } = inviteDirectly(scenario.backend, 'twice@repeat-deli.example')
    scenario.backend.api.activateInvitation(token)
    scenario.token = token
    return applyLatency(scenario, options)
  },

  /** The seed with API strings that try to inject markup: they must render as inert text. */
  hostileData: (options = {}) => {
    const scenario = base('hostileData', options)
    const html = inviteDirectly(scenario.backend, 'hostile.one@example.com').invitation
    scenario.backend.clock.advance(60)
    const script = inviteDirectly(scenario.backend, 'hostile.two@example.com').invitation
    const harbor = MOCK_IDS.accounts.harbor
    scenario.backend.store.$patch((state) => {
      for (const record of state.invitations) {
        if (record.id === html.id) record.email = XSS_PAYLOADS.html
        if (record.id === script.id) record.email = XSS_PAYLOADS.script
      }
      const child = state.networks.find((network) => network.parent_account_id === harbor)?.child_account_id
      const account = state.accounts.find((candidate) => candidate.id === child)
      if (account) account.title = XSS_PAYLOADS.html
    })
    return applyLatency(scenario, options)
  },

  /** A well-formed token that no invitation has. */
  activationInvalid: (options = {}) => {
    const scenario = base('activationInvalid', options)
    scenario.token = UNKNOWN_TOKEN
    return applyLatency(scenario, options)
  },
}

/** Builds a fixture by name. */
export function createStoryScenario(name: StoryFixtureName = 'default', options: StoryFixtureOptions = {}): StoryScenario {
  return storyFixtures[name](options)
}

/** Failure presets of the Storybook toolbar (and the playground). */
export const FAILURE_PRESETS = {
  none: { title: 'No failures' },
  next500: { title: 'Next call: 500', failure: 500 },
  next403: { title: 'Next call: 403', failure: 403 },
  nextNetwork: { title: 'Next call: network', failure: 'network' },
  next429: { title: 'Next call: 429', failure: 429 },
  always500: { title: 'Every call fails (500)', failure: 500, always: true },
} as const satisfies Record<string, { title: string; failure?: MockFailure; always?: boolean }>

/** A failure preset name. */
export type FailurePreset = keyof typeof FAILURE_PRESETS

/** Latency presets of the toolbar, in ms. */
export const LATENCY_PRESETS = {
  none: { title: 'No latency', ms: 0 },
  fast: { title: '300 ms', ms: 300 },
  slow: { title: '1.5 s', ms: 1500 },
} as const

/** A latency preset name. */
export type LatencyPreset = keyof typeof LATENCY_PRESETS

/** Applies a failure preset to a backend: clears previous injections, then queues or sets the failure. */
export function applyFailurePreset(backend: MockBackend, preset: FailurePreset): void {
  backend.clearFailures()
  const entry = FAILURE_PRESETS[preset]
  if (!('failure' in entry)) return
  if ('always' in entry && entry.always) backend.setFailureRate(1, entry.failure)
  else backend.failNext(entry.failure)
}

/** Per-story settings under `parameters.vnw` (read by the global loader in .storybook/preview.ts). */
export interface VnwStoryParameters {
  /** Which backend fixture the story runs on. @defaultValue 'default' */
  fixture?: StoryFixtureName
  /** Latency overriding the toolbar's, e.g. a very long one for a story that stays loading. */
  latency?: MockLatency
  /** Runs on the fresh scenario before the story renders (inject a failure, sign in as someone else...). */
  setup?: (scenario: StoryScenario) => void
}

/** Typed `parameters` for a story: `parameters: vnw({ fixture: 'empty' })`. */
export function vnw(parameters: VnwStoryParameters): { vnw: VnwStoryParameters } {
  return { vnw: parameters }
}

/** The scenario the global loader built for a story (`context.loaded.vnw`), for render and play functions. */
export function scenarioOf(context: { loaded: Record<string, unknown> }): StoryScenario {
  const scenario = context.loaded.vnw as StoryScenario | undefined
  if (!scenario) throw new Error('[stories] no scenario: the global `vnw` loader of .storybook/preview.ts did not run')
  return scenario
}
