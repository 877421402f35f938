/**
 * vue-account-networks/rest: the `NetworksAdapter` over the Backstack network API, over HTTP.
 * Browser and SSR safe (no `window` at import time); it never imports the Node reference server.
 */
export {
  createRestAdapter,
  newIdempotencyKey,
  parseActivationResult,
} from './adapter'
export type { RestAdapter, RestAdapterOptions, CreateInvitationRequestOptions } from './adapter'
export { BACKSTACK_ROUTES, BACKSTACK_V1_ROUTES, REST_ROUTE_PRESETS, ROUTE_PARAMS, resolveRoutes, fillPath } from './routes'
export type { RestMethod, RestRoute, RestRoutes, RestRouteOverrides, RestRoutePreset, RequiredRestOperation } from './routes'
export { buildUrl, DEFAULT_TIMEOUT_MS, DEFAULT_MAX_RETRIES, DEFAULT_RETRY_BASE_DELAY_MS, DEFAULT_MAX_RETRY_DELAY_MS } from './http'
export type { RestFetch, RestHeaders, RestRequestInfo } from './http'
export {
  errorFromResponse,
  parseRetryAfter,
  reasonForStatus,
  defaultMessageForStatus,
  OFFLINE_MESSAGE,
  TIMEOUT_MESSAGE,
  BAD_RESPONSE_MESSAGE,
} from './errors'
