/** vue-account-networks/mock: an in-memory, Pinia-backed mock backend and adapter for demos, stories and tests. */
export * from './types'
export { MOCK_IDS } from './ids'
export {
  createMockBackend,
  isMockBackend,
  mockInvitationStatus,
  MOCK_ACCESS_CHECKS,
  MOCK_DEFAULT_INVITATION_LIFETIME,
  MOCK_DEFAULT_LOGIN_URL,
  MOCK_DEFAULT_NETWORK_URL,
  MOCK_DEFAULT_NOW,
  MOCK_DEFAULT_SEED,
  MOCK_NETWORK_FILTERS,
} from './backend'
export { createMockAdapter } from './adapter'
export { defineMockBackendStore, emptyMockState, MOCK_STORE_ID, useMockBackendStore } from './store'
export { mockFailureToError, MOCK_FAILURE_SHORTHANDS } from './failures'
export { FULL_ACCESS as MOCK_FULL_ACCESS, READ_ONLY_ACCESS as MOCK_READ_ONLY_ACCESS, MOCK_VERSION_ID } from './seed'
export { TOKEN_ERRORS as MOCK_TOKEN_ERRORS } from './errors'
export { titleFromEmail } from './text'
