/** Labels shared by the columns and the details' fields. */
const fields = { account: 'Account', domain: 'Account type', fee: 'Agreed fee', proposal: 'Pending fee proposal' }

/** Messages of `NetworksTable`. Functions take the values they interpolate (already formatted). */
export const networksMessages = {
  /** Accessible name of the component's region. */
  title: 'Networks',
  /** Table caption (visually hidden). */
  caption: 'Networked accounts',
  /** Search field label. */
  searchLabel: 'Search networks',
  /** Search field placeholder. */
  searchPlaceholder: 'Account or account type',
  /** Filter label. */
  filterLabel: 'Filter',
  /** Filter option meaning no filter. */
  filterAll: 'All',
  /** Page size select label. */
  pageSizeLabel: 'Rows per page',
  /** Total rows, e.g. "12 networks". */
  total: (count: number) => (count === 1 ? '1 network' : `${count} networks`),
  /** Pagination region label. */
  paginationLabel: 'Networks pages',
  /** Current page, e.g. "Page 2 of 5". */
  pageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  /** Previous page button. */
  previousPage: 'Previous',
  /** Next page button. */
  nextPage: 'Next',
  /** Column headers. */
  columns: { ...fields, actions: 'Actions' },
  /** Labels of filter values the server may offer (unknown values show as sent). */
  filters: { proposed: 'With a fee proposal' } as Record<string, string>,
  /** A pending proposal: fee and date formatted, `by` the proposer ('' when unknown). */
  proposal: (fee: string, date: string, by: string) => `${fee} proposed${date ? ` ${date}` : ''}${by ? ` by ${by}` : ''}`,
  /** Proposer when it is the session (parent) account. */
  proposedByYou: 'your account',
  /** Empty state without search or filter. */
  empty: 'No networks yet',
  /** Empty state hint. */
  emptyHint: 'Networks appear here once an invited account accepts its invitation.',
  /** Empty state with a search or filter active. */
  noMatch: 'No networks match',
  /** Hint under "No networks match". */
  noMatchHint: 'Try another search or clear the filters.',
  /** Button clearing search and filter. */
  clearFilters: 'Clear filters',
  /** Details action's visible text. */
  details: 'Details',
  /** Details action's accessible name. */
  detailsLabel: (account: string) => `Details of the network with ${account}`,
  /** Details dialog heading. */
  detailsTitle: (account: string) => `Network with ${account}`,
  /** Details: labels of the fields. */
  detailFields: { ...fields, accountId: 'Account id', created: 'Network since' },
  /** Propose fee action's visible text. */
  proposeFee: 'Propose fee',
  /** Propose fee action's accessible name. */
  proposeFeeLabel: (account: string) => `Propose fee to ${account}`,
  /** Propose fee dialog heading. */
  proposeFeeTitle: (account: string) => `Propose a new fee to ${account}`,
  /** Text of the propose fee dialog, with the agreed fee formatted. */
  proposeFeeIntro: (fee: string) => `The agreed fee stays ${fee} until the account accepts the proposal.`,
  /** Fee field label. */
  feeLabel: 'New fee (%)',
  /** Fee field help. */
  feeHelp: 'From 0 to 100, at most two decimals.',
  /** Fee field left empty. */
  feeRequired: 'Enter a fee.',
  /** Fee is not a number. */
  feeNotNumber: 'Enter the fee as a number, like 2.5.',
  /** Fee below 0. */
  feeMin: 'The fee cannot be below 0%.',
  /** Fee above 100. */
  feeMax: 'The fee cannot be above 100%.',
  /** Fee with more than two decimals. */
  feeDecimals: 'Use at most two decimals, like 2.25.',
  /** Submit button of the fee dialog. */
  proposeFeeSubmit: 'Send proposal',
  /** Status after a proposal. */
  feeProposed: (account: string, fee: string) => `A fee of ${fee} was proposed to ${account}.`,
  /** Remove action's visible text. */
  remove: 'Remove',
  /** Remove action's accessible name. */
  removeLabel: (account: string) => `Remove the network with ${account}`,
  /** Remove confirmation heading. */
  confirmRemoveTitle: 'Remove network',
  /** Remove confirmation text. */
  confirmRemove: (account: string) =>
    `Remove the network with ${account}? Only the network relationship is removed: the account ${account} stays active.`,
  /** Remove confirmation button. */
  confirmRemoveButton: 'Remove network',
  /** Status after a removal. */
  removed: (account: string) => `The network with ${account} was removed. The account stays active.`,
  /** Failed removal. */
  removeFailed: (account: string, reason: string) => `The network with ${account} was not removed. ${reason}`,
  /** Status when the network was already gone (404). */
  notFound: 'This network no longer exists.',
  /** Shown when the user may not list networks or the adapter cannot. */
  noListAccess: "You don't have access to networks.",
  /** Dismiss button of a status message. */
  dismiss: 'Dismiss',
}
