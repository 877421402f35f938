import { DEFAULT_ACCESS_RULES, checkAccess, type AccessMap } from './core/access'
import type { NetworksOperation } from './core/adapter'

/** An action a component can offer; named after the adapter operation it performs. */
export type NetworkAction = NetworksOperation

export { DEFAULT_ACCESS_RULES }

/** Access checked against the session's access map with Backstack-style strings. */
export interface AccessStringPolicy {
  /** The session's access map, e.g. `{ 'account-network': 'crud' }`; a getter for one that changes. */
  access: AccessMap | (() => AccessMap)
  /** Access strings per action, overriding `DEFAULT_ACCESS_RULES`. */
  rules?: Partial<Record<NetworkAction, string>>
}

/** Who may do what: a predicate, or access strings checked against the session's access map. */
export type AccessPolicy = ((action: NetworkAction) => boolean) | AccessStringPolicy

/** Turns a policy into a predicate; no policy allows everything. */
export function resolveAccessPolicy(policy: AccessPolicy | undefined): (action: NetworkAction) => boolean {
  if (typeof policy === 'function') return policy
  return (action) =>
    !policy || checkAccess(policy.rules?.[action] ?? DEFAULT_ACCESS_RULES[action], typeof policy.access === 'function' ? policy.access() : policy.access)
}
