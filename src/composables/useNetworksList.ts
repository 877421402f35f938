import { computed, type ComputedRef, type MaybeRefOrGetter } from 'vue'
import { adapterSupports, type NetworksAdapter } from '../core/adapter'
import type { Network } from '../core/types'
import { unsupportedError, useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import { useRecordList, type UseRecordListOptions, type UseRecordListReturn } from './useRecordList'

/** Options of `useNetworksList`. */
export interface UseNetworksListOptions extends Pick<UseRecordListOptions<Network>, 'debounce' | 'records' | 'page' | 'prefetch'> {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
}

/** Return of `useNetworksList`. */
export interface UseNetworksListReturn extends UseRecordListReturn<Network> {
  /** False when the adapter has no `listNetworks` or the policy forbids it (nothing is requested). */
  allowed: ComputedRef<boolean>
}

/** The session account's networks, one server page at a time. */
export function useNetworksList(options: UseNetworksListOptions = {}): UseNetworksListReturn {
  const { adapter, queryClient, can } = useNetworksCore(options)
  const allowed = computed(() => adapterSupports(adapter, 'listNetworks') && can('listNetworks'))
  return {
    ...useRecordList<Network>({
      ...options,
      queryClient,
      queryKey: (query) => networkQueryKeys.networks(adapter, query),
      queryFn: (query) =>
        adapterSupports(adapter, 'listNetworks') ? adapter.listNetworks(query) : Promise.reject(unsupportedError('Networks cannot be listed.')),
      enabled: allowed,
      rowKey: (row) => row.account_id,
    }),
    allowed,
  }
}
