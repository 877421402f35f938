/*
 * Internal: what the package's components and composables use instead of `useNetworks` and the full messages
 * object. Each caller imports only its own area's English defaults (and `common`), so bundlers drop the other
 * areas' strings from a component imported alone. Not exported from the package.
 */
import { computed, toValue, type ComputedRef } from 'vue'
import { NetworkApiError, toNetworkApiError } from '../core/errors'
import { commonMessages } from '../messages/common'
import type { NetworkMessages } from '../messages'
import { resolveAreaMessages, type MessageArea } from '../messages/resolve'
import { MISSING_ADAPTER_MESSAGE, useAccountNetworksContext, type UseNetworksOptions, type UseNetworksReturn } from '../plugin'

/** `useNetworks()` without `messages`. */
export type NetworksCore = Omit<UseNetworksReturn, 'messages'>

/** Like `useNetworks` (which builds on it), without resolving every area of the messages. */
export function useNetworksCore(options: UseNetworksOptions = {}): NetworksCore {
  const context = useAccountNetworksContext()
  const adapter = toValue(options.adapter) ?? context.adapter
  if (!adapter) throw new Error(MISSING_ADAPTER_MESSAGE)
  return { ...context, adapter }
}

/** One area's messages: `defaults` with the host's override for `area` merged in, following the plugin's `messages`. */
export function useAreaMessages<A extends MessageArea>(ctx: Pick<NetworksCore, 'messageOverrides'>, area: A, defaults: NetworkMessages[A]): ComputedRef<NetworkMessages[A]> {
  return computed(() => resolveAreaMessages(ctx.messageOverrides.value, area, defaults))
}

/** The `common` messages (shared by every component), with the host's overrides. */
export function useCommonMessages(ctx: Pick<NetworksCore, 'messageOverrides'>): ComputedRef<NetworkMessages['common']> {
  return useAreaMessages(ctx, 'common', commonMessages)
}

/** The error an operation the adapter leaves out rejects with (reason `unsupported`). */
export function unsupportedError(message: string): NetworkApiError {
  return new NetworkApiError({ status: 0, type: 'codebase', message, reason: 'unsupported' })
}

/**
 * Runs an adapter call: whatever it throws or rejects with becomes a `NetworkApiError` (with `fallback` as the
 * message of anything else), so queries and mutations only ever fail with one.
 */
export async function callAdapter<T>(run: () => T | PromiseLike<T>, fallback?: string): Promise<T> {
  try {
    return await run()
  } catch (error) {
    throw toNetworkApiError(error, fallback)
  }
}
