/** The Pinia store holding the mock backend's state (visible and editable in Vue devtools). */
import { defineStore } from 'pinia'
import type { Pinia } from 'pinia'
import type { MockBackendState, MockBackendStore } from './types'

/** Default Pinia store id of a mock backend. */
export const MOCK_STORE_ID = 'vue-account-networks-mock'

/** An empty state (no data, default settings); the backend fills it right after creating the store. */
export function emptyMockState(): MockBackendState {
  return {
    now: 0,
    settings: {
      monetization: true,
      invitationLifetime: 172800,
      networkUrl: 'https://app.example/networks',
      loginUrl: 'https://app.example/login',
      latency: 0,
      countries: true,
    },
    session: { accountId: null },
    domains: [],
    countries: [],
    accounts: [],
    invitations: [],
    networks: [],
    outbox: [],
    retiredTokens: {},
    sequence: 0,
  }
}

/** Defines the mock backend's options store under `storeId`; call the result with a Pinia to get the store. */
export function defineMockBackendStore(storeId: string = MOCK_STORE_ID) {
  return defineStore(storeId, { state: emptyMockState })
}

/**
 * Gets (or creates) the store `storeId` on `pinia`; works without an app. Like any `useStore(pinia)`, it makes
 * `pinia` the active Pinia. Two backends on one Pinia must use different store ids, or they share one state.
 */
export function useMockBackendStore(pinia: Pinia, storeId: string = MOCK_STORE_ID): MockBackendStore {
  return defineMockBackendStore(storeId)(pinia)
}

/** A counter bumped on every change made through a store (see `mockStoreVersion`). */
export interface MockStoreVersion {
  value: number
}

const versions = new WeakMap<object, MockStoreVersion>()

/**
 * A counter bumped synchronously by every `$patch` of `store` (a backend's changes, and a host's `$patch` or
 * `$state` assignment) and when the store's whole state is replaced. One per store, shared by every backend on it.
 * The subscription is not deep (a deep watcher would walk the whole state on every write) and holds only the
 * counter, so a discarded backend's caches are not kept alive by the store.
 */
export function mockStoreVersion(store: MockBackendStore): MockStoreVersion {
  let version = versions.get(store)
  if (!version) {
    const counter: MockStoreVersion = { value: 0 }
    store.$subscribe(
      () => {
        counter.value += 1
      },
      { flush: 'sync', deep: false, detached: true },
    )
    versions.set(store, counter)
    version = counter
  }
  return version
}
