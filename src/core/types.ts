/**
 * Domain model of account networks, framework-free.
 * Field names follow the Backstack API (snake_case); timestamps are Unix seconds.
 */

/** Lifecycle state of a network invitation. */
export type InvitationStatus = 'pending' | 'expired' | 'active'

/** Every invitation status, in display order. */
export const INVITATION_STATUSES: readonly InvitationStatus[] = ['pending', 'expired', 'active']

/** An invitation sent by a parent account to a future child account. The secret token is never part of it. */
export interface NetworkInvitation {
  /** Invitation id, `nwi_…`. */
  id: string
  /** When the invitation was created (Unix seconds). */
  created: number
  /** Domain (account type) the child account will be created in. */
  domain_id: string
  /** Recipient email address, as entered (trimmed). */
  email: string
  /** Proposed revenue-share fee in percent (0–100, at most 2 decimals), when monetization is on. */
  fee_proposed?: number
  /** Country of the child account; absent means the parent's country. */
  country_id?: string
  /** When the activation link stops working (Unix seconds). */
  expires: number
  /** `pending` until activated or expired. */
  status: InvitationStatus
}

/** The network relationship between the session (parent) account and one child account. */
export interface Network {
  /** The child account's id, `acc_…`. */
  account_id: string
  /** The child account's display name. */
  account_title: string
  /** The child account's domain id. */
  domain_id: string
  /** The child account's domain title. */
  domain_title: string
  /** Agreed revenue-share fee in percent. */
  fee: number
  /** A proposed new fee in percent, awaiting agreement. */
  fee_proposed?: number
  /** When the pending fee was proposed (Unix seconds). */
  proposed_date?: number
  /** Account that proposed the pending fee. */
  proposed_account_id?: string
  /** User who proposed the pending fee. */
  proposed_user_id?: string
  /** When the network was established (Unix seconds). */
  created: number
}

/** An account type a parent may create child accounts in. */
export interface NetworkDomain {
  /** Domain id, `dom_…`. */
  id: string
  /** Display name. */
  title: string
  /** One-line description, shown as help in the invitation form. */
  description: string
}

/** A country a child account may be created in. */
export interface Country {
  /** Country id (ISO 3166-1 alpha-2 in the mock). */
  id: string
  /** Display name. */
  title: string
}

/** What a successful activation created. */
export interface ActivationResult {
  /** The new child account. */
  account_id: string
  /** The child account's first user, who was emailed login instructions. */
  user_id: string
  /** The child account's domain. */
  domain_id: string
  /** The application version the account was created on. */
  version_id: string
}

/** The ids of the two accounts whose network was removed. */
export interface DeleteNetworkResult {
  /** The session (parent) account. */
  parent_account_id: string
  /** The child account, which stays active. */
  child_account_id: string
}

/** One page of a server-side list (Backstack "record list"). */
export interface RecordList<T> {
  /** The rows of this page. */
  list: T[]
  /** Rows matching search and filter, over all pages. */
  total: number
  /** The search the server applied. */
  search: string
  /** The filter the server applied (`''` for none). */
  filter: string
  /** Filter values the server offers for this list. */
  filters: string[]
  /** Number of pages at the requested page size (0 when empty). */
  pages: number
}

/** Query of a record list. */
export interface ListQuery {
  /** Case-insensitive free-text search. */
  search?: string
  /** One of the list's `filters`; empty for none. */
  filter?: string
  /** 1-based page number. @defaultValue 1 */
  page?: number
  /** Rows per page, 1–100. @defaultValue 25 */
  records?: number
}

/** Default rows per page of a record list. */
export const DEFAULT_RECORDS = 25
/** Largest page size a record list accepts. */
export const MAX_RECORDS = 100

/** Input of `createInvitation`. */
export interface CreateInvitationInput {
  /** Recipient email address. */
  email: string
  /** One of the parent's subordinate domains. */
  domain_id: string
  /** Country of the child account; omitted means the parent's. */
  country_id?: string
  /** Proposed fee in percent; only when monetization is on. */
  fee_proposed?: number
}

/**
 * Input of `updateInvitation`. Only submitted fields change; `null` (or `''` for email is ignored)
 * deletes the optional `fee_proposed`; an empty required value keeps the old one.
 */
export interface UpdateInvitationInput {
  /** New recipient email; omitted or empty keeps the current one. */
  email?: string
  /** New proposed fee in percent; `null` removes it, omitted keeps it. */
  fee_proposed?: number | null
}

/** Input of `updateNetwork`: a fee proposal for the child account to agree to. */
export interface UpdateNetworkInput {
  /** Proposed fee in percent. */
  fee: number
}
