/**
 * Routes of the REST adapter: which HTTP method and path template each adapter operation uses.
 * Two presets follow the seeds: the current account API (seed 003) and the early v1 API (seed 000).
 */
import { LIBRARY } from '../../core/describe'
import type { NetworksOperation, OptionalNetworksOperation } from '../../core/adapter'

/** HTTP methods a route may use. */
export type RestMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

/**
 * One endpoint: a method and a path template relative to `baseUrl`. The path may hold one `:param`
 * placeholder (filled URL-encoded) and a fixed query string (e.g. `?collection=true`).
 */
export interface RestRoute {
  /** HTTP method. */
  method: RestMethod
  /** Path template such as `/account/network-invitations/:id`. */
  path: string
}

/** Operations whose route is required (the adapter contract requires the method). */
export type RequiredRestOperation = Exclude<NetworksOperation, OptionalNetworksOperation>

/** A full route table: every required operation has a route; an optional one has a route or `null` (unsupported). */
export type RestRoutes = { [K in RequiredRestOperation]: RestRoute } & { [K in OptionalNetworksOperation]: RestRoute | null }

/** Overrides of a preset: any operation's route, or `null` to disable an optional operation. */
export type RestRouteOverrides = { [K in RequiredRestOperation]?: RestRoute } & { [K in OptionalNetworksOperation]?: RestRoute | null }

/**
 * The placeholder names each operation's path may use. Every operation takes at most one value, and `:id`
 * is accepted everywhere as an alias, so `/networks/:id` works as an override of `getNetwork`.
 */
export const ROUTE_PARAMS: Readonly<Record<NetworksOperation, readonly string[]>> = {
  listNetworkDomains: [],
  listCountries: [],
  createInvitation: [],
  listInvitations: [],
  updateInvitation: ['id'],
  deleteInvitation: ['id'],
  activateInvitation: ['token', 'id'],
  listNetworks: [],
  getNetwork: ['child_account_id', 'id'],
  updateNetwork: ['child_account_id', 'id'],
  deleteNetwork: ['child_account_id', 'id'],
}

/**
 * Routes of the current Backstack account API (seed 003). Update invitation and activation share the
 * shape `POST /account/network-invitations/:x` (ids start with `nwi_`, tokens do not). Countries are not part
 * of that API, so `listCountries` is off.
 */
export const BACKSTACK_ROUTES: Readonly<RestRoutes> = Object.freeze({
  listNetworkDomains: { method: 'GET', path: '/account/network-domains?collection=true' },
  listCountries: null,
  createInvitation: { method: 'POST', path: '/account/network-invitations' },
  listInvitations: { method: 'GET', path: '/account/network-invitations' },
  updateInvitation: { method: 'POST', path: '/account/network-invitations/:id' },
  deleteInvitation: { method: 'DELETE', path: '/account/network-invitations/:id' },
  activateInvitation: { method: 'POST', path: '/account/network-invitations/:token' },
  listNetworks: { method: 'GET', path: '/account/networks' },
  getNetwork: { method: 'GET', path: '/account/networks/:child_account_id' },
  updateNetwork: { method: 'POST', path: '/account/networks/:child_account_id' },
  deleteNetwork: { method: 'DELETE', path: '/account/networks/:child_account_id' },
} satisfies RestRoutes)

/**
 * Routes of the early v1 API (seed 000): only `POST /v1/network/initiate` and `POST /v1/network/activate/:token`
 * are documented there. The contract requires listing domains and invitations, which seed 000 does not
 * document (it points at the `app-schema` for domains), so this preset borrows the account API's two list
 * routes; override `listNetworkDomains` / `listInvitations` if your v1 server serves them elsewhere. Every
 * optional operation is off, so the adapter has no method for it and the components hide it.
 */
