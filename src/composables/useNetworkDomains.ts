import { useQuery } from '@tanstack/vue-query'
import { computed, type ComputedRef, type MaybeRefOrGetter, type Ref } from 'vue'
import { adapterSupports } from '../core/adapter'
import type { NetworkApiError } from '../core/errors'
import type { Country, NetworkDomain } from '../core/types'
import { useNetworksCore } from './context'
import { networkQueryKeys } from '../query-keys'
import type { NetworksAdapter } from '../core/adapter'

/** Options of `useNetworkDomains` and `useCountries`. */
export interface UseNetworkDomainsOptions {
  /** An adapter overriding the plugin's. */
  adapter?: MaybeRefOrGetter<NetworksAdapter | undefined>
}

/** Return of `useNetworkDomains`. */
export interface UseNetworkDomainsReturn {
  /** The domains the session may invite into (empty while loading). */
  domains: ComputedRef<NetworkDomain[]>
  /** Looks a domain up by id. */
  domainById: ComputedRef<ReadonlyMap<string, NetworkDomain>>
  /** True until the first answer. */
  isLoading: Ref<boolean>
  /** The last error, if the request failed. */
  error: Ref<NetworkApiError | null>
  /** Fetches again. */
  refetch: () => Promise<unknown>
}

/** The session's subordinate domains, fetched once and shared by every component on the page. */
export function useNetworkDomains(options: UseNetworkDomainsOptions = {}): UseNetworkDomainsReturn {
  const { adapter, queryClient } = useNetworksCore(options)
  const query = useQuery<NetworkDomain[], NetworkApiError>(
    { queryKey: networkQueryKeys.domains(adapter), queryFn: () => adapter.listNetworkDomains(), staleTime: Infinity },
    queryClient,
  )
  const domains = computed(() => query.data.value ?? [])
  return {
    domains,
    domainById: computed(() => new Map(domains.value.map((d) => [d.id, d]))),
    isLoading: query.isLoading,
    error: query.error,
    refetch: query.refetch,
  }
}

/** Return of `useCountries`. */
export interface UseCountriesReturn {
  /** Whether the adapter lists countries at all (the form hides the field when not). */
  supported: boolean
  /** The countries (empty while loading or unsupported). */
  countries: ComputedRef<Country[]>
  /** True until the first answer. */
  isLoading: Ref<boolean>
  /** The last error. */
  error: Ref<NetworkApiError | null>
}

/** The countries a child account may be created in, when the adapter offers them; fetched once per page. */
export function useCountries(options: UseNetworkDomainsOptions = {}): UseCountriesReturn {
  const { adapter, queryClient } = useNetworksCore(options)
  const supported = adapterSupports(adapter, 'listCountries')
  const query = useQuery<Country[], NetworkApiError>(
    {
      queryKey: networkQueryKeys.countries(adapter),
      queryFn: async () => adapter.listCountries?.() ?? [],
      enabled: supported,
      staleTime: Infinity,
    },
    queryClient,
  )
  return {
    supported,
    countries: computed(() => query.data.value ?? []),
    isLoading: query.isLoading,
    error: query.error,
  }
}
