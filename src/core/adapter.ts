import { DEFAULT_ACCESS_RULES } from './access'
import type {
  ActivationResult,
  Country,
  CreateInvitationInput,
  DeleteNetworkResult,
  ListQuery,
  Network,
  NetworkDomain,
  NetworkInvitation,
  RecordList,
  UpdateInvitationInput,
  UpdateNetworkInput,
} from './types'

/**
 * The contract between the components and a network API. Every method acts as the session account
 * (the parent), resolves with the domain types, and rejects with a `NetworkApiError` — nothing else.
 * Adapters may leave out the operations marked optional; `adapterSupports` tells what one can do, and
 * the components hide what it cannot.
 */
export interface NetworksAdapter {
  /** A short name for devtools and error messages, e.g. `mock` or `rest`. */
  readonly name?: string

  /** Domains the session account may create child accounts in (its subordinate domains), in display order. */
  listNetworkDomains(): Promise<NetworkDomain[]>

  /** Countries a child account may be created in. Optional: without it the form has no country field. */
  listCountries?(): Promise<Country[]>

  /**
   * Creates an invitation and emails the recipient a tokened activation link. Resolving means the email was
   * accepted for delivery, not that it arrived. Rejects with a `user` error and `fields` for bad input
   * (`email`, `domain_id` outside the subordinate domains, `fee_proposed` out of range or when monetization is off).
   */
  createInvitation(input: CreateInvitationInput): Promise<NetworkInvitation>

  /** One page of the session account's invitations, searchable (email, domain title) and filterable by status. */
  listInvitations(query?: ListQuery): Promise<RecordList<NetworkInvitation>>

  /**
   * Changes a pending invitation and resends it with a new link; the old link stops working and the
   * expiry restarts. Only submitted fields change: an omitted field keeps its value, `fee_proposed: null`
   * deletes the fee, an empty email keeps the old one. Rejects 404 (`not_found`) for an id the session cannot see.
   * Optional.
   */
  updateInvitation?(id: string, input: UpdateInvitationInput): Promise<NetworkInvitation>

  /** Deletes an invitation; its link stops working. Rejects 404 for an id the session cannot see. Optional. */
  deleteInvitation?(id: string): Promise<void>

  /**
   * Spends a single-use token from an activation link: creates the child account, its first user (emailed
   * login instructions) and the network. Needs no session. Rejects with distinct reasons: `token_malformed`,
   * `token_invalid` (unknown), `token_expired`, `token_used`, `token_revoked` (invitation deleted),
   * `token_replaced` (a newer link was sent).
   */
  activateInvitation(token: string): Promise<ActivationResult>

  /** One page of the session account's networks, searchable (account title, domain title). Optional. */
  listNetworks?(query?: ListQuery): Promise<RecordList<Network>>

  /** One network by its child account id. Rejects 404 when it is not the session's. Optional. */
  getNetwork?(childAccountId: string): Promise<Network>

  /**
   * Records a fee proposal on a network (`fee_proposed`, `proposed_date`, who proposed); the agreed `fee`
   * stays until the child agrees. Rejects with a `fields.fee` error for a bad fee or when monetization is off.
   * Optional.
   */
  updateNetwork?(childAccountId: string, input: UpdateNetworkInput): Promise<Network>

  /** Removes the network relationship only; the child account stays active. Optional. */
  deleteNetwork?(childAccountId: string): Promise<DeleteNetworkResult>
}

/** Names of the operations an adapter may leave out. */
export type OptionalNetworksOperation =
  | 'listCountries'
  | 'updateInvitation'
  | 'deleteInvitation'
  | 'listNetworks'
  | 'getNetwork'
  | 'updateNetwork'
  | 'deleteNetwork'

/** Names of every adapter operation. */
export type NetworksOperation =
  | 'listNetworkDomains'
  | 'createInvitation'
  | 'listInvitations'
  | 'activateInvitation'
  | OptionalNetworksOperation

/** Every adapter operation name, in contract order (the keys of `DEFAULT_ACCESS_RULES`, which has one per operation). */
export const NETWORKS_OPERATIONS = /* @__PURE__ */ Object.keys(DEFAULT_ACCESS_RULES) as readonly NetworksOperation[]

/** True when the adapter implements `operation`; narrows the adapter so the method can be called. */
export function adapterSupports<K extends NetworksOperation>(
  adapter: NetworksAdapter,
  operation: K,
): adapter is NetworksAdapter & Required<Pick<NetworksAdapter, K>> {
  return typeof adapter[operation] === 'function'
}
