export * from './types'
export { MOCK_IDS } from './ids'
