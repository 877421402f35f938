/**
 * vue-account-networks: drop-in Vue 3 components for B2B account networks.
 * The root entry: domain types, schemas, errors, the adapter contract, the plugin, composables and components.
 */
export * from './core'
export * from './access-policy'
export * from './query-keys'
export * from './plugin'
export * from './messages'
export * from './composables'
export * from './components'
