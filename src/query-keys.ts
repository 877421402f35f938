import type { NetworksAdapter } from './core/adapter'
import type { ListQuery } from './core/types'
import { LIBRARY as ROOT } from './core/describe'
import { resolveListQuery } from './core/list'

const ids = new WeakMap<NetworksAdapter, string>()
let counter = 0

/** A stable id per adapter object, so two adapters on one page never share cache entries. */
function adapterScope(adapter: NetworksAdapter): string {
  let id = ids.get(adapter)
  if (id === undefined) ids.set(adapter, (id = `${adapter.name ?? 'adapter'}#${++counter}`))
  return id
}

/** Keys of a collection: all of it, one adapter's (when given). */
const collectionKeys =
  <N extends string>(name: N) =>
  (adapter?: NetworksAdapter) =>
    adapter ? ([ROOT, name, adapterScope(adapter)] as const) : ([ROOT, name] as const)

/** Keys of a paged list: all of it, one adapter's (when given), one page of it (with a query too). */
const listKeys =
  <N extends string>(name: N) =>
  (adapter?: NetworksAdapter, query?: ListQuery) =>
    adapter && query ? ([ROOT, name, adapterScope(adapter), resolveListQuery(query)] as const) : collectionKeys(name)(adapter)

/**
 * Query keys of every query the components make, all under `['vue-account-networks']`, so they never
 * collide with a host's. Pass a key prefix to `queryClient.invalidateQueries({ queryKey })`; with an adapter,
 * the keys narrow to that adapter's cache.
 */
export const networkQueryKeys = {
  /** Everything of this library. */
  all: [ROOT] as const,
  /** The domains list (of one adapter when given). */
  domains: collectionKeys('domains'),
  /** The countries list. */
  countries: collectionKeys('countries'),
  /** Invitation lists; with a query, one page. */
  invitations: listKeys('invitations'),
  /** Network lists; with a query, one page. */
  networks: listKeys('networks'),
  /** One network's details. */
  network: (adapter: NetworksAdapter, childAccountId: string) => [ROOT, 'network', adapterScope(adapter), childAccountId] as const,
}
