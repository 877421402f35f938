import { checkAccess, type AccessMap } from './core/access'
import type { NetworksOperation } from './core/adapter'

/** An action a component can offer; named after the adapter operation it performs. */
export type NetworkAction = NetworksOperation

/** Default Backstack access strings per action, as the demo application gates them. */
export const DEFAULT_ACCESS_RULES: Readonly<Record<NetworkAction, string>> = {
  listNetworkDomains: '*',
  listCountries: '*',
  activateInvitation: '*',
  listInvitations: 'account-network-invitations:r,account-networks:r',
  createInvitation: 'account-network-invitations:c,account-networks:c',
  updateInvitation: 'account-network-invitations:u,account-networks:c',
  deleteInvitation: 'account-network-invitations:d',
  listNetworks: 'account-network:r,account-networks:r',
  getNetwork: 'account-network:r,account-networks:r',
  updateNetwork: 'account-network:u',
  deleteNetwork: 'account-network:d',
}

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
  if (policy === undefined) return () => true
  if (typeof policy === 'function') return policy
  return (action) => {
    const access = typeof policy.access === 'function' ? policy.access() : policy.access
    return checkAccess(policy.rules?.[action] ?? DEFAULT_ACCESS_RULES[action], access)
  }
}
