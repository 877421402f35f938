/** Names and email texts of the mock backend: account titles derived from emails, and the emails it "sends". */

const SECOND_LEVEL = new Set(['co', 'com', 'org', 'net', 'gov', 'ac', 'edu', 'ltd', 'plc'])

/** Capitalises each word of a slug such as `acme-corp` → `Acme Corp`. */
function words(slug: string): string {
  return slug
    .split(/[-_.+\s]+/)
    .filter((word) => word !== '')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1).toLowerCase())
    .join(' ')
}

/**
 * A company title from an email's domain: `jdoe@acme-corp.com` → `Acme Corp`, `a@mail.shop.co.uk` → `Shop`.
 * Falls back to the local part, then to `New account`.
 */
export function titleFromEmail(email: string): string {
  const [local = '', host = ''] = email.trim().split('@')
  const labels = host.toLowerCase().split('.').filter((label) => label !== '')
  if (labels.length > 1) labels.pop()
  if (labels.length > 1 && SECOND_LEVEL.has(labels[labels.length - 1] ?? '')) labels.pop()
  return words(labels[labels.length - 1] ?? '') || words(local) || 'New account'
}

/** A person's display name from an email's local part: `jane.doe@…` → `Jane Doe`. */
export function nameFromEmail(email: string): string {
  const [local = ''] = email.trim().split('@')
  return words(local) || 'New user'
}

/** A Unix-seconds time as an ISO 8601 UTC string without milliseconds, e.g. `2026-01-03T10:00:00Z`. */
export function isoDate(unixSeconds: number): string {
  return new Date(unixSeconds * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

/** Builds `${base}?token=${token}` with the URL API (keeps any existing query and hash). */
export function activationLink(networkUrl: string, token: string): string {
  const url = new URL(networkUrl)
  url.searchParams.set('token', token)
  return url.toString()
}

/** What the invitation email needs to say. */
export interface InvitationEmailFacts {
  /** Parent account title. */
  parentTitle: string
  /** Title of the domain the child account will be in. */
  domainTitle: string
  /** Proposed fee in percent, if any. */
  feeProposed: number | undefined
  /** Activation link. */
  link: string
  /** Expiry (Unix seconds). */
  expires: number
  /** Whether this is a resend after an update. */
  resend: boolean
}

/** Subject and body of an invitation email. */
export function invitationEmail(facts: InvitationEmailFacts): { subject: string; text: string } {
  const subject = facts.resend
    ? `Updated invitation: join ${facts.parentTitle}'s network`
    : `${facts.parentTitle} invites you to join its network`
  const lines = [
    'Hello,',
    '',
    `${facts.parentTitle} has invited you to join its network as a ${facts.domainTitle} account.`,
  ]
  if (facts.resend) lines.push('This invitation replaces the one sent before; the earlier link no longer works.')
  if (facts.feeProposed !== undefined) lines.push(`Proposed revenue-share fee: ${facts.feeProposed}%.`)
  lines.push(
    '',
    'Open this link to create your account:',
    facts.link,
    '',
    `This link expires on ${isoDate(facts.expires)}.`,
    'If you did not expect this invitation, you can ignore this email.',
  )
  return { subject, text: lines.join('\n') }
}

/** What the login-instructions email needs to say. */
export interface LoginEmailFacts {
  /** New account's title. */
  accountTitle: string
  /** Parent account title. */
  parentTitle: string
  /** Title of the new account's domain. */
  domainTitle: string
  /** Login email. */
  email: string
  /** Login URL. */
  loginUrl: string
}

/** Subject and body of the login-instructions email sent after activation. */
export function loginEmail(facts: LoginEmailFacts): { subject: string; text: string } {
  return {
    subject: `Your ${facts.accountTitle} account is ready`,
    text: [
      'Welcome,',
      '',
      `Your ${facts.domainTitle} account ${facts.accountTitle} is ready and is now in ${facts.parentTitle}'s network.`,
      `Sign in with ${facts.email} at:`,
      facts.loginUrl,
      '',
      'Choose "Forgot password" on the sign-in page to set your password the first time.',
    ].join('\n'),
  }
}
