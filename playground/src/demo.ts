/**
 * The playground's state: the mock backend (in the browser, state in Pinia) or the REST adapter against the dev
 * server's reference API, the current route (hash), and the demo controls. Everything a person would click.
 */
import { QueryClient } from '@tanstack/vue-query'
import type { Pinia } from 'pinia'
import { computed, shallowRef, type ComputedRef, type InjectionKey, type Plugin, type ShallowRef } from 'vue'
import { createAccountNetworks, networkQueryKeys, type NetworksAdapter } from '../../src'
import { createMockAdapter, createMockBackend, MOCK_IDS, type MockAccount, type MockEmail } from '../../src/adapters/mock'
import { createRestAdapter } from '../../src/adapters/rest'
import type { AccessMap } from '../../src/core/access'
import { applyFailurePreset, type FailurePreset } from '../../stories/fixtures'

/** Where the app is. */
/** `visit` counts navigations, so each opened link mounts a fresh activation page (which reads the token itself). */
export type Route = { name: 'networks' } | { name: 'activate'; visit: number } | { name: 'signin' }

/** Which adapter the components use. */
export type DemoMode = 'mock' | 'rest'

/** An account as the controls show it. */
export type DemoAccount = Pick<MockAccount, 'id' | 'title' | 'domain_id' | 'access' | 'created'>

/** What the controls read, from the local backend or the dev server. */
export interface DemoSnapshot {
  now: number
  session: { accountId: string | null }
  accounts: DemoAccount[]
  outbox: MockEmail[]
  monetization: boolean
}

/** The playground's state and actions. */
export interface Demo {
  plugin: Plugin
  queryClient: QueryClient
  mode: ShallowRef<DemoMode>
  /** REST mode is offered only where the dev server mounts the reference API. */
  restAvailable: ShallowRef<boolean>
  adapter: ComputedRef<NetworksAdapter>
  route: ShallowRef<Route>
  snapshot: ComputedRef<DemoSnapshot>
  latencyMs: ShallowRef<number>
  failure: ShallowRef<FailurePreset>
  /** Accounts offered by "Sign in as": the parent, the unrelated account, and children created in this session. */
  signInChoices: ComputedRef<DemoAccount[]>
  /** The same-document link that opens an email's activation link in this app. */
  appLinkFor(email: MockEmail): string | null
  signInAs(accountId: string): Promise<void>
  advance(seconds: number): Promise<void>
  setLatency(ms: number): Promise<void>
  setFailure(preset: FailurePreset): Promise<void>
  setMonetization(on: boolean): Promise<void>
  setMode(mode: DemoMode): Promise<void>
  reset(): Promise<void>
  navigate(hash: string): void
}

/** Injection key of the demo. */
export const demoKey: InjectionKey<Demo> = Symbol('playground-demo')

/** The page's own URL without query or hash: activation links point here. */
function pageUrl(): string {
  return `${window.location.origin}${window.location.pathname}`
}

let visits = 0

/**
 * Reads the route from the hash (`#/activate?token=…`), or a real `?token=` link opened directly. The token itself
 * is left to `NetworkActivation`, which reads it from the address bar and removes it, as on a host's page.
 */
