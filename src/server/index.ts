/**
 * vue-account-networks/server (Node only): the reference HTTP server for the Backstack network API over the mock
 * backend, and a Vite plugin mounting it. Never imported by the browser entries.
 */
export { createReferenceServer } from './reference-server'
export type { ReferenceServer, ReferenceServerOptions, ReferenceHandler, ListeningReferenceServer } from './reference-server'
export { referenceApiPlugin } from './vite-plugin'
export type { ReferenceApiPluginOptions } from './vite-plugin'
