/**
 * vue-account-networks: drop-in Vue 3 components for B2B account networks.
 * The root entry: domain types, schemas, errors, the adapter contract, and (next) the plugin, composables and components.
 */
export * from './core'
