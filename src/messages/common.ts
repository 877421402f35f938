import { GENERIC_ERROR_MESSAGE } from '../core/describe'

/** Messages shared by every component. */
export const commonMessages = {
  /** Shown when the adapter rejected with 401. */
  unauthenticated: 'Your session has ended. Sign in again to continue.',
  /** Shown when the adapter rejected with 403. */
  forbidden: "You don't have access to networks. Ask an administrator of your account.",
  /** Generic failure when the error has no message of its own. */
  genericError: GENERIC_ERROR_MESSAGE,
  /** Retry button. */
  retry: 'Try again',
  /** Cancel button. */
  cancel: 'Cancel',
  /** Close button. */
  close: 'Close',
  /** Save button. */
  save: 'Save',
  /** Delete button. */
  delete: 'Delete',
  /** Loading status for screen readers. */
  loading: 'Loading…',
  /** Status while a list refreshes in the background. */
  refreshing: 'Updating…',
  /** Placeholder for an empty value in a table cell. */
  none: '—',
  /** Invitation status labels. */
  status: {
    pending: 'Pending',
    expired: 'Expired',
    active: 'Accepted',
  },
}
