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
