/** The mock adapter: a `NetworksAdapter` over a mock backend, with latency and injected failures. */
import type { NetworksOperation } from '../../core/adapter'
import { toNetworkApiError } from '../../core/errors'
import { createMockBackend, isMockBackend } from './backend'
import type { MockAdapter, MockAdapterOptions, MockBackend } from './types'

/**
 * Creates a mock adapter over `backendOrOptions` (an existing backend, or options for a new one). Each method awaits
 * `backend.beforeCall(operation)` (latency, injected failures), runs `backend.api[operation]` and resolves with its
 * result (fresh objects: the api never hands out the store's own).
 * `listCountries` exists only when the backend offers countries at the time the adapter is created.
 */
export function createMockAdapter(backendOrOptions?: MockBackend | MockAdapterOptions): MockAdapter {
  const backend = isMockBackend(backendOrOptions) ? backendOrOptions : createMockBackend(backendOrOptions)
  const { api } = backend

  async function call<R>(operation: NetworksOperation, run: () => R): Promise<R> {
    try {
      await backend.beforeCall(operation)
      return run()
    } catch (error) {
      throw toNetworkApiError(error)
    }
  }

  const adapter: MockAdapter = {
    name: 'mock',
    backend,
    listNetworkDomains: () => call('listNetworkDomains', () => api.listNetworkDomains()),
    createInvitation: (input) => call('createInvitation', () => api.createInvitation(input)),
    listInvitations: (query) => call('listInvitations', () => api.listInvitations(query)),
    updateInvitation: (id, input) => call('updateInvitation', () => api.updateInvitation(id, input)),
    deleteInvitation: (id) => call('deleteInvitation', () => api.deleteInvitation(id)),
    activateInvitation: (token) => call('activateInvitation', () => api.activateInvitation(token)),
    listNetworks: (query) => call('listNetworks', () => api.listNetworks(query)),
    getNetwork: (childAccountId) => call('getNetwork', () => api.getNetwork(childAccountId)),
    updateNetwork: (childAccountId, input) => call('updateNetwork', () => api.updateNetwork(childAccountId, input)),
    deleteNetwork: (childAccountId) => call('deleteNetwork', () => api.deleteNetwork(childAccountId)),
  }
  if (backend.store.settings.countries) {
    return { ...adapter, listCountries: () => call('listCountries', () => api.listCountries()) }
  }
  return adapter
}
