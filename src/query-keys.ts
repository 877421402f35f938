import type { NetworksAdapter } from './core/adapter'
import type { ListQuery } from './core/types'
import { resolveListQuery } from './core/list'

const ROOT = 'vue-account-networks' as const
const ids = new WeakMap<NetworksAdapter, string>()
let counter = 0

/** A stable id per adapter object, so two adapters on one page never share cache entries. */
export function adapterScope(adapter: NetworksAdapter): string {
  let id = ids.get(adapter)
  if (id === undefined) {
    counter += 1
    id = `${adapter.name ?? 'adapter'}#${counter}`
    ids.set(adapter, id)
  }
  return id
}

/**
 * Query keys of every query the components make, all under `['vue-account-networks']`, so they never
 * collide with a host's. Pass a key prefix to `queryClient.invalidateQueries({ queryKey })`; with an adapter,
 * the keys narrow to that adapter's cache.
 */
export const networkQueryKeys = {
  /** Everything of this library. */
  all: [ROOT] as const,
  /** The domains list (of one adapter when given). */
  domains: (adapter?: NetworksAdapter) => (adapter ? ([ROOT, 'domains', adapterScope(adapter)] as const) : ([ROOT, 'domains'] as const)),
  /** The countries list. */
  countries: (adapter?: NetworksAdapter) => (adapter ? ([ROOT, 'countries', adapterScope(adapter)] as const) : ([ROOT, 'countries'] as const)),
  /** Invitation lists; with a query, one page. */
  invitations: (adapter?: NetworksAdapter, query?: ListQuery) =>
    adapter
      ? query
        ? ([ROOT, 'invitations', adapterScope(adapter), resolveListQuery(query)] as const)
        : ([ROOT, 'invitations', adapterScope(adapter)] as const)
      : ([ROOT, 'invitations'] as const),
  /** Network lists; with a query, one page. */
  networks: (adapter?: NetworksAdapter, query?: ListQuery) =>
    adapter
      ? query
        ? ([ROOT, 'networks', adapterScope(adapter), resolveListQuery(query)] as const)
        : ([ROOT, 'networks', adapterScope(adapter)] as const)
      : ([ROOT, 'networks'] as const),
  /** One network's details. */
  network: (adapter: NetworksAdapter, childAccountId: string) => [ROOT, 'network', adapterScope(adapter), childAccountId] as const,
}
