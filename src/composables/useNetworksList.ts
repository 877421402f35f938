import { computed, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { adapterSupports, type NetworksAdapter } from '../core/adapter'
import { NetworkApiError } from '../core/errors'
import type { Network } from '../core/types'
import { useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import { useRecordList, type UseRecordListReturn } from './useRecordList'

/** Options of `useNetworksList`. */
export interface UseNetworksListOptions {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
  /** Milliseconds before a typed search is applied. @defaultValue 300 */
  debounce?: MaybeRefOrGetter<number>
  /** Initial page size. @defaultValue 25 */
  records?: number
  /** A ref to hold the page (e.g. `v-model:page`). */
  page?: Ref<number>
  /** Whether to prefetch the next page. @defaultValue true */
  prefetch?: MaybeRefOrGetter<boolean>
}

/** Return of `useNetworksList`. */
export interface UseNetworksListReturn extends UseRecordListReturn<Network> {
  /** False when the adapter has no `listNetworks` or the policy forbids it (nothing is requested). */
  allowed: ComputedRef<boolean>
}

/** The session account's networks, one server page at a time. */
export function useNetworksList(options: UseNetworksListOptions = {}): UseNetworksListReturn {
  const { adapter, queryClient, can } = useNetworksCore({ adapter: options.adapter })
  const allowed = computed(() => adapterSupports(adapter, 'listNetworks') && can('listNetworks'))
  const list = useRecordList<Network>({
    queryClient,
    queryKey: (query) => networkQueryKeys.networks(adapter, query),
    queryFn: (query) =>
      adapterSupports(adapter, 'listNetworks')
        ? adapter.listNetworks(query)
        : Promise.reject(new NetworkApiError({ status: 0, type: 'codebase', message: 'Networks cannot be listed.', reason: 'unsupported' })),
    enabled: allowed,
    ...(options.debounce !== undefined ? { debounce: options.debounce } : {}),
    ...(options.records !== undefined ? { records: options.records } : {}),
    ...(options.page ? { page: options.page } : {}),
    ...(options.prefetch !== undefined ? { prefetch: options.prefetch } : {}),
  })
  return { ...list, allowed }
}