export function parseRoute(hash: string, search = ''): Route {
  const path = hash.replace(/^#/, '').split('?')[0] ?? ''
  if (path === '/activate' || (path === '' && new URLSearchParams(search).has('token'))) return { name: 'activate', visit: ++visits }
  if (path === '/signin') return { name: 'signin' }
  return { name: 'networks' }
}

const INITIAL_ACCOUNTS = new Set<string>()

export function createDemo(pinia: Pinia): Demo {
  const backend = createMockBackend({ pinia, seed: 1, networkUrl: pageUrl(), loginUrl: `${pageUrl()}#/signin`, latency: 150 })
  for (const account of backend.accounts()) INITIAL_ACCOUNTS.add(account.id)
  const mockAdapter = createMockAdapter(backend)
  const restAdapter = createRestAdapter({ baseUrl: '/api' })

  const mode = shallowRef<DemoMode>('mock')
  const restAvailable = shallowRef(false)
  const remote = shallowRef<DemoSnapshot | null>(null)
  const latencyMs = shallowRef(150)
  const failure = shallowRef<FailurePreset>('none')
  const route = shallowRef<Route>(parseRoute(window.location.hash, window.location.search))

  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: 0, refetchOnWindowFocus: false, staleTime: 10_000 } } })
  queryClient.mount()

  const local = computed<DemoSnapshot>(() => ({
    now: backend.clock.now(),
    session: { accountId: backend.session().accountId },
    accounts: backend.accounts(),
    outbox: backend.outbox(),
    monetization: backend.monetization(),
  }))
  const snapshot = computed<DemoSnapshot>(() => (mode.value === 'rest' && remote.value ? remote.value : local.value))
  const adapter = computed<NetworksAdapter>(() => (mode.value === 'rest' ? restAdapter : mockAdapter))

  const sessionAccess = (): AccessMap => {
    const { accountId } = snapshot.value.session
    return snapshot.value.accounts.find((account) => account.id === accountId)?.access ?? {}
  }

  const plugin = createAccountNetworks({
    adapter: mockAdapter,
    queryClient,
    // The signed-in account's access map, checked with the library's default access strings.
    can: { access: sessionAccess },
    monetization: () => snapshot.value.monetization,
    loginUrl: '#/signin',
    locale: 'en-US',
  })

  async function control(body: Record<string, unknown> | null): Promise<void> {
    const response = await fetch('/__playground', body ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) } : {})
    if (!response.ok) throw new Error(`control ${response.status}`)
    remote.value = (await response.json()) as DemoSnapshot
  }

  // REST mode exists only on the dev/preview server (not in the static build).
  void fetch('/__playground')
    .then((response) => (response.ok && response.headers.get('content-type')?.includes('json') ? response.json() : null))
    .then((body: DemoSnapshot | null) => {
      if (body) {
        restAvailable.value = true
        remote.value = body
      }
    })
    .catch(() => undefined)

  // In REST mode, the outbox and clock live on the server: refresh them while the page is open.
  window.setInterval(() => {
    if (mode.value === 'rest') void control(null).catch(() => undefined)
  }, 1500)

  const refreshAll = () => queryClient.invalidateQueries({ queryKey: networkQueryKeys.all })

  async function apply(localChange: () => void, remoteBody: Record<string, unknown>) {
    if (mode.value === 'rest') await control(remoteBody)
    else localChange()
    await refreshAll()
  }

  window.addEventListener('hashchange', () => {
    route.value = parseRoute(window.location.hash)
    // Back on the networks page: show what changed meanwhile (e.g. the network an activation created).
    if (route.value.name === 'networks') void refreshAll()
  })

  const signInChoices = computed(() => {
    const wanted = new Set<string>([MOCK_IDS.accounts.harbor, MOCK_IDS.accounts.northwind])
    return snapshot.value.accounts.filter((account) => wanted.has(account.id) || !INITIAL_ACCOUNTS.has(account.id))
  })

  return {
    plugin,
    queryClient,
    mode,
    restAvailable,
    adapter,
    route,
    snapshot,
    latencyMs,
    failure,
    signInChoices,
    appLinkFor(email) {
      const token = email.kind === 'invitation' ? backend.tokenFromEmail(email) : null
      return token ? `#/activate?token=${encodeURIComponent(token)}` : email.kind === 'login-instructions' ? '#/signin' : null
    },
    signInAs: (accountId) => apply(() => backend.signInAs(accountId), { action: 'signIn', accountId }),
    advance: (seconds) => apply(() => backend.clock.advance(seconds), { action: 'advance', seconds }),
    async setLatency(ms) {
      latencyMs.value = ms
      await apply(() => backend.setLatency(ms), { action: 'latency', ms })
    },
    async setFailure(preset) {
      failure.value = preset
      if (mode.value === 'rest') await control({ action: 'failure', preset })
      else applyFailurePreset(backend, preset)
    },
    setMonetization: (on) => apply(() => backend.setMonetization(on), { action: 'monetization', on }),
    async setMode(next) {
      // Queries are keyed per adapter, so the two modes never share cache entries.
      if (next === 'rest') await control(null)
      mode.value = next
    },
    async reset() {
      latencyMs.value = 150
      failure.value = 'none'
      await apply(() => {
        backend.reset()
        backend.setLatency(150)
      }, { action: 'reset' })
      await queryClient.resetQueries({ queryKey: networkQueryKeys.all })
    },
    navigate(hash) {
      window.location.hash = hash
    },
  }
}