export const BACKSTACK_V1_ROUTES: Readonly<RestRoutes> = Object.freeze({
  listNetworkDomains: BACKSTACK_ROUTES.listNetworkDomains,
  listCountries: null,
  createInvitation: { method: 'POST', path: '/v1/network/initiate' },
  listInvitations: BACKSTACK_ROUTES.listInvitations,
  updateInvitation: null,
  deleteInvitation: null,
  activateInvitation: { method: 'POST', path: '/v1/network/activate/:token' },
  listNetworks: null,
  getNetwork: null,
  updateNetwork: null,
  deleteNetwork: null,
} satisfies RestRoutes)

/** Named route presets: `backstack` (seed 003, the default) and `backstack-v1` (seed 000). */
export const REST_ROUTE_PRESETS = Object.freeze({
  backstack: BACKSTACK_ROUTES,
  'backstack-v1': BACKSTACK_V1_ROUTES,
})

/** Name of a route preset. */
export type RestRoutePreset = keyof typeof REST_ROUTE_PRESETS

const METHODS: readonly string[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE']
const PLACEHOLDER = /:([A-Za-z_][A-Za-z0-9_]*)/g

/** Throws the `TypeError` of an option the adapter could never work with (here: a route it could never call). */
export function invalid(message: string): never {
  throw new TypeError(`${LIBRARY}/rest: ${message}`)
}

/**
 * Resolves the `routes` option: a preset name, or overrides laid over the `backstack` preset (spread
 * `BACKSTACK_V1_ROUTES` into them to start from v1). Checks every route (method, leading slash, known
 * placeholder) and throws a `TypeError` naming the operation for a route the adapter could never call.
 */
export function resolveRoutes(routes: RestRoutePreset | RestRouteOverrides = 'backstack'): RestRoutes {
  const overrides: RestRouteOverrides =
    typeof routes !== 'string' ? routes : Object.hasOwn(REST_ROUTE_PRESETS, routes) ? REST_ROUTE_PRESETS[routes] : invalid(`unknown route preset "${routes}".`)
  const resolved: Partial<Record<NetworksOperation, RestRoute | null>> = {}
  // ROUTE_PARAMS names every operation in contract order (like NETWORKS_OPERATIONS, without the access rules).
  for (const operation of Object.keys(ROUTE_PARAMS) as NetworksOperation[]) {
    // A preset names every operation, so only overrides fall back to `backstack`.
    const route = overrides[operation] === undefined ? BACKSTACK_ROUTES[operation] : overrides[operation]
    const allowed = ROUTE_PARAMS[operation]
    if (route === null) {
      // The v1 preset has exactly the required routes.
      if (BACKSTACK_V1_ROUTES[operation]) invalid(`the route of ${operation} is required.`)
    } else if (typeof route !== 'object' || !METHODS.includes(route.method)) {
      invalid(`the route of ${operation} needs a method (GET, POST, PUT, PATCH or DELETE).`)
    } else if (typeof route.path !== 'string' || !route.path.startsWith('/')) {
      invalid(`the path of ${operation} must start with "/".`)
    } else {
      const names = [...(route.path.split('?')[0] ?? '').matchAll(PLACEHOLDER)].map((m) => m[1] ?? '')
      for (const name of names) {
        if (!allowed.includes(name)) {
          invalid(`the path of ${operation} uses ":${name}"; it may use ${allowed.length ? allowed.map((a) => `:${a}`).join(' or ') : 'no placeholder'}.`)
        }
      }
      if (allowed.length > 0 && names.length === 0) invalid(`the path of ${operation} needs a placeholder (:${allowed[0]}).`)
    }
    resolved[operation] = route && Object.freeze({ method: route.method, path: route.path })
  }
  return resolved as RestRoutes
}

/**
 * Fills a path template: each `:param` is replaced by `value`, URL-encoded as one path segment.
 * The fixed query string of the template, if any, is kept.
 */
export function fillPath(template: string, value?: string): string {
  return template.replace(/^[^?]*/, (pathname) => pathname.replace(PLACEHOLDER, () => encodeURIComponent(value ?? '')))
}
