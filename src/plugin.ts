import { QueryClient } from '@tanstack/vue-query'
import {
  computed,
  getCurrentInstance,
  inject,
  toValue,
  type App,
  type ComputedRef,
  type InjectionKey,
  type MaybeRefOrGetter,
  type Plugin,
} from 'vue'
import type { NetworksAdapter } from './core/adapter'
import { LIBRARY } from './core/describe'
import { createFormatters, type NetworkFormatters } from './core/format'
import { resolveAccessPolicy, type AccessPolicy, type NetworkAction } from './access-policy'
import { resolveMessages, type NetworkMessages, type NetworkMessagesOverride } from './messages'
// An import cycle (context.ts uses this module's context and message); harmless: neither side calls at load time.
import { useNetworksCore } from './composables/context'

/** Options of `createAccountNetworks`: defaults for every component in the app. */
export interface AccountNetworksOptions {
  /** The API adapter every component talks to (a component's `adapter` prop overrides it). */
  adapter?: NetworksAdapter
  /** Who may do what; actions not allowed are not shown. @defaultValue everything allowed */
  can?: AccessPolicy
  /** Whether the application's networks are monetized (fee fields and columns shown). @defaultValue true */
  monetization?: MaybeRefOrGetter<boolean>
  /** Per-key overrides of the English messages. */
  messages?: MaybeRefOrGetter<NetworkMessagesOverride | undefined>
  /** BCP 47 locale for numbers and dates. @defaultValue the runtime's locale */
  locale?: MaybeRefOrGetter<string | undefined>
  /** Where a newly activated user signs in; shown after activation. */
  loginUrl?: MaybeRefOrGetter<string | undefined>
  /** A QueryClient to use (e.g. the host's own); a private one is created otherwise. Keys never collide either way. */
  queryClient?: QueryClient
}

/** What components receive from the plugin. */
export interface AccountNetworksContext {
  /** The app-wide adapter, if one was given. */
  adapter: NetworksAdapter | undefined
  /** The QueryClient all library queries run on. */
  queryClient: QueryClient
  /** Whether an action is allowed. */
  can: (action: NetworkAction) => boolean
  /** Monetization setting. */
  monetization: ComputedRef<boolean>
  /**
   * The host's message overrides (the `messages` option), reactive. Each component merges its own area's
   * English defaults with them (so a component ships only its own strings); `useNetworks().messages` gives
   * every area resolved.
   */
  messageOverrides: ComputedRef<NetworkMessagesOverride | undefined>
  /** Formatters for the locale. */
  format: ComputedRef<NetworkFormatters>
  /** Login URL, if any. */
  loginUrl: ComputedRef<string | undefined>
}

/** Injection key of the plugin's context. */
export const accountNetworksKey: InjectionKey<AccountNetworksContext> = Symbol(LIBRARY)

/** Builds a context from options (the plugin does this; tests and hosts without the plugin may too). */
export function createAccountNetworksContext(options: AccountNetworksOptions = {}): AccountNetworksContext {
  return {
    adapter: options.adapter,
    queryClient:
      options.queryClient ??
      new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, gcTime: 5 * 60_000, retry: 0, refetchOnWindowFocus: false } } }),
    can: resolveAccessPolicy(options.can),
    monetization: computed(() => toValue(options.monetization) ?? true),
    messageOverrides: computed(() => toValue(options.messages)),
    format: computed(() => createFormatters(toValue(options.locale))),
    loginUrl: computed(() => toValue(options.loginUrl)),
  }
}

/**
 * The Vue plugin: `app.use(createAccountNetworks({ adapter }))`. Provides the adapter, access policy,
 * messages, locale and QueryClient to every component of the app.
 */
export function createAccountNetworks(options: AccountNetworksOptions = {}): Plugin {
  return {
    install(app: App) {
      const context = createAccountNetworksContext(options)
      const { queryClient } = context
      app.provide(accountNetworksKey, context)
      if (!options.queryClient) {
        queryClient.mount()
        app.onUnmount(() => queryClient.unmount())
      }
    },
  }
}

/**
 * The plugin's context, or one private to the app when the plugin is not installed: the first component to ask
 * provides it to its app, so every later component of that app injects the same one.
 */
export function useAccountNetworksContext(): AccountNetworksContext {
  const provided = inject(accountNetworksKey, null)
  if (provided) return provided
  const context = createAccountNetworksContext()
  getCurrentInstance()?.appContext.app.provide(accountNetworksKey, context)
  return context
}

/** Message thrown when a component has no adapter. */
export const MISSING_ADAPTER_MESSAGE = `[${LIBRARY}] No API adapter. Install the plugin with app.use(createAccountNetworks({ adapter })) or pass an \`adapter\` prop to the component.`

/** Options of `useNetworks`. */
export interface UseNetworksOptions {
  /** An adapter overriding the plugin's, e.g. a component's `adapter` prop. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
}

/** Return of `useNetworks`: the context with the adapter resolved, and every area of the messages resolved. */
export interface UseNetworksReturn extends AccountNetworksContext {
  /** The adapter in effect (prop, else plugin). */
  adapter: NetworksAdapter
  /** Every area of the messages: the English defaults with the host's overrides merged in. */
  messages: ComputedRef<NetworkMessages>
}

/**
 * The resolved context for a component or composable: the adapter (local override, else the plugin's),
 * access, messages, formatters and QueryClient. Throws one clear error naming the fix when there is no adapter.
 * (The package's own components use an internal variant without `messages`, so that they bundle only their own
 * area of the messages.)
 */
export function useNetworks(options?: UseNetworksOptions): UseNetworksReturn {
  const context = useNetworksCore(options)
  return { ...context, messages: computed(() => resolveMessages(context.messageOverrides.value)) }
}
