export * from './useNetworkDomains'
export * from './errors'
