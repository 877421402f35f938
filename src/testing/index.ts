/**
 * `vue-account-networks/testing`: the adapter conformance suite host apps run against their own adapters,
 * its framework-free checks, and a subject built on the mock backend.
 */
export * from './types'
export * from './assertions'
export * from './links'
export * from './suite'
export * from './mock-subject'
