// Strings used by more than one message.
const TITLE = 'Network invitations'
const INVITE = 'Invite an account'
const DELETE = 'Delete invitation'
const STATUS = 'Status'

/** Messages of `NetworkInvitationsTable`. Functions take the values they interpolate (already formatted). */
export const invitationsMessages = {
  /** Accessible name of the component's region. */
  title: TITLE,
  /** Table caption (visually hidden). */
  caption: TITLE,
  /** Search field label. */
  searchLabel: 'Search invitations',
  /** Search field placeholder. */
  searchPlaceholder: 'Email or account type',
  /** Status filter label. */
  filterLabel: STATUS,
  /** Status filter option meaning no filter. */
  filterAll: 'All',
  /** Page size select label. */
  pageSizeLabel: 'Rows per page',
  /** Total rows, e.g. "42 invitations". */
  total: (count: number) => `${count} invitation${count === 1 ? '' : 's'}`,
  /** Pagination region label. */
  paginationLabel: 'Invitations pages',
  /** Current page, e.g. "Page 2 of 5". */
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  /** Previous page button. */
  previousPage: 'Previous',
  /** Next page button. */
  nextPage: 'Next',
  /** Column headers. */
  columns: {
    created: 'Created',
    email: 'Recipient',
    domain: 'Account type',
    fee: 'Proposed fee',
    expires: 'Expires',
    status: STATUS,
    actions: 'Actions',
  },
  /** Relative expiry in the future, `relative` like "in 2 days". */
  expiresIn: (relative: string) => `expires ${relative}`,
  /** Relative expiry in the past, `relative` like "3 days ago". */
  expiredAgo: (relative: string) => `expired ${relative}`,
  /** Empty state without search or filter. */
  empty: 'No invitations yet',
  /** Empty state hint. */
  emptyHint: 'Invite an account to start a network.',
  /** Empty state with a search or filter active. */
  noMatch: 'No invitations match',
  /** Hint under "No invitations match". */
  noMatchHint: 'Try another search or clear the filters.',
  /** Button clearing search and filter. */
  clearFilters: 'Clear filters',
  /** Invite button. */
  invite: INVITE,
  /** Invite dialog heading. */
  inviteTitle: INVITE,
  /** Edit dialog heading, with the recipient. */
  editTitle: (email: string) => `Edit and resend the invitation to ${email}`,
  /** Edit action's visible text. */
  edit: 'Edit',
  /** Edit action's accessible name. */
  editLabel: (email: string) => `Edit and resend invitation to ${email}`,
  /** Delete action's visible text. */
  delete: 'Delete',
  /** Delete action's accessible name. */
  deleteLabel: (email: string) => `${DELETE} to ${email}`,
  /** Delete confirmation heading. */
  confirmDeleteTitle: DELETE,
  /** Delete confirmation question. */
  confirmDelete: (email: string) => `Delete the invitation to ${email}? Its activation link stops working.`,
  /** Delete confirmation button. */
  confirmDeleteButton: DELETE,
  /** Status after a delete. */
  deleted: (email: string) => `The invitation to ${email} was deleted.`,
  /** Status when the invitation was already gone (404). */
  notFound: 'This invitation no longer exists.',
  /** Prefix of a failed delete, before the reason. */
  deleteFailed: (email: string, reason: string) => `The invitation to ${email} was not deleted. ${reason}`,
  /** Status after an invitation was sent. */
  created: (email: string) => `Invitation sent to ${email}.`,
  /** Status after an invitation was changed and resent. */
  updated: (email: string) => `Invitation to ${email} updated and resent.`,
  /** Shown when the user may not list invitations. */
  noListAccess: "You don't have access to network invitations.",
  /** Dismiss button of a status message. */
  dismiss: 'Dismiss',
}
