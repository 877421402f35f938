/**
 * Backstack-style access checks. A session carries an access map such as `{ "account-networks": "crud" }`.
 * A check string is one or more comma-separated rules, any of which may match:
 * - `*`: everyone;
 * - `feature` or `feature:*`: any access to the feature;
 * - `feature:letters`: the feature's access contains any of the letters (e.g. `account-network:d`).
 */

import type { NetworksOperation } from './adapter'

/** The session's access: feature -> letters it grants (e.g. `crud`). */
export type AccessMap = Readonly<Record<string, string>>

/** True when `access` satisfies `check` (empty or blank check strings never match). */
export function checkAccess(check: string, access: AccessMap | null | undefined): boolean {
  return check.split(',').some((rule) => {
    const colon = rule.indexOf(':')
    const feature = (colon < 0 ? rule : rule.slice(0, colon)).trim()
    if (colon < 0 && feature === '*') return true
    // Own keys only: `constructor` or `__proto__` are not features.
    if (feature === '' || !access || !Object.hasOwn(access, feature)) return false
    const letters = colon < 0 ? '' : rule.slice(colon + 1).trim()
    const granted = access[feature] ?? ''
    return letters === '' || letters === '*' || [...letters].some((letter) => granted.includes(letter))
  })
}

/* The Backstack features the default rules check. */
const INVITATIONS = 'account-network-invitations:'
const NETWORKS = 'account-networks:'
const NETWORK = 'account-network:'
const READ_NETWORKS = `${NETWORK}r,${NETWORKS}r`

/**
 * Default Backstack access strings per action (adapter operation), as the demo application gates them: e.g.
 * `listInvitations` is `account-network-invitations:r,account-networks:r`, `deleteNetwork` is `account-network:d`.
 * Its keys, in this order, are also `NETWORKS_OPERATIONS`. Re-exported by `access-policy.ts`.
 */
export const DEFAULT_ACCESS_RULES: Readonly<Record<NetworksOperation, string>> = {
  listNetworkDomains: '*',
  listCountries: '*',
  createInvitation: `${INVITATIONS}c,${NETWORKS}c`,
  listInvitations: `${INVITATIONS}r,${NETWORKS}r`,
  updateInvitation: `${INVITATIONS}u,${NETWORKS}c`,
  deleteInvitation: `${INVITATIONS}d`,
  activateInvitation: '*',
  listNetworks: READ_NETWORKS,
  getNetwork: READ_NETWORKS,
  updateNetwork: `${NETWORK}u`,
  deleteNetwork: `${NETWORK}d`,
}
