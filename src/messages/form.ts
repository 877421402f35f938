/** Ends both success messages: the email was accepted for delivery, not delivered. */
const delivery = 'The email was accepted for delivery; it may take a few minutes to arrive.'
/** Starts both retry hints. */
const kept = 'Your entries are kept. Try again in'

/** Messages of `NetworkInvitationForm` (and `useInvitationForm`). */
export const formMessages = {
  /** Accessible name of the form when inviting. */
  title: 'Invite an account',
  /** Accessible name of the form when editing an invitation. */
  editTitle: 'Edit invitation',
  /** Label of the email field. */
  email: 'Email',
  /** Label of the account type (domain) field. */
  domain: 'Account type',
  /** First, empty option of the account type select. */
  domainPlaceholder: 'Choose an account type',
  /** Help under the account type in edit mode, where it cannot change. */
  domainReadOnly: 'The account type of an invitation cannot be changed.',
  /** Label of the country field. */
  country: 'Country',
  /** Empty option of the country select: the server uses the inviting account's country. */
  countrySame: 'Same as your account',
  /** Label of the proposed fee field. */
  fee: 'Proposed fee',
  /** Suffix shown after the fee input. */
  feeSuffix: '%',
  /** Help under the fee field. */
  feeHelp: 'Revenue share in percent, 0 to 100. Leave empty for no fee.',
  /** Submit button when inviting. */
  submit: 'Send invitation',
  /** Submit button when editing. */
  save: 'Save and resend',
  /** Status while the request runs. */
  submitting: 'Sending…',
  /** Status after a successful invitation: the email was accepted for delivery, not delivered. */
  sent: (email: string) => `Invitation sent to ${email}. ${delivery}`,
  /** Status after a successful edit: a new link was sent and the old one stopped working. */
  resent: (email: string) => `Invitation updated. A new link was sent to ${email}; the previous link no longer works. ${delivery}`,
  /** Added to a retryable failure (rate limit, server, connection). */
  retryHint: `${kept} a moment.`,
  /** Added to a 429 with a known wait, in seconds. */
  retryAfter: (seconds: number) => `${kept} ${seconds} seconds.`,
  /** Shown when the account has no subordinate domains. */
  noDomains: "Your account can't invite other accounts: there are no account types below yours.",
  /** Shown while the account types load. */
  loadingDomains: 'Loading account types…',
  /** Shown when the account types could not be loaded. */
  domainsError: "The account types couldn't be loaded.",
  /** Shown instead of the form without permission to invite. */
  forbidden: "You don't have permission to invite accounts.",
  /** Shown instead of the edit form when invitations cannot be changed. */
  editUnavailable: "You can't change this invitation.",
  /** Field validation messages. */
  errors: {
    /** Email left empty. */
    emailRequired: 'Enter an email address.',
    /** Email not an address. */
    emailInvalid: 'Enter a valid email address, like name@example.com.',
    /** Email over 254 characters. */
    emailTooLong: 'This email address is too long.',
    /** No account type chosen. */
    domainRequired: 'Choose an account type.',
    /** Country not in the list. */
    countryInvalid: 'Choose one of the listed countries.',
    /** Fee not a number. */
    feeNumber: 'Enter the fee as a number, like 2.5.',
    /** Fee below 0. */
    feeMin: 'The fee cannot be below 0%.',
    /** Fee above 100. */
    feeMax: 'The fee cannot be above 100%.',
    /** Fee with more than two decimals. */
    feeDecimals: 'Use at most two decimals, like 2.25.',
  },
}
